package org.jamesguard.core.hijack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.common.io.BaseEncoding;

/**
 * The signed single-use token a freeze notice carries in its Reply-To: {@code unfreeze-<id>-<expiry>-<mac>@<domain>}.
 * The MAC is HMAC-SHA256 over account, freeze id and expiry (truncated to 128 bits), so a token only
 * lifts the freeze it was made for, before it expires. Lower-case base32 keeps the local part under 64
 * characters and safe from case folding.
 */
public final class UnfreezeTokens {
    public static final String PREFIX = "unfreeze-";
    private static final Pattern TOKEN = Pattern.compile(PREFIX + "([a-z2-7]{16})-([0-9a-z]{1,13})-([a-z2-7]{26})");
    private static final BaseEncoding BASE32 = BaseEncoding.base32().lowerCase().omitPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    public UnfreezeTokens(byte[] secret) {
        this.secret = secret.clone();
    }

    /** A new freeze id: 80 random bits. */
    public static String newFreezeId() {
        byte[] id = new byte[10];
        RANDOM.nextBytes(id);
        return BASE32.encode(id);
    }

    /** The local part of the Reply-To address for {@code record}, valid until {@code expires}. */
    public String localPart(FreezeRecord record, Instant expires) {
        String expiry = Long.toString(expires.getEpochSecond(), 36);
        return PREFIX + record.id() + "-" + expiry + "-" + mac(record.account(), record.id(), expiry);
    }

    public static boolean looksLikeToken(String localPart) {
        return localPart.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /**
     * What the logs may say of a token: its freeze id (not a secret: it names the freeze) and a short hash of the
     * whole, never the signature, so a log reader cannot replay a postmaster's token.
     */
    public static String forLog(String localPart) {
        String lower = localPart.toLowerCase(Locale.ROOT);
        Matcher matcher = TOKEN.matcher(lower);
        String shown = matcher.matches() ? PREFIX + matcher.group(1) + "-..." : PREFIX + "...";
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(lower.getBytes(StandardCharsets.UTF_8));
            return shown + " (sha256 " + BaseEncoding.base16().lowerCase().encode(hash, 0, 4) + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The freeze id a token names, when its syntax is right; checking the MAC needs the freeze's account. */
    public static Optional<String> freezeId(String localPart) {
        Matcher matcher = TOKEN.matcher(localPart.toLowerCase(Locale.ROOT));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Why {@code localPart} does not unfreeze {@code record} at {@code now}; empty when it does. */
    public Optional<String> refusal(String localPart, FreezeRecord record, Instant now) {
        Matcher matcher = TOKEN.matcher(localPart.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.of("malformed token");
        }
        if (!matcher.group(1).equals(record.id())) {
            return Optional.of("token of another freeze");
        }
        String expiry = matcher.group(2);
        boolean valid = MessageDigest.isEqual(mac(record.account(), record.id(), expiry).getBytes(StandardCharsets.US_ASCII),
            matcher.group(3).getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            return Optional.of("bad signature");
        }
        if (!now.isBefore(Instant.ofEpochSecond(Long.parseLong(expiry, 36)))) {
            return Optional.of("expired token");
        }
        return Optional.empty();
    }

    private String mac(String account, String freezeId, String expiry) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = hmac.doFinal((account + "\n" + freezeId + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
            return BASE32.encode(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
