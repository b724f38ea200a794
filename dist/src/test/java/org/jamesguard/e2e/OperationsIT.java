package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.harness.WebAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What administrators see and undo over WebAdmin, checked against real SMTP: freezing by hand and
 * unfreezing, the effective configuration, metrics on James's Prometheus endpoint, and bad input
 * answered 400/404 without changing anything.
 */
class OperationsIT {
    static final String PASSWORD = "secret-pw";
    static final String HANK = "hank@example.test";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .user(HANK, PASSWORD)
        .user("bob@example.test", PASSWORD)
        .build();

    @Test
    void freezingAndUnfreezingByHandTakesEffectOverSmtp() {
        WebAdmin webAdmin = james.webAdmin();
        JsonNode frozen = webAdmin.put("/guard/frozen/" + HANK, "{\"reason\":\"phishing report\"}").expect(201).json();
        assertThat(frozen.get("reason").asText()).isEqualTo("phishing report");
        assertThat(webAdmin.put("/guard/frozen/" + HANK, "{}").expect(200).json().get("reason").asText())
            .as("freezing again keeps the freeze in force").isEqualTo("phishing report");
        assertThat(webAdmin.get("/guard/frozen").json().get("frozen").findValuesAsText("account")).contains(HANK);

        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.7")) {
            assertThat(client.login(HANK, PASSWORD)).hasToString("535 5.7.8 Account frozen: contact your postmaster");
        }

        webAdmin.delete("/guard/frozen/" + HANK).expect(204);
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.7")) {
            assertThat(client.login(HANK, PASSWORD)).hasToString("235 2.7.0 Authentication successful");
        }
        assertThat(james.log()).contains("event=unfreeze session=- ip=- account=hank@example.test");
    }

    @Test
    void badInputIsAnsweredWithoutChangingAnything() {
        WebAdmin webAdmin = james.webAdmin();
        assertThat(webAdmin.put("/guard/frozen/nobody@example.test", "{}").expect(404).json().get("message").asText())
            .isEqualTo("nobody@example.test is not an account of this server");
        assertThat(webAdmin.get("/guard/frozen/bob@example.test").expect(404).json().get("message").asText())
            .isEqualTo("bob@example.test is not frozen");
        assertThat(webAdmin.delete("/guard/frozen/bob@example.test").expect(404).json().get("message").asText())
            .isEqualTo("bob@example.test is not frozen");
        assertThat(webAdmin.put("/guard/frozen/bob@example.test", "{\"reason\":").expect(400).json().get("message").asText())
            .startsWith("invalid body:");
        assertThat(webAdmin.put("/guard/frozen/bob@example.test", "{\"why\":\"x\"}").expect(400).json().get("message").asText())
            .contains("why");
        assertThat(webAdmin.get("/guard/frozen?limit=0").expect(400).json().get("message").asText())
            .isEqualTo("limit must be between 1 and 1000, got 0");
        assertThat(webAdmin.get("/guard/frozen?offset=x").expect(400).json().get("message").asText())
            .isEqualTo("offset must be a whole number, got 'x'");
        assertThat(webAdmin.put("/guard/screen/127.0.0.40", "{\"duration\":\"0s\"}").expect(400).json().get("message").asText())
            .contains("duration: expected a positive duration");
        assertThat(webAdmin.get("/guard/frozen").json().get("frozen").findValuesAsText("account")).doesNotContain("bob@example.test");
        assertThat(webAdmin.get("/guard/screen").json().findValuesAsText("ip")).doesNotContain("127.0.0.40");
    }

    @Test
    void theEffectiveConfigurationListsEveryListenerAndItsOptionsWithDefaults() {
        JsonNode config = james.webAdmin().get("/guard/config").expect(200).json();

        assertThat(config.at("/jamesguard.xml/hijack/limits/other/max").asInt()).isEqualTo(100);
        assertThat(config.at("/jamesguard.xml/hijack/notice/secret").asText()).isEqualTo("(generated and kept in the James home)");
        JsonNode mx = config.get("listeners").get(0);
        assertThat(mx.get("jmxName").asText()).isEqualTo(MX);
        assertThat(mx.get("handlers").findValuesAsText("class")).containsExactly(
            "org.jamesguard.hooks.smtp.ScreenGate", "org.jamesguard.hooks.smtp.ReverseLookupGate",
            "org.jamesguard.hooks.smtp.AuthGate", "org.jamesguard.hooks.smtp.SenderGate", "org.jamesguard.hooks.smtp.HijackGate");
        assertThat(mx.at("/handlers/0/config/mode").asText()).isEqualTo("enforce");
        assertThat(mx.at("/handlers/1/config/ptr/forwardConfirmed/mode").asText()).isEqualTo("report-only");
        assertThat(mx.at("/handlers/2/config/noAuth/mode").asText()).isEqualTo("enforce");
        assertThat(mx.at("/handlers/3/config/fromOwnership/mode").asText()).as("a default").isEqualTo("enforce");
        assertThat(mx.at("/handlers/3/config/popBeforeSmtp/window").asText()).isEqualTo("30m");
    }

    @Test
    void aRefusalIsCountedOnJamesMetricsEndpoint() {
        try (SmtpClient client = james.smtp(MX, "127.0.0.41")) {
            client.ehlo("outside.test");
            assertThat(client.mailFrom(HANK).code()).isEqualTo(530);
        }
        james.webAdmin().put("/guard/screen/127.0.0.42", "{}").expect(200);

        String metrics = james.webAdmin().get("/metrics").expect(200).body();

        assertThat(metrics).contains("jamesguard_local_sender_requires_auth_reject_total 1.0",
            "jamesguard_screened_ips 1.0", "jamesguard_frozen_accounts 0.0")
            .as("the file store answers from the heap: its calls are not timed").doesNotContain("jamesguard_store_");
    }
}
