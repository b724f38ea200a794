package org.jamesguard.core.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import com.google.common.io.BaseEncoding;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * A Lua script of the Redis store (a resource beside this class), run atomically in one round trip: by its
 * SHA-1 (EVALSHA); only when Redis does not know it yet (first use, or after a Redis restart) is its text sent
 * (EVAL), which also loads it. Every key a script touches is passed in KEYS and shares one hash tag, so the
 * script runs on one Cluster node.
 */
final class RedisScript {
    private final String name;
    private final String text;
    private final String sha;
    private final ScriptOutputType output;

    private RedisScript(String name, String text, ScriptOutputType output) {
        this.name = name;
        this.text = text;
        this.sha = sha1(text);
        this.output = output;
    }

    /** The script {@code <name>.lua} beside this class. */
    static RedisScript load(String name, ScriptOutputType output) {
        try (InputStream in = RedisScript.class.getResourceAsStream(name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("missing script " + name + ".lua");
            }
            return new RedisScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return BaseEncoding.base16().lowerCase().encode(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }

    String name() {
        return name;
    }

    <T> T run(RedisClusterCommands<String, String> commands, List<String> keys, String... arguments) {
        String[] keyArray = keys.toArray(new String[0]);
        try {
            return commands.evalsha(sha, output, keyArray, arguments);
        } catch (RedisNoScriptException e) {
            return commands.eval(text, output, keyArray, arguments);
        }
    }
}
