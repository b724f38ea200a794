package org.jamesguard.webadmin;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.jamesguard.core.config.GuardSettings;
import org.jamesguard.core.testing.XmlConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

class ConfigRoutesTest {
    private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0xMjM0";

    private RoutesFixture guard;

    @AfterEach
    void stop() {
        guard.close();
    }

    private String config() {
        return guard.given().get("/guard/config").then().statusCode(HttpStatus.OK_200).contentType(ContentType.JSON)
            .extract().body().asString();
    }

    /** jamesguard.xml as GuardSettings shows it: its own tests pin each option and default. */
    private static String effective(String settingsXml) throws Exception {
        GuardSettings settings = GuardSettings.parse(XmlConfigs.parse("<jamesguard>" + settingsXml + "<hijack/></jamesguard>"));
        return new JsonTransformer().render(settings.effective());
    }

    @Test
    void showsTheSettingsAndNoListenerWhenNoListenerFileIsThere() throws Exception {
        String settings = "<store><backend>memory</backend></store>";
        guard = RoutesFixture.builder().settings(settings).start();

        assertThatJson(config()).isEqualTo("{\"jamesguard.xml\":" + effective(settings) + ",\"listeners\":[]}");
        assertThatJson(config()).inPath("['jamesguard.xml'].hijack.limits.other.max").isEqualTo(100);
    }

    @Test
    void showsEachListenerWithItsJamesGuardHandlersAndTheirOptions() throws Exception {
        String settings = "<store><backend>memory</backend></store><reportOnly>true</reportOnly>";
        guard = RoutesFixture.builder().settings(settings)
            .file("smtpserver", "<smtpservers>"
                + "<smtpserver enabled=\"true\"><jmxName>smtpserver-submission</jmxName><bind>127.0.0.1:587</bind>"
                + "<handlerchain>"
                + "<handler class=\"org.jamesguard.hooks.smtp.ScreenGate\"><mode>report-only</mode></handler>"
                + "<handler class=\"org.apache.james.smtpserver.CoreCmdHandlerLoader\"/>"
                + "<handler class=\"org.jamesguard.hooks.smtp.HijackGate\"/>"
                + "</handlerchain></smtpserver>"
                + "<smtpserver enabled=\"true\"><jmxName>smtpserver-mx</jmxName><bind>127.0.0.1:25</bind>"
                + "<handlerchain><handler class=\"org.jamesguard.hooks.smtp.ScreenGate\"/></handlerchain></smtpserver>"
                + "</smtpservers>")
            .file("pop3server", "<pop3servers><pop3server enabled=\"true\"><jmxName>pop3server</jmxName>"
                + "<bind>127.0.0.1:110</bind><handlerchain>"
                + "<handler class=\"org.apache.james.pop3server.core.CoreCmdHandlerLoader\"/>"
                + "</handlerchain></pop3server></pop3servers>")
            .start();

        assertThatJson(config()).isEqualTo("{\"jamesguard.xml\":" + effective(settings) + ",\"listeners\":["
            + "{\"file\":\"smtpserver.xml\",\"jmxName\":\"smtpserver-submission\",\"bind\":\"127.0.0.1:587\",\"handlers\":["
            + "{\"class\":\"org.jamesguard.hooks.smtp.ScreenGate\",\"config\":{\"mode\":\"report-only\"}},"
            + "{\"class\":\"org.jamesguard.hooks.smtp.HijackGate\",\"config\":{}}]},"
            + "{\"file\":\"smtpserver.xml\",\"jmxName\":\"smtpserver-mx\",\"bind\":\"127.0.0.1:25\",\"handlers\":["
            + "{\"class\":\"org.jamesguard.hooks.smtp.ScreenGate\",\"config\":{\"mode\":\"enforce\"}}]},"
            + "{\"file\":\"pop3server.xml\",\"jmxName\":\"pop3server\",\"bind\":\"127.0.0.1:110\",\"handlers\":[]}]}");
        assertThatJson(config()).inPath("['jamesguard.xml'].reportOnly").isEqualTo(true);
    }

    @Test
    void hidesTheUnfreezeSecretAndTheRedisPassword() throws Exception {
        String settings = "<store><backend>memory</backend><redis><uri>redis://:s3cret@127.0.0.1:6379</uri></redis></store>";
        guard = RoutesFixture.builder().settings(settings).hijack("<notice><secret>" + SECRET + "</secret></notice>").start();

        String body = config();

        assertThat(body).doesNotContain("s3cret").doesNotContain(SECRET);
        assertThatJson(body).inPath("['jamesguard.xml'].hijack.notice.secret").isEqualTo("(configured, not shown)");
        assertThatJson(body).inPath("['jamesguard.xml'].store.redis.uri").isEqualTo("[\"redis://***@127.0.0.1:6379\"]");
    }
}
