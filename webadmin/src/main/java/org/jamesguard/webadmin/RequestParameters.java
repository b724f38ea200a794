package org.jamesguard.webadmin;

import java.util.function.Supplier;

import org.apache.james.core.Username;
import org.apache.james.webadmin.Constants;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;
import org.apache.james.webadmin.utils.JsonExtractException;
import org.apache.james.webadmin.utils.JsonExtractor;
import org.eclipse.jetty.http.HttpStatus;

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
        try {
            return extractor.parse(request.body());
        } catch (JsonExtractException e) {
            throw badRequest("invalid body: " + rootMessage(e));
        }
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

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage().split("\n")[0];
    }
}
