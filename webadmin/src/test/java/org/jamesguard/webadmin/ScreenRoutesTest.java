package org.jamesguard.webadmin;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.eclipse.jetty.http.HttpStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.http.ContentType;

class ScreenRoutesTest {
    private RoutesFixture guard;

    @BeforeEach
    void start() throws Exception {
        guard = RoutesFixture.start();
    }

    @AfterEach
    void stop() {
        guard.close();
    }

    private String listed() {
        return guard.given().get("/guard/screen").then().statusCode(HttpStatus.OK_200).contentType(ContentType.JSON)
            .extract().body().asString();
    }

    @Test
    void listIsEmptyWhenNothingIsScreened() {
        assertThatJson(listed()).isEqualTo("[]");
    }

    @Test
    void putScreensAnIpv4AddressForAnHourByDefault() {
        String body = guard.given().put("/guard/screen/192.0.2.7")
            .then().statusCode(HttpStatus.OK_200).contentType(ContentType.JSON).extract().body().asString();

        String entry = "{\"ip\":\"192.0.2.7\",\"since\":\"2026-01-01T00:00:00Z\",\"expires\":\"2026-01-01T01:00:00Z\","
            + "\"reason\":\"added by an administrator\"}";
        assertThatJson(body).isEqualTo(entry);
        assertThatJson(listed()).isEqualTo("[" + entry + "]");
        assertThatJson(guard.given().get("/guard/screen/192.0.2.7").then().statusCode(HttpStatus.OK_200).extract().body().asString())
            .isEqualTo(entry);
    }

    @Test
    void putTakesADurationAndAReason() {
        String body = guard.given().body("{\"duration\":\"2h\",\"reason\":\"spam run\"}").put("/guard/screen/192.0.2.7")
            .then().statusCode(HttpStatus.OK_200).extract().body().asString();

        assertThatJson(body).isEqualTo("{\"ip\":\"192.0.2.7\",\"since\":\"2026-01-01T00:00:00Z\","
            + "\"expires\":\"2026-01-01T02:00:00Z\",\"reason\":\"spam run\"}");
    }

    @Test
    void putTakesAnIsoDurationAndTheLongestAllowed() {
        guard.given().body("{\"duration\":\"PT90M\"}").put("/guard/screen/192.0.2.7").then().statusCode(HttpStatus.OK_200);
        guard.given().body("{\"duration\":\"3650d\"}").put("/guard/screen/192.0.2.8").then().statusCode(HttpStatus.OK_200);

        assertThatJson(listed()).isEqualTo("["
            + "{\"ip\":\"192.0.2.7\",\"since\":\"2026-01-01T00:00:00Z\",\"expires\":\"2026-01-01T01:30:00Z\",\"reason\":\"added by an administrator\"},"
            + "{\"ip\":\"192.0.2.8\",\"since\":\"2026-01-01T00:00:00Z\",\"expires\":\"2035-12-30T00:00:00Z\",\"reason\":\"added by an administrator\"}]");
    }

    @Test
    void putAgainReplacesTheEntry() {
        guard.given().body("{\"reason\":\"first\"}").put("/guard/screen/192.0.2.7").then().statusCode(HttpStatus.OK_200);
        guard.clock().advance(Duration.ofMinutes(10));

        guard.given().body("{\"duration\":\"10m\",\"reason\":\"second\"}").put("/guard/screen/192.0.2.7")
            .then().statusCode(HttpStatus.OK_200);

        assertThatJson(listed()).isEqualTo("[{\"ip\":\"192.0.2.7\",\"since\":\"2026-01-01T00:10:00Z\","
            + "\"expires\":\"2026-01-01T00:20:00Z\",\"reason\":\"second\"}]");
    }

    @Test
    void putScreensTheSlash64OfAnIpv6AddressAndEveryRouteActsOnThatEntry() {
        String entry = "{\"ip\":\"2001:db8:1:2::/64\",\"since\":\"2026-01-01T00:00:00Z\",\"expires\":\"2026-01-01T01:00:00Z\","
            + "\"reason\":\"added by an administrator\"}";

        assertThatJson(guard.given().put("/guard/screen/2001:db8:1:2::7").then().statusCode(HttpStatus.OK_200)
            .extract().body().asString()).isEqualTo(entry);

        assertThatJson(guard.given().get("/guard/screen/2001:db8:1:2:ffff::99").then().statusCode(HttpStatus.OK_200)
            .extract().body().asString()).as("another address of the /64").isEqualTo(entry);
        assertThatJson(guard.given().get("/guard/screen/2001:db8:1:3::7").then().statusCode(HttpStatus.NOT_FOUND_404)
            .extract().body().asString()).as("the next /64").isEqualTo(
                "{\"statusCode\":404,\"type\":\"notFound\",\"message\":\"2001:db8:1:3::7 is not screened\",\"details\":null}");
        assertThatJson(listed()).isEqualTo("[" + entry + "]");

        guard.given().delete("/guard/screen/2001:db8:1:2::1234").then().statusCode(HttpStatus.NO_CONTENT_204);
        assertThatJson(listed()).isEqualTo("[]");
    }

