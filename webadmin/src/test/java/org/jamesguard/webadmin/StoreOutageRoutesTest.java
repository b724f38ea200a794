package org.jamesguard.webadmin;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;

import org.eclipse.jetty.http.HttpStatus;
import org.jamesguard.core.testing.UnavailableStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.restassured.http.ContentType;

/** While the state store is unreachable, every route that needs it answers 503 in James's error format. */
class StoreOutageRoutesTest {
    private static RoutesFixture guard;

    @BeforeAll
    static void start() throws Exception {
        guard = RoutesFixture.builder().unavailableStores().start();
    }

    @AfterAll
    static void stop() {
        guard.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "GET|/guard/screen|",
        "GET|/guard/screen/192.0.2.7|",
        "PUT|/guard/screen/192.0.2.7|{\"duration\":\"1h\",\"reason\":\"x\"}",
        "DELETE|/guard/screen/2001:db8::7|",
        "GET|/guard/frozen|",
        "GET|/guard/frozen/alice@example.com|",
        "PUT|/guard/frozen/alice@example.com|{\"reason\":\"x\"}",
        "DELETE|/guard/frozen/alice@example.com|",
        "GET|/guard/accounts/alice@example.com/counters|"})
    void answers503InJamesErrorFormat(String method, String path, String body) {
        String answer = guard.given().body(body == null ? "" : body).request(method, path)
            .then().statusCode(HttpStatus.SERVICE_UNAVAILABLE_503).contentType(ContentType.JSON).extract().body().asString();

        assertThatJson(answer).isEqualTo("{\"statusCode\":503,\"type\":\"ServerError\",\"message\":"
            + "\"James Guard's state store is unavailable, try again later: " + UnavailableStores.MESSAGE + "\",\"details\":null}");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "PUT|/guard/screen/nope|'nope' is not an IP address",
        "PUT|/guard/frozen/a@b@c|'a@b@c' is not an account name",
        "GET|/guard/frozen?limit=0|limit must be between 1 and 1000, got 0"})
    void badInputIsStillRefusedBeforeTheStoreIsAsked(String method, String path, String message) {
        String answer = guard.given().request(method, path)
            .then().statusCode(HttpStatus.BAD_REQUEST_400).contentType(ContentType.JSON).extract().body().asString();

        assertThatJson(answer).isEqualTo("{\"statusCode\":400,\"type\":\"InvalidArgument\",\"message\":\"" + message
            + "\",\"details\":null}");
    }
}
