package org.jamesguard.webadmin;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.apache.james.webadmin.Constants;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;
import org.apache.james.webadmin.utils.JsonExtractException;
import org.apache.james.webadmin.utils.JsonExtractor;
import org.eclipse.jetty.http.HttpStatus;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import spark.HaltException;
import spark.Request;

/** Reading request bodies and query parameters; bad input answers 400 with a message and changes nothing. */
final class RequestParameters {
    private RequestParameters() {
    }

    /** A JSON body (optional: an empty one means {@code whenEmpty}); any other content type is refused. */
    static <T> T body(Request request, JsonExtractor<T> extractor, Supplier<T> whenEmpty) {
        String contentType = request.contentType();
        if (contentType != null && !contentType.startsWith(Constants.JSON_CONTENT_TYPE)) {
            throw badRequest("expected Content-Type: " + Constants.JSON_CONTENT_TYPE + ", got " + contentType);
        }
        if (request.body() == null || request.body().isBlank()) {
            return whenEmpty.get();
        }
        T parsed;
        try {
            parsed = extractor.parse(request.body());
        } catch (JsonExtractException e) {
            throw badRequest("invalid body: " + describe(e.getCause()));
        }
        if (parsed == null) {
            throw badRequest("invalid body: expected a JSON object, got null");
        }
        return parsed;
    }

    /** The canonical name of the account in the path ({@code :account}): 400 when malformed. */
    static String account(Request request) {
        String raw = request.params("account");
        try {
            return Username.of(raw).asString();
        } catch (IllegalArgumentException e) {
            throw badRequest("'" + raw + "' is not an account name");
        }
    }

    static int integer(Request request, String name, int defaultValue, int min, int max) {
        String raw = request.queryParams(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw badRequest(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw badRequest(name + " must be a whole number, got '" + raw + "'");
        }
    }

    static HaltException badRequest(String message) {
        return ErrorResponder.builder()
            .statusCode(HttpStatus.BAD_REQUEST_400)
            .type(ErrorType.INVALID_ARGUMENT)
            .message(message)
            .haltError();
    }

    /** What is wrong with a body, in the request's terms: Jackson's own messages name our classes. */
    private static String describe(Throwable e) {
        if (e instanceof UnrecognizedPropertyException) {
            UnrecognizedPropertyException unknown = (UnrecognizedPropertyException) e;
            Collection<Object> known = unknown.getKnownPropertyIds() == null ? List.of() : unknown.getKnownPropertyIds();
            return "unknown field '" + unknown.getPropertyName() + "', expected "
                + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof MismatchedInputException) {
            MismatchedInputException mismatch = (MismatchedInputException) e;
            String field = mismatch.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(Objects::nonNull).collect(Collectors.joining("."));
            // every field of our request bodies is a string
            return field.isEmpty() ? "expected a JSON object" : field + ": expected a string";
        }
        if (e instanceof JsonProcessingException && !(e instanceof JsonMappingException)) {
            JsonLocation location = ((JsonProcessingException) e).getLocation();
            return "not well-formed JSON" + (location == null ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
        }
        return rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage().split("\n")[0];
    }
}