    @Test
    void addressesAreWrittenCanonically() {
        guard.given().put("/guard/screen/2001:0DB8:0001:0002:0000:0000:0000:0007").then().statusCode(HttpStatus.OK_200);
        guard.given().put("/guard/screen/::ffff:192.0.2.7").then().statusCode(HttpStatus.OK_200);
        guard.given().put("/guard/screen/[2001:db8:9::1]").then().statusCode(HttpStatus.OK_200);

        assertThatJson(listed()).inPath("[*].ip").isArray()
            .containsExactlyInAnyOrder("2001:db8:1:2::/64", "192.0.2.7", "2001:db8:9::/64");
    }

    @Test
    void anEntryEndsWhenItExpires() {
        guard.given().body("{\"duration\":\"30m\"}").put("/guard/screen/192.0.2.7").then().statusCode(HttpStatus.OK_200);
        guard.clock().advance(Duration.ofMinutes(30));

        assertThatJson(listed()).isEqualTo("[]");
        guard.given().get("/guard/screen/192.0.2.7").then().statusCode(HttpStatus.NOT_FOUND_404);
        guard.given().delete("/guard/screen/192.0.2.7").then().statusCode(HttpStatus.NOT_FOUND_404);
    }

    @Test
    void deleteLiftsTheEntryOnceAndThenAnswers404() {
        guard.given().put("/guard/screen/192.0.2.7").then().statusCode(HttpStatus.OK_200);

        guard.given().delete("/guard/screen/192.0.2.7").then().statusCode(HttpStatus.NO_CONTENT_204).body(org.hamcrest.Matchers.emptyString());
        String again = guard.given().delete("/guard/screen/192.0.2.7").then().statusCode(HttpStatus.NOT_FOUND_404)
            .contentType(ContentType.JSON).extract().body().asString();

        assertThatJson(again).isEqualTo(
            "{\"statusCode\":404,\"type\":\"notFound\",\"message\":\"192.0.2.7 is not screened\",\"details\":null}");
        assertThatJson(listed()).isEqualTo("[]");
    }

    @Test
    void getAnswers404ForAnAddressNotScreened() {
        String body = guard.given().get("/guard/screen/192.0.2.7").then().statusCode(HttpStatus.NOT_FOUND_404)
            .contentType(ContentType.JSON).extract().body().asString();

        assertThatJson(body).isEqualTo(
            "{\"statusCode\":404,\"type\":\"notFound\",\"message\":\"192.0.2.7 is not screened\",\"details\":null}");
    }

