package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.jqno.equalsverifier.EqualsVerifier;

class AuditContextTest {
    @Test
    void ofKeepsEveryPart() {
        AuditContext context = AuditContext.of("s-1", "192.0.2.1", "alice@example.com", "submission");

        assertThat(context.sessionId()).contains("s-1");
        assertThat(context.ip()).contains("192.0.2.1");
        assertThat(context.account()).contains("alice@example.com");
        assertThat(context.listener()).contains("submission");
        assertThat(context).hasToString("session=s-1 ip=192.0.2.1 account=alice@example.com listener=submission");
    }

    @Test
    void noneKnowsNothingAndPrintsDashes() {
        assertThat(AuditContext.NONE.sessionId()).isEmpty();
        assertThat(AuditContext.NONE.ip()).isEmpty();
        assertThat(AuditContext.NONE.account()).isEmpty();
        assertThat(AuditContext.NONE.listener()).isEmpty();
        assertThat(AuditContext.NONE).hasToString("session=- ip=- account=- listener=-");
        assertThat(AuditContext.of(null, null, null, null)).isEqualTo(AuditContext.NONE);
    }

    @Test
    void forAccountKnowsOnlyTheAccount() {
        assertThat(AuditContext.forAccount("alice@example.com"))
            .isEqualTo(AuditContext.of(null, null, "alice@example.com", null))
            .hasToString("session=- ip=- account=alice@example.com listener=-");
    }

    @Test
    void forIpKnowsOnlyTheIp() {
        assertThat(AuditContext.forIp("2001:db8::1"))
            .isEqualTo(AuditContext.of(null, "2001:db8::1", null, null))
            .hasToString("session=- ip=2001:db8::1 account=- listener=-");
    }

    @Test
    void emptyValuesPrintAsDashes() {
        assertThat(AuditContext.of("", "", "", "")).hasToString("session=- ip=- account=- listener=-");
    }

    @Test
    void aValueAClientControlsIsQuotedAndEscaped() {
        assertThat(AuditContext.of("s-1", "192.0.2.1", "x\r\nevent=unfreeze \"y\"", "smtp"))
            .hasToString("session=s-1 ip=192.0.2.1 account=\"x\\r\\nevent=unfreeze \\\"y\\\"\" listener=smtp");
    }

    @Test
    void honoursEqualsContract() {
        EqualsVerifier.forClass(AuditContext.class).verify();
    }
}
