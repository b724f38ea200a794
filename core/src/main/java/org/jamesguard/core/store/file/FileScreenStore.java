package org.jamesguard.core.store.file;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jamesguard.core.store.ScreenEntry;
import org.jamesguard.core.store.ScreenStore;
import org.jamesguard.core.store.StoreJson;
import org.jamesguard.core.store.memory.MemoryScreenStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The screen in memory, written to {@code screen.state} in the background after each change. */
final class FileScreenStore implements ScreenStore {
    static final String KIND = "screen";

    private final MemoryScreenStore entries;
    private final Runnable changed;

    FileScreenStore(MemoryScreenStore entries, Runnable changed) {
        this.entries = entries;
        this.changed = changed;
    }

    @Override
    public void put(ScreenEntry entry) {
        entries.put(entry);
        changed.run();
    }

    @Override
    public Optional<ScreenEntry> find(String ip, Instant now) {
        return entries.find(ip, now);
    }

    @Override
    public boolean remove(String ip) {
        boolean removed = entries.remove(ip);
        if (removed) {
            changed.run();
        }
        return removed;
    }

    @Override
    public List<ScreenEntry> list(Instant now) {
        return entries.list(now);
    }

    static JsonNode encode(List<ScreenEntry> entries) {
        ObjectNode body = StoreJson.object();
        ArrayNode array = body.putArray("entries");
        entries.forEach(entry -> array.add(StoreJson.screenEntry(entry)));
        return body;
    }

    static List<ScreenEntry> decode(JsonNode body) {
        List<ScreenEntry> entries = new ArrayList<>();
        StoreJson.field(body, "entries").forEach(entry -> entries.add(StoreJson.screenEntry(entry)));
        return entries;
    }
}
