package org.jamesguard.webadmin;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;

import java.nio.file.Path;

import org.eclipse.jetty.http.HttpStatus;
import org.jamesguard.core.Version;
import org.jamesguard.core.config.GuardSettings;
import org.jamesguard.core.store.StoreBackends;
import org.jamesguard.core.testing.RecordingMetrics;
import org.jamesguard.core.testing.XmlConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.http.ContentType;

class HealthRoutesTest {
    private RoutesFixture guard;

    @AfterEach
    void stop() {
        guard.close();
    }

    private String health() {
        return guard.given().get("/guard/health").then().statusCode(HttpStatus.OK_200).contentType(ContentType.JSON)
            .extract().body().asString();
    }

    @Test
    void showsTheVersionTheSwitchAndTheStore() throws Exception {
        guard = RoutesFixture.start();

        assertThatJson(health()).isEqualTo("{\"version\":\"" + Version.CURRENT + "\",\"reportOnly\":false,"
            + "\"stores\":{\"backend\":\"memory\",\"failurePolicy\":\"fail-open\"}}");
    }

    @Test
    void showsTheGlobalReportOnlySwitchAndTheFailurePolicy() throws Exception {
        guard = RoutesFixture.builder()
            .settings("<reportOnly>true</reportOnly><store><backend>memory</backend><failurePolicy>fail-closed</failurePolicy></store>")
            .start();

        assertThatJson(health()).isEqualTo("{\"version\":\"" + Version.CURRENT + "\",\"reportOnly\":true,"
            + "\"stores\":{\"backend\":\"memory\",\"failurePolicy\":\"fail-closed\"}}");
    }

    @Test
    void showsWhereTheFileStoreKeepsItsStateAndThatItsWritesSucceed(@TempDir Path home) throws Exception {
        String settings = "<store><backend>file</backend><directory>state</directory></store>";
        GuardSettings parsed = GuardSettings.parse(XmlConfigs.parse("<jamesguard>" + settings + "</jamesguard>"));
        guard = RoutesFixture.builder().settings(settings)
            .stores(StoreBackends.open(parsed.store(), home, new RecordingMetrics())).start();

        assertThatJson(health()).isEqualTo("{\"version\":\"" + Version.CURRENT + "\",\"reportOnly\":false,"
            + "\"stores\":{\"backend\":\"file\",\"failurePolicy\":\"fail-open\",\"directory\":\""
            + home.resolve("state").toAbsolutePath().normalize() + "\",\"writes\":\"ok\"}}");
    }

    @Test
    void answersWhileTheStoreIsUnavailable() throws Exception {
        guard = RoutesFixture.builder().unavailableStores().start();

        assertThatJson(health()).isEqualTo("{\"version\":\"" + Version.CURRENT + "\",\"reportOnly\":false,"
            + "\"stores\":{\"backend\":\"memory\",\"failurePolicy\":\"fail-open\"}}");
    }
}
