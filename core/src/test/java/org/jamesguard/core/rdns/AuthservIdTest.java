package org.jamesguard.core.rdns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthservIdTest {
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "mx.example.test; iprev=pass policy.iprev=192.0.2.7| mx.example.test",
        "mx.example.test;iprev=pass| mx.example.test",
        "mx.example.test| mx.example.test",
        "mx.example.test; none| mx.example.test",
        "mx.example.test 1; none| mx.example.test",
        "mx.example.test 1 ; spf=pass| mx.example.test",
        "mx.example.test (version follows) 1 (and a result); spf=pass| mx.example.test",
        "mx.example.test(comment);iprev=pass| mx.example.test",
        "(planted) mx.example.test; iprev=pass| mx.example.test",
        "((x)) mx.example.test; iprev=pass| mx.example.test",
        "(a (b (c) d) e) mx.example.test; iprev=pass| mx.example.test",
        "`(a \\) b) mx.example.test; iprev=pass`| mx.example.test",
        "`(a \\( b) mx.example.test; iprev=pass`| mx.example.test",
        "`(a \\\\) mx.example.test; iprev=pass`| mx.example.test",
        "`\"mx.example.test\"; iprev=pass`| mx.example.test",
        "`\"mx.example.test\" 1; iprev=pass`| mx.example.test",
        "`(x) \"mx.example.test\"(y); iprev=pass`| mx.example.test",
        "`\"mx.ex\\ample.test\"; iprev=pass`| mx.example.test",
        "`\"mx.example.test\\\"\"; iprev=pass`| mx.example.test\"",
        "`\" mx.example.test \"; iprev=pass`| mx.example.test",
        "`\"mx.example.test;x\"; iprev=pass`| mx.example.test;x",
        "`\"(mx.example.test)\"; iprev=pass`| (mx.example.test)",
        "`  mx.example.test\r\n ; iprev=pass`| mx.example.test",
        "`\r\n\tmx.example.test\r\n\t(folded\r\n comment)\r\n ; iprev=pass`| mx.example.test",
        "`\"mx.example.\r\n test\"; iprev=pass`| mx.example. test",
        "MX.Example.Test.; spf=pass| MX.Example.Test.",
        "relay.example.net (mx.example.test); iprev=pass| relay.example.net",
        "`\"relay.example.net\" (mx.example.test); dkim=pass`| relay.example.net",
        "mx.exämple.test; iprev=pass| mx.exämple.test",
        "mx.example.test.evil; iprev=pass| mx.example.test.evil",
    })
    void readsTheAuthservIdOfWellFormedFields(String value, String id) {
        assertThat(AuthservId.of(value)).contains(id);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "",
        "   ",
        "; iprev=pass",
        "(only a comment)",
        "(unclosed mx.example.test; iprev=pass",
        "((x) mx.example.test; iprev=pass",
        "(a \\) mx.example.test; iprev=pass",
        "\"mx.example.test; iprev=pass",
        "\"mx.example.test\\",
        "\"\"; iprev=pass",
        "\"  \"; iprev=pass",
        "<mx.example.test>; iprev=pass",
        "[mx.example.test]; iprev=pass",
        "mx.example.test@evil; iprev=pass",
        "mx.example.test=x; iprev=pass",
        "mx.example.test,relay.example.net; iprev=pass",
        "mx.example.test iprev=pass",
        "mx.example.test x; iprev=pass",
        "mx.example.test 1 2; iprev=pass",
        "mx.example.test 1x; iprev=pass",
        "\"mx.example.test\"1; iprev=pass",
        "\"mx.example.test\"x; iprev=pass",
        "mx.example.test\u0000; iprev=pass",
        "mx.example.test\u0007x; iprev=pass",
        "mx.example.test\u00a0; iprev=pass",
        "@mx.example.test; iprev=pass",
    })
    void findsNoIdInFieldsThatBreakTheGrammar(String value) {
        assertThat(AuthservId.of(value)).isEmpty();
    }
}
