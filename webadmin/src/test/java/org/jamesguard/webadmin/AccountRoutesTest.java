package org.jamesguard.webadmin;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.jamesguard.webadmin.RoutesFixture.ALICE;
import static org.jamesguard.webadmin.RoutesFixture.POSTMASTER;

import java.time.Duration;
import java.util.List;

import org.eclipse.jetty.http.HttpStatus;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.net.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.http.ContentType;

class AccountRoutesTest {
    private static final String LIMITS = "\"counting\":\"messages\",\"messages\":{"
        + "\"local\":{\"count\":0,\"max\":1000,\"window\":\"1h\",\"mode\":\"enforce\"},"
        + "\"reserved\":{\"count\":0,\"max\":1000,\"window\":\"1h\",\"mode\":\"enforce\"},"
        + "\"other\":{\"count\":%d,\"max\":100,\"window\":\"1h\",\"mode\":\"enforce\"}},"
        + "\"clientAddresses\":{\"count\":0,\"max\":10,\"window\":\"1h\",\"mode\":\"off\"},"
        + "\"refusedRecipients\":{\"count\":0,\"max\":20,\"window\":\"10m\",\"mode\":\"off\"},";

    private RoutesFixture guard;

    @BeforeEach
    void start() throws Exception {
        guard = RoutesFixture.start();
    }

    @AfterEach
    void stop() {
        guard.close();
    }

    private String counters(String account, int status) {
        return guard.given().get("/guard/accounts/" + account + "/counters")
            .then().statusCode(status).contentType(ContentType.JSON).extract().body().asString();
    }

    @Test
    void countersOfAnIdleAccountShowTheLimitsThatApply() {
        assertThatJson(counters(ALICE, HttpStatus.OK_200)).isEqualTo("{\"account\":\"alice@example.com\",\"watched\":true,"
            + "\"frozen\":false," + String.format(LIMITS, 0) + "\"ipsSeen\":[]}");
    }

    @Test
    void countersShowWhatTheAccountSentAndWhetherItIsFrozen() {
        SessionSnapshot session = SessionSnapshot.builder("198.51.100.7").authUser(ALICE).mailFrom(ALICE)
            .recipients(List.of(EmailAddress.parse("someone@example.net"))).build();
        guard.hijack().policy().atLogin(session, ALICE);
        guard.hijack().policy().atMessage(session);
        guard.given().put("/guard/frozen/" + ALICE).then().statusCode(HttpStatus.CREATED_201);

        assertThatJson(counters("alice@EXAMPLE.com", HttpStatus.OK_200)).isEqualTo("{\"account\":\"alice@example.com\","
            + "\"watched\":true,\"frozen\":true," + String.format(LIMITS, 1) + "\"ipsSeen\":[\"198.51.100.7\"]}");
    }

    @Test
    void countsLeaveTheirWindow() {
        SessionSnapshot session = SessionSnapshot.builder("198.51.100.7").authUser(ALICE).mailFrom(ALICE)
            .recipients(List.of(EmailAddress.parse("someone@example.net"))).build();
        guard.hijack().policy().atMessage(session);
        guard.clock().advance(Duration.ofHours(2));

        assertThatJson(counters(ALICE, HttpStatus.OK_200)).inPath("messages.other.count").isEqualTo(0);
    }

    @Test
    void postmasterIsNotWatched() {
        assertThatJson(counters(POSTMASTER, HttpStatus.OK_200)).isEqualTo("{\"account\":\"postmaster@example.com\","
            + "\"watched\":false,\"frozen\":false," + String.format(LIMITS, 0) + "\"ipsSeen\":[]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"carol@example.com", "alice", "alice@example.org"})
    void countersAnswer404ForAnAccountNotOfThisServer(String account) {
        assertThatJson(counters(account, HttpStatus.NOT_FOUND_404)).isEqualTo("{\"statusCode\":404,\"type\":\"notFound\","
            + "\"message\":\"" + account + " is not an account of this server\",\"details\":null}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b@c", "@", "alice@", "@example.com"})
    void countersRefuseWhatIsNotAnAccountName(String account) {
        assertThatJson(counters(account, HttpStatus.BAD_REQUEST_400)).isEqualTo("{\"statusCode\":400,\"type\":\"InvalidArgument\","
            + "\"message\":\"'" + account + "' is not an account name\",\"details\":null}");
    }
}
