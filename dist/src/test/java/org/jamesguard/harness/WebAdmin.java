package org.jamesguard.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A WebAdmin client over real HTTP. */
public final class WebAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    private final int port;

    public WebAdmin(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** A request with any method, body and content type, to test how routes treat bad input. */
    public Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    public void createDomain(String domain) {
        put("/domains/" + domain).expect(204);
    }

    public void createUser(String address, String password) {
        put("/users/" + address, "{\"password\":" + quote(password) + "}").expect(204);
    }

    /** Mails in a James mail repository, e.g. {@code var/mail/error}. */
    public int mailRepositorySize(String repository) {
        return get("/mailRepositories/" + URLEncoder.encode(repository, StandardCharsets.UTF_8)).expect(200).json().get("size").asInt();
    }

    /** Mails waiting in James's spool: zero once everything accepted has been processed. */
    public int spoolSize() {
        return get("/mailQueues/spool").expect(200).json().get("size").asInt();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    private Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(request.method() + " " + request.uri().getPath(), response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Status and body of one WebAdmin call. */
    public static final class Response {
        private final String call;
        private final int status;
        private final String body;

        Response(String call, int status, String body) {
            this.call = call;
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(call + " did not answer JSON: " + body, e);
            }
        }

        public Response expect(int expectedStatus) {
            if (status != expectedStatus) {
                throw new AssertionError(call + ": expected HTTP " + expectedStatus + ", got " + status + " " + body);
            }
            return this;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
