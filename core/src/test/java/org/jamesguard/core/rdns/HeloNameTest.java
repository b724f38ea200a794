package org.jamesguard.core.rdns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeloNameTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "mail.example.test",
        "MAIL.Example.TEST",
        "mail.example.test.",
        "a.b",
        "mail-1.example.test",
        "1mail.example.test",
        "192-0-2-7.dsl.example.net",
        "xn--bcher-kva.example",
        "bücher.example",
        "mail.example.xn--p1ai",
    })
    void aDomainWithADotAndValidLabelsIsFullyQualified(String helo) {
        assertThat(HeloName.isFullyQualified(helo)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "",
        "localhost",
        "localhost.",
        "LAPTOP",
        "mail",
        ".example.test",
        "mail..example.test",
        "mail.example.test..",
        "-mail.example.test",
        "mail-.example.test",
        "mail.-example.test",
        "mail.example.123",
        "192.0.2",
        "mail example.test",
        "mail.exa*mple.test",
        "mail.example.test/",
        "user@mail.example.test",
        "mail.example.test;x",
        "mail_relay.example.test",
        "mail.example.test\u0000",
        "[192.0.2.1",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.test",
    })
    void anythingElseIsNot(String helo) {
        assertThat(HeloName.isFullyQualified(helo)).isFalse();
    }

    @Test
    void aNameLongerThan253OctetsIsNot() {
        String label = "a".repeat(63);
        String name = String.join(".", label, label, label, label);

        assertThat(name).hasSize(255);
        assertThat(HeloName.isFullyQualified(name)).isFalse();
        assertThat(HeloName.isFullyQualified(name.substring(4))).isTrue();
    }
}
