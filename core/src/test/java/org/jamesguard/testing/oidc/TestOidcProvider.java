package org.jamesguard.testing.oidc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID provider for end-to-end tests of OAuth logins: a JWKS endpoint served on a free loopback port
 * (the JDK's HTTP server), and RS256 tokens signed with a key made for the test run. James is pointed at it
 * with {@link #oidcConfiguration()} inside {@code <auth>} of a listener; the token's claim {@code email}
 * names the account.
 */
public final class TestOidcProvider implements AutoCloseable {
    private static final String KEY_ID = "jamesguard-test";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair key = rsaKey();
    private final KeyPair stranger = rsaKey();
    private final HttpServer server;

    private TestOidcProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", this::jwks);
        server.start();
    }

    public static TestOidcProvider start() {
        return new TestOidcProvider();
    }

    /** The children of {@code <auth><oidc>} in James's listener configuration (SMTP and IMAP alike). */
    public String oidcConfiguration() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return "<jwksURL>" + jwksUrl() + "</jwksURL><claim>email</claim>"
            + "<oidcConfigurationURL>" + base + "/.well-known/openid-configuration</oidcConfigurationURL>"
            + "<scope>openid email</scope>";
    }

    public URL jwksUrl() {
        try {
            return new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for {@code account}, valid for an hour. */
    public String token(String account) {
        return sign(account, Instant.now().plus(Duration.ofHours(1)), key);
    }

    /** A well-formed token for {@code account} signed with a key the provider never published. */
    public String forgedToken(String account) {
        return sign(account, Instant.now().plus(Duration.ofHours(1)), stranger);
    }

    /** {@code n,user=<user>^Aauth=Bearer <token>^A^A}, base64: the OAUTHBEARER initial response James 3.8.1 parses. */
    public static String oauthBearer(String user, String token) {
        return base64("n,user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
    }

    /** {@code user=<user>^Aauth=Bearer <token>^A^A}, base64: Google's XOAUTH2. */
    public static String xoauth2(String user, String token) {
        return base64("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String account, Instant expires, KeyPair signer) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
        String claims = "{\"sub\":\"" + account + "\",\"email\":\"" + account + "\",\"iat\":" + Instant.now().getEpochSecond()
            + ",\"exp\":" + expires.getEpochSecond() + "}";
        String signed = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signer.getPrivate());
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        byte[] body = ("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\","
            + "\"n\":\"" + unsigned(publicKey.getModulus()) + "\",\"e\":\"" + unsigned(publicKey.getPublicExponent()) + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 7518 §6.3.1: big-endian, without the sign byte. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return BASE64URL.encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
