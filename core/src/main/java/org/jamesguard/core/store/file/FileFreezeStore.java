package org.jamesguard.core.store.file;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jamesguard.core.hijack.FreezeRecord;
import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.StoreJson;
import org.jamesguard.core.store.memory.MemoryFreezeStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Frozen accounts in memory, written to {@code freezes.state} in the background after each change. */
final class FileFreezeStore implements FreezeStore {
    static final String KIND = "freezes";

    private final MemoryFreezeStore freezes;
    private final Runnable changed;

    FileFreezeStore(MemoryFreezeStore freezes, Runnable changed) {
        this.freezes = freezes;
        this.changed = changed;
    }

    @Override
    public boolean freeze(FreezeRecord record) {
        return changedIf(freezes.freeze(record));
    }

    @Override
    public Optional<FreezeRecord> find(String account) {
        return freezes.find(account);
    }

    @Override
    public Optional<FreezeRecord> findById(String freezeId) {
        return freezes.findById(freezeId);
    }

    @Override
    public boolean unfreeze(FreezeRecord record) {
        return changedIf(freezes.unfreeze(record));
    }

    @Override
    public List<FreezeRecord> list() {
        return freezes.list();
    }

    @Override
    public List<FreezeRecord> expired(Instant now) {
        return freezes.expired(now);
    }

    private boolean changedIf(boolean changes) {
        if (changes) {
            changed.run();
        }
        return changes;
    }

    static JsonNode encode(List<FreezeRecord> records) {
        ObjectNode body = StoreJson.object();
        ArrayNode array = body.putArray("freezes");
        records.forEach(record -> array.add(StoreJson.freezeRecord(record)));
        return body;
    }

    static List<FreezeRecord> decode(JsonNode body) {
        List<FreezeRecord> records = new ArrayList<>();
        StoreJson.field(body, "freezes").forEach(record -> records.add(StoreJson.freezeRecord(record)));
        return records;
    }
}