    /** A path segment is decoded once: {@code %2F} reaches the route as {@code /}. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "example.com|example.com",
        "1.2.3|1.2.3",
        "192.0.2.256|192.0.2.256",
        "2001:db8::g|2001:db8::g",
        "192.0.2.0%2F24|192.0.2.0/24",
        "2001:db8::%2F64|2001:db8::/64",
        "%20|' '"})
    void everyRouteRefusesWhatIsNotAnAddress(String path, String decoded) {
        String expected = "{\"statusCode\":400,\"type\":\"InvalidArgument\",\"message\":\"'" + decoded.replace("'", "")
            + "' is not an IP address\",\"details\":null}";
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            String body = guard.given().urlEncodingEnabled(false).request(method, "/guard/screen/" + path)
                .then().statusCode(HttpStatus.BAD_REQUEST_400).contentType(ContentType.JSON).extract().body().asString();
            assertThatJson(body).as(method).isEqualTo(expected);
        }
        assertThatJson(listed()).isEqualTo("[]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"duration\":\"0s\"}|duration: expected a positive duration such as 500ms, 30s, 10m, 1h, 2d or PT10M, got '0s'",
        "{\"duration\":\"-5m\"}|duration: expected a positive duration such as 500ms, 30s, 10m, 1h, 2d or PT10M, got '-5m'",
        "{\"duration\":\"soon\"}|duration: expected a positive duration such as 500ms, 30s, 10m, 1h, 2d or PT10M, got 'soon'",
        "{\"duration\":5}|duration: expected a positive duration such as 500ms, 30s, 10m, 1h, 2d or PT10M, got '5'",
        "{\"duration\":\"3651d\"}|duration: expected at most 3650d, got '3651d'",
        "{\"duration\":\"999999999999d\"}|duration: expected at most 3650d, got '999999999999d'",
        "{\"duration\":\"PT2562047788015215H\"}|duration: expected at most 3650d, got 'PT2562047788015215H'",
        "null|expected a JSON object, got null"})
    void putRefusesABadBodyAndScreensNothing(String request, String message) {
        String body = guard.given().body(request).put("/guard/screen/192.0.2.7")
            .then().statusCode(HttpStatus.BAD_REQUEST_400).contentType(ContentType.JSON).extract().body().asString();

        assertThatJson(body).isEqualTo("{\"statusCode\":400,\"type\":\"InvalidArgument\",\"message\":\"invalid body: "
            + message + "\",\"details\":null}");
        assertThatJson(listed()).isEqualTo("[]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"reason\":|not well-formed JSON (line 1, column 11)",
        "{\"reason\" \"x\"}|not well-formed JSON (line 1, column 12)",
        "[]|expected a JSON object",
        "\"2h\"|expected a JSON object",
        "{\"why\":\"x\"}|unknown field 'why', expected duration, reason",
        "{\"reason\":{\"text\":\"x\"}}|reason: expected a string"})
    void putRefusesMalformedJsonWithoutNamingOurClasses(String request, String message) {
        String body = guard.given().body(request).put("/guard/screen/192.0.2.7")
            .then().statusCode(HttpStatus.BAD_REQUEST_400).contentType(ContentType.JSON).extract().body().asString();

        assertThatJson(body).isEqualTo("{\"statusCode\":400,\"type\":\"InvalidArgument\",\"message\":\"invalid body: "
            + message + "\",\"details\":null}");
        assertThatJson(listed()).isEqualTo("[]");
    }

    @Test
    void putRefusesABodyThatIsNotJson() {
        String body = guard.given().contentType(ContentType.TEXT).body("2h").put("/guard/screen/192.0.2.7")
            .then().statusCode(HttpStatus.BAD_REQUEST_400).contentType(ContentType.JSON).extract().body().asString();

        assertThatJson(body).isEqualTo("{\"statusCode\":400,\"type\":\"InvalidArgument\","
            + "\"message\":\"expected Content-Type: application/json, got text/plain; charset=UTF-8\",\"details\":null}");
        assertThatJson(listed()).isEqualTo("[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "[::1]", "::ffff:127.0.0.1"})
    void putRefusesALoopbackAddress(String ip) {
        assertTrustedRefused(guard, ip);
    }

    @Nested
    class WithSettings {
        private RoutesFixture configured;

        @AfterEach
        void stop() {
            configured.close();
        }

        @Test
        void putRefusesAConfiguredTrustedAddress() throws Exception {
            configured = RoutesFixture.builder()
                .settings("<store><backend>memory</backend></store><trustedIps>198.51.100.0/24, 2001:db8:5::1</trustedIps>").start();

            assertTrustedRefused(configured, "198.51.100.7");
            assertTrustedRefused(configured, "2001:db8:5::1");
        }

        @Test
        void putScreensTheConfiguredClientNetwork() throws Exception {
            configured = RoutesFixture.builder().settings("<store><backend>memory</backend></store>"
                + "<network><clientPrefix><ipv4>24</ipv4><ipv6>48</ipv6></clientPrefix></network>").start();

            configured.given().put("/guard/screen/192.0.2.7").then().statusCode(HttpStatus.OK_200);
            configured.given().put("/guard/screen/2001:db8:1:2::7").then().statusCode(HttpStatus.OK_200);

            String entry = configured.given().get("/guard/screen/192.0.2.200").then().statusCode(HttpStatus.OK_200)
                .extract().body().asString();
            assertThatJson(entry).isEqualTo("{\"ip\":\"192.0.2.0/24\",\"since\":\"2026-01-01T00:00:00Z\","
                + "\"expires\":\"2026-01-01T01:00:00Z\",\"reason\":\"added by an administrator\"}");
            assertThatJson(configured.given().get("/guard/screen/2001:db8:1:ffff::1").then().statusCode(HttpStatus.OK_200)
                .extract().body().asString()).inPath("ip").isEqualTo("2001:db8:1::/48");
        }
    }

    /** The refusal's wording is not pinned: only that it is a 400 naming the address as trusted, and nothing changed. */
    private static void assertTrustedRefused(RoutesFixture guard, String ip) {
        String body = guard.given().body("{\"reason\":\"x\"}").put("/guard/screen/" + ip)
            .then().statusCode(HttpStatus.BAD_REQUEST_400).contentType(ContentType.JSON).extract().body().asString();

        assertThatJson(body).isObject().containsEntry("statusCode", 400).containsEntry("type", "InvalidArgument")
            .containsEntry("details", null);
        assertThatJson(body).inPath("message").asString().contains("trusted");
        assertThat(guard.screen().list()).isEmpty();
    }
}
