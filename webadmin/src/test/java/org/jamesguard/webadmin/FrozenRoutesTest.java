package org.jamesguard.webadmin;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.webadmin.RoutesFixture.ALICE;
import static org.jamesguard.webadmin.RoutesFixture.BOB;

import org.eclipse.jetty.http.HttpStatus;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.http.ContentType;

class FrozenRoutesTest {
    private static final String ALICE_FROZEN = "{\"account\":\"alice@example.com\",\"reason\":\"phishing report\","
        + "\"frozenAt\":\"2026-01-01T00:00:00Z\",\"expires\":null,\"requiresAdministrator\":true,\"counts\":{},\"ips\":[]}";
    private static final String EMPTY_LIST = "{\"total\":0,\"offset\":0,\"frozen\":[]}";

    private RoutesFixture guard;

    @BeforeEach
    void start() throws Exception {
        guard = RoutesFixture.start();
    }

    @AfterEach
    void stop() {
        guard.close();
    }

    private String get(String path, int status) {
        return guard.given().get(path).then().statusCode(status).contentType(ContentType.JSON).extract().body().asString();
    }

    private void freeze(String account, String reason) {
        guard.given().body("{\"reason\":\"" + reason + "\"}").put("/guard/frozen/" + account)
            .then().statusCode(HttpStatus.CREATED_201);
    }

    private static String error(int status, String type, String message) {
        return "{\"statusCode\":" + status + ",\"type\":\"" + type + "\",\"message\":\"" + message + "\",\"details\":null}";
    }

    @Test
    void listIsEmptyWhenNothingIsFrozen() {
        assertThatJson(get("/guard/frozen", HttpStatus.OK_200)).isEqualTo(EMPTY_LIST);
    }

    @Test
    void putFreezesAnAccountAnd201ShowsTheFreeze() {
        String body = guard.given().body("{\"reason\":\"phishing report\"}").put("/guard/frozen/" + ALICE)
            .then().statusCode(HttpStatus.CREATED_201).contentType(ContentType.JSON).extract().body().asString();

        assertThatJson(body).isEqualTo(ALICE_FROZEN);
        assertThatJson(get("/guard/frozen/" + ALICE, HttpStatus.OK_200)).isEqualTo(ALICE_FROZEN);
        assertThatJson(get("/guard/frozen", HttpStatus.OK_200)).isEqualTo("{\"total\":1,\"offset\":0,\"frozen\":[" + ALICE_FROZEN + "]}");
        assertThat(guard.hijack().notifier().sent()).as("the postmaster is told").hasSize(1);
    }

    @Test
    void putWithoutABodyFreezesWithTheDefaultReason() {
        String body = guard.given().put("/guard/frozen/" + ALICE)
            .then().statusCode(HttpStatus.CREATED_201).extract().body().asString();

        assertThatJson(body).inPath("reason").isEqualTo("frozen by an administrator");
    }

    @Test
    void putOnAFrozenAccountAnswers200WithTheFreezeInForce() {
        freeze(ALICE, "phishing report");

        String body = guard.given().body("{\"reason\":\"another\"}").put("/guard/frozen/" + ALICE)
            .then().statusCode(HttpStatus.OK_200).extract().body().asString();

        assertThatJson(body).isEqualTo(ALICE_FROZEN);
        assertThat(guard.hijack().notifier().sent()).as("no second notice").hasSize(1);
    }

    @Test
    void accountNamesAreCanonical() {
        freeze("alice@EXAMPLE.COM", "phishing report");

        assertThatJson(get("/guard/frozen/alice@Example.Com", HttpStatus.OK_200)).isEqualTo(ALICE_FROZEN);
    }

    @Test
    void aFreezeShowsItsExpiryWhenFreezesExpire() throws Exception {
        guard.close();
        guard = RoutesFixture.builder().hijack("<freezeExpiry>1d</freezeExpiry>").start();

        freeze(ALICE, "phishing report");

        assertThatJson(get("/guard/frozen/" + ALICE, HttpStatus.OK_200)).inPath("expires").isEqualTo("2026-01-02T00:00:00Z");
    }

    @Test
    void listPagesByOffsetAndLimit() {
        freeze(ALICE, "phishing report");
        freeze(BOB, "spam run");

        String bob = "{\"account\":\"bob@example.com\",\"reason\":\"spam run\",\"frozenAt\":\"2026-01-01T00:00:00Z\","
            + "\"expires\":null,\"requiresAdministrator\":true,\"counts\":{},\"ips\":[]}";
        assertThatJson(get("/guard/frozen?limit=1", HttpStatus.OK_200))
            .isEqualTo("{\"total\":2,\"offset\":0,\"frozen\":[" + ALICE_FROZEN + "]}");
        assertThatJson(get("/guard/frozen?offset=1&limit=1", HttpStatus.OK_200))
            .isEqualTo("{\"total\":2,\"offset\":1,\"frozen\":[" + bob + "]}");
        assertThatJson(get("/guard/frozen?offset=2", HttpStatus.OK_200)).isEqualTo("{\"total\":2,\"offset\":2,\"frozen\":[]}");
        assertThatJson(get("/guard/frozen?offset=0&limit=1000", HttpStatus.OK_200))
            .isEqualTo("{\"total\":2,\"offset\":0,\"frozen\":[" + ALICE_FROZEN + "," + bob + "]}");
    }

