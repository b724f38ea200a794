package org.jamesguard.core.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lettuce.core.cluster.SlotHash;

/** On Redis Cluster a script's keys must live on one node: those of one operation hash to one slot. */
class RedisKeysTest {
    @ParameterizedTest
    @ValueSource(strings = {"hijack|sources|john@example.com", "{", "}", "}x", "{}", "a{b}c", "b\u00fccher"})
    void theKeysOfADistinctSetShareASlotWhateverTheKeyHolds(String key) {
        assertOneSlot(new RedisKeys("jamesguard:").distinct(key));
        assertOneSlot(new RedisKeys("odd{prefix:").distinct(key));
        assertOneSlot(new RedisKeys("odd}prefix:").distinct(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jamesguard:", "{tagged}:", "x{", "x}"})
    void theScreenAndFreezeKeysShareASlot(String prefix) {
        assertOneSlot(new RedisKeys(prefix).screen());
        assertOneSlot(new RedisKeys(prefix).freezes());
    }

    private static void assertOneSlot(List<String> keys) {
        assertThat(keys).hasSize(2);
        assertThat(SlotHash.getSlot(keys.get(0))).as("slots of %s", keys).isEqualTo(SlotHash.getSlot(keys.get(1)));
    }
}
