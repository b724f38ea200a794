package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.jamesguard.core.testing.FreezeRecords;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The signed single-use unfreeze token of a freeze notice's Reply-To: HMAC over account, freeze id and expiry. */
class UnfreezeTokensTest {
    private static final Instant T0 = MutableClock.DEFAULT_START;
    private static final Instant EXPIRES = T0.plus(Duration.ofDays(7));
    private static final String SHAPE = "unfreeze-[a-z2-7]{16}-[0-9a-z]{1,13}-[a-z2-7]{26}";
    private static final FreezeRecord JOHN = FreezeRecords.of("john@example.com").id("abcdefghijklmnop").build();

    private final UnfreezeTokens tokens = new UnfreezeTokens(secret(1));
    private final String token = tokens.localPart(JOHN, EXPIRES);

    private static byte[] secret(int seed) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) seed);
        return secret;
    }

    @Test
    void aTokenUnfreezesItsFreezeBeforeItExpires() {
        assertThat(tokens.refusal(token, JOHN, T0)).isEmpty();
        assertThat(tokens.refusal(token, JOHN, EXPIRES.minusNanos(1))).isEmpty();
    }

    @Test
    void aTokenIsALowerCaseLocalPartOfAtMost64Characters() {
        assertThat(token).matches(SHAPE).isEqualTo(token.toLowerCase(Locale.ROOT)).hasSizeLessThanOrEqualTo(64);
        assertThat(token).startsWith("unfreeze-abcdefghijklmnop-" + Long.toString(EXPIRES.getEpochSecond(), 36) + "-");
    }

    @Test
    void aTokenValidUntilTheYear9999StillFitsALocalPart() {
        String farFuture = tokens.localPart(JOHN, Instant.parse("9999-12-31T23:59:59Z"));

        assertThat(farFuture).matches(SHAPE).hasSizeLessThanOrEqualTo(64);
        assertThat(tokens.refusal(farFuture, JOHN, T0)).isEmpty();
    }

    /** Issue 12, hole 7: a log reader must not be able to replay a postmaster's token. */
    @Test
    void theLogsSeeTheFreezeIdAndAShortHashButNeverTheSignature() {
        String signature = token.substring(token.lastIndexOf('-') + 1);

        assertThat(UnfreezeTokens.forLog(token)).matches("unfreeze-abcdefghijklmnop-\\.\\.\\. \\(sha256 [0-9a-f]{8}\\)")
            .doesNotContain(signature);
        assertThat(UnfreezeTokens.forLog(token.toUpperCase(Locale.ROOT))).isEqualTo(UnfreezeTokens.forLog(token));
        assertThat(UnfreezeTokens.forLog(token + "x")).isNotEqualTo(UnfreezeTokens.forLog(token));
    }

    @Test
    void aMalformedTokenIsLoggedAsAHashOnly() {
        assertThat(UnfreezeTokens.forLog("unfreeze-Whatever\nevent=forged")).matches("unfreeze-\\.\\.\\. \\(sha256 [0-9a-f]{8}\\)");
    }

    @Test
    void theTokenNamesItsFreeze() {
        assertThat(UnfreezeTokens.freezeId(token)).contains("abcdefghijklmnop");
    }

    @Test
    void tokensAreParsedCaseInsensitively() {
        String shouted = token.toUpperCase(Locale.ROOT);

        assertThat(UnfreezeTokens.looksLikeToken(shouted)).isTrue();
        assertThat(UnfreezeTokens.freezeId(shouted)).contains("abcdefghijklmnop");
        assertThat(tokens.refusal(shouted, JOHN, T0)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"unfreeze-abc, true", "UNFREEZE-abc, true", "Unfreeze-, true", "unfreeze, false", "john, false",
        "xunfreeze-abc, false", "un-freeze-abc, false"})
    void looksLikeATokenByItsPrefix(String localPart, boolean token) {
        assertThat(UnfreezeTokens.looksLikeToken(localPart)).isEqualTo(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "john", "unfreeze-", "unfreeze-abcdefghijklmnop", "unfreeze-abcdefghijklmnop-t9h2kg",
        "unfreeze-abcdefghijklmno-t9h2kg-abcdefghijklmnopqrstuvwxyz",
        "unfreeze-abcdefghijklmnopq-t9h2kg-abcdefghijklmnopqrstuvwxyz",
        "unfreeze-abcdefghijklmnop-t9h2kg-abcdefghijklmnopqrstuvwxy",
        "unfreeze-abcdefghijklmnop-t9h2kg-abcdefghijklmnopqrstuvwxyz2",
        "unfreeze-abcdefghijklmno1-t9h2kg-abcdefghijklmnopqrstuvwxyz",
        "unfreeze-abcdefghijklmnop-t9h2kg-abcdefghijklmnopqrstuvwxy8",
        "unfreeze-abcdefghijklmnop--abcdefghijklmnopqrstuvwxyz",
        "unfreeze-abcdefghijklmnop-t9_2kg-abcdefghijklmnopqrstuvwxyz",
        "unfreeze-abcdefghijklmnop-12345678901234-abcdefghijklmnopqrstuvwxyz",
        " unfreeze-abcdefghijklmnop-t9h2kg-abcdefghijklmnopqrstuvwxyz"})
    void aMalformedTokenIsRefused(String localPart) {
        assertThat(UnfreezeTokens.freezeId(localPart)).isEmpty();
        assertThat(tokens.refusal(localPart, JOHN, T0)).contains("malformed token");
    }

    @Test
    void aTokenOfAnotherFreezeOfTheSameAccountIsRefused() {
        FreezeRecord later = FreezeRecords.of("john@example.com").id("qrstuvwxyz234567").build();

        assertThat(tokens.refusal(token, later, T0)).contains("token of another freeze");
    }

    @Test
    void aTokenOfOneAccountDoesNotUnfreezeAnotherAccount() {
        FreezeRecord jane = FreezeRecords.of("jane@example.com").id("qrstuvwxyz234567").build();
        FreezeRecord janeWithJohnsId = FreezeRecords.of("jane@example.com").id(JOHN.id()).build();

        assertThat(tokens.refusal(token, jane, T0)).contains("token of another freeze");
        assertThat(tokens.refusal(token, janeWithJohnsId, T0)).contains("bad signature");
        assertThat(tokens.refusal(tokens.localPart(janeWithJohnsId, EXPIRES), JOHN, T0)).contains("bad signature");
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String signature = token.substring(token.lastIndexOf('-') + 1);
        char first = signature.charAt(0);
        String tampered = token.substring(0, token.lastIndexOf('-') + 1) + (first == 'a' ? 'b' : 'a') + signature.substring(1);

        assertThat(tampered).matches(SHAPE);
        assertThat(tokens.refusal(tampered, JOHN, T0)).contains("bad signature");
    }

    @Test
    void aLaterExpiryWrittenIntoTheTokenBreaksTheSignature() {
        String expiry = Long.toString(EXPIRES.getEpochSecond(), 36);
        String later = Long.toString(EXPIRES.plus(Duration.ofDays(365)).getEpochSecond(), 36);
        String extended = token.replace("-" + expiry + "-", "-" + later + "-");

        assertThat(extended).isNotEqualTo(token).matches(SHAPE);
        assertThat(tokens.refusal(extended, JOHN, EXPIRES.plusSeconds(1))).contains("bad signature");
    }

    @Test
    void anExpiryTooLargeForANumberIsABadSignatureNotACrash() {
        String huge = "unfreeze-abcdefghijklmnop-zzzzzzzzzzzzz-abcdefghijklmnopqrstuvwxyz";

        assertThat(huge).matches(SHAPE);
        assertThat(tokens.refusal(huge, JOHN, T0)).contains("bad signature");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String forged = new UnfreezeTokens(secret(2)).localPart(JOHN, EXPIRES);

        assertThat(forged).isNotEqualTo(token);
        assertThat(tokens.refusal(forged, JOHN, T0)).contains("bad signature");
    }

    @Test
    void aTokenHasExpiredExactlyAtItsExpiry() {
        assertThat(tokens.refusal(token, JOHN, EXPIRES)).contains("expired token");
        assertThat(tokens.refusal(token, JOHN, EXPIRES.plus(Duration.ofDays(1)))).contains("expired token");
    }

    @Test
    void theExpiryIsKeptToTheSecondBelow() {
        String subSecond = tokens.localPart(JOHN, EXPIRES.plusMillis(999));

        assertThat(subSecond).isEqualTo(token);
        assertThat(tokens.refusal(subSecond, JOHN, EXPIRES)).contains("expired token");
    }

    @Test
    void theSignatureIsCheckedBeforeTheExpiry() {
        String forged = new UnfreezeTokens(secret(2)).localPart(JOHN, EXPIRES);

        assertThat(tokens.refusal(forged, JOHN, EXPIRES.plusSeconds(1))).contains("bad signature");
    }

    @Test
    void theSecretIsCopied() {
        byte[] secret = secret(3);
        UnfreezeTokens signer = new UnfreezeTokens(secret);
        String issued = signer.localPart(JOHN, EXPIRES);

        Arrays.fill(secret, (byte) 4);

        assertThat(signer.refusal(issued, JOHN, T0)).isEmpty();
        assertThat(signer.localPart(JOHN, EXPIRES)).isEqualTo(issued);
    }

    @Test
    void freezeIdsAre80RandomBitsInLowerCaseBase32() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String id = UnfreezeTokens.newFreezeId();
            assertThat(id).matches("[a-z2-7]{16}");
            ids.add(id);
        }
        assertThat(ids).hasSize(100);
    }
}