    @Test
    void deleteUnfreezesOnceThenAnswers404() {
        freeze(ALICE, "phishing report");

        guard.given().delete("/guard/frozen/" + ALICE).then().statusCode(HttpStatus.NO_CONTENT_204).body(Matchers.emptyString());

        assertThatJson(get("/guard/frozen", HttpStatus.OK_200)).isEqualTo(EMPTY_LIST);
        assertThat(guard.hijack().notifier().sent()).as("notice, then confirmation").hasSize(2);
        assertThatJson(guard.given().delete("/guard/frozen/" + ALICE).then().statusCode(HttpStatus.NOT_FOUND_404)
            .contentType(ContentType.JSON).extract().body().asString())
            .isEqualTo(error(404, "notFound", "alice@example.com is not frozen"));
    }

    @Test
    void getAnswers404ForAnAccountNotFrozen() {
        assertThatJson(get("/guard/frozen/" + ALICE, HttpStatus.NOT_FOUND_404))
            .isEqualTo(error(404, "notFound", "alice@example.com is not frozen"));
        assertThatJson(get("/guard/frozen/carol@example.com", HttpStatus.NOT_FOUND_404))
            .isEqualTo(error(404, "notFound", "carol@example.com is not frozen"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"carol@example.com", "alice", "alice@example.org"})
    void putAnswers404ForAnAccountNotOfThisServer(String account) {
        String body = guard.given().put("/guard/frozen/" + account)
            .then().statusCode(HttpStatus.NOT_FOUND_404).contentType(ContentType.JSON).extract().body().asString();

        assertThatJson(body).isEqualTo(error(404, "notFound", account + " is not an account of this server"));
        assertThatJson(get("/guard/frozen", HttpStatus.OK_200)).isEqualTo(EMPTY_LIST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b@c", "@", "alice@", "@example.com"})
    void everyRouteRefusesWhatIsNotAnAccountName(String account) {
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            String body = guard.given().request(method, "/guard/frozen/" + account)
                .then().statusCode(HttpStatus.BAD_REQUEST_400).contentType(ContentType.JSON).extract().body().asString();
            assertThatJson(body).as(method).isEqualTo(error(400, "InvalidArgument", "'" + account + "' is not an account name"));
        }
        assertThatJson(get("/guard/frozen", HttpStatus.OK_200)).isEqualTo(EMPTY_LIST);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "limit=0|limit must be between 1 and 1000, got 0",
        "limit=1001|limit must be between 1 and 1000, got 1001",
        "limit=-1|limit must be between 1 and 1000, got -1",
        "limit=ten|limit must be a whole number, got 'ten'",
        "limit=|limit must be a whole number, got ''",
        "offset=-1|offset must be between 0 and 2147483647, got -1",
        "offset=x|offset must be a whole number, got 'x'",
        "offset=99999999999|offset must be a whole number, got '99999999999'",
        "offset=1.5|offset must be a whole number, got '1.5'"})
    void listRefusesABadPage(String query, String message) {
        assertThatJson(get("/guard/frozen?" + query, HttpStatus.BAD_REQUEST_400)).isEqualTo(error(400, "InvalidArgument", message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"reason\":|not well-formed JSON (line 1, column 11)",
        "[\"x\"]|expected a JSON object",
        "null|expected a JSON object, got null",
        "{\"why\":\"x\"}|unknown field 'why', expected reason",
        "{\"reason\":[\"x\"]}|reason: expected a string"})
    void putRefusesABadBodyAndFreezesNothing(String request, String message) {
        String body = guard.given().body(request).put("/guard/frozen/" + ALICE)
            .then().statusCode(HttpStatus.BAD_REQUEST_400).contentType(ContentType.JSON).extract().body().asString();

        assertThatJson(body).isEqualTo(error(400, "InvalidArgument", "invalid body: " + message));
        assertThatJson(get("/guard/frozen", HttpStatus.OK_200)).isEqualTo(EMPTY_LIST);
        assertThat(guard.hijack().notifier().sent()).isEmpty();
    }

    @Test
    void putRefusesABodyThatIsNotJson() {
        String body = guard.given().contentType(ContentType.TEXT).body("phishing").put("/guard/frozen/" + ALICE)
            .then().statusCode(HttpStatus.BAD_REQUEST_400).contentType(ContentType.JSON).extract().body().asString();

        assertThatJson(body).isEqualTo(error(400, "InvalidArgument",
            "expected Content-Type: application/json, got text/plain; charset=UTF-8"));
        assertThatJson(get("/guard/frozen", HttpStatus.OK_200)).isEqualTo(EMPTY_LIST);
    }
}
