package org.jamesguard.core.store.file;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jamesguard.core.store.StoreJson;
import org.jamesguard.core.store.TokenStore;
import org.jamesguard.core.store.memory.MemoryTokenStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Used unfreeze tokens in memory, written to {@code tokens.state} in the background after each use. */
final class FileTokenStore implements TokenStore {
    static final String KIND = "tokens";

    private final MemoryTokenStore tokens;
    private final Runnable changed;

    FileTokenStore(MemoryTokenStore tokens, Runnable changed) {
        this.tokens = tokens;
        this.changed = changed;
    }

    @Override
    public boolean use(String tokenId, Instant expires, Instant now) {
        boolean first = tokens.use(tokenId, expires, now);
        if (first) {
            changed.run();
        }
        return first;
    }

    static JsonNode encode(Map<String, Instant> used) {
        ObjectNode body = StoreJson.object();
        ArrayNode array = body.putArray("tokens");
        new TreeMap<>(used).forEach((id, expires) -> array.addObject().put("id", id).put("expires", expires.toString()));
        return body;
    }

    static Map<String, Instant> decode(JsonNode body) {
        Map<String, Instant> used = new LinkedHashMap<>();
        StoreJson.field(body, "tokens").forEach(token -> used.put(StoreJson.text(token, "id"), StoreJson.instant(token, "expires")));
        return used;
    }
}
