package org.jamesguard.core.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jamesguard.core.hijack.FreezeRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of screen entries and freeze records, shared by the file and Redis stores. Instants are
 * ISO-8601 text (to the nanosecond); counts are written in key order, so one record always reads the same.
 * A malformed document fails with {@link IllegalArgumentException} naming what is wrong.
 */
public final class StoreJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoreJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always writable", e);
        }
    }

    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static ObjectNode screenEntry(ScreenEntry entry) {
        ObjectNode node = object();
        node.put("ip", entry.ip());
        node.put("since", entry.since().toString());
        node.put("expires", entry.expires().toString());
        node.put("reason", entry.reason());
        return node;
    }

    public static ScreenEntry screenEntry(JsonNode node) {
        return new ScreenEntry(text(node, "ip"), instant(node, "since"), instant(node, "expires"), text(node, "reason"));
    }

    public static ObjectNode freezeRecord(FreezeRecord record) {
        ObjectNode node = object();
        node.put("account", record.account());
        node.put("id", record.id());
        node.put("reason", record.reason());
        node.put("requiresAdministrator", record.requiresAdministrator());
        ObjectNode counts = node.putObject("counts");
        new TreeMap<>(record.counts()).forEach(counts::put);
        ArrayNode ips = node.putArray("ips");
        record.ips().forEach(ips::add);
        node.put("frozenAt", record.frozenAt().toString());
        record.expires().ifPresent(expires -> node.put("expires", expires.toString()));
        return node;
    }

    public static FreezeRecord freezeRecord(JsonNode node) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = field(node, "counts").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> count = fields.next();
            if (!count.getValue().canConvertToLong()) {
                throw new IllegalArgumentException("count '" + count.getKey() + "' is not a whole number");
            }
            counts.put(count.getKey(), count.getValue().longValue());
        }
        List<String> ips = new ArrayList<>();
        field(node, "ips").forEach(ip -> ips.add(ip.asText()));
        Optional<Instant> expires = node.has("expires") ? Optional.of(instant(node, "expires")) : Optional.empty();
        return new FreezeRecord(text(node, "account"), text(node, "id"), text(node, "reason"),
            field(node, "requiresAdministrator").asBoolean(), counts, ips, instant(node, "frozenAt"), expires);
    }

    public static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return value;
    }

    public static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' is not text");
        }
        return value.asText();
    }

    public static Instant instant(JsonNode node, String name) {
        String text = text(node, name);
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("field '" + name + "' is not an instant: '" + text + "'", e);
        }
    }
}
