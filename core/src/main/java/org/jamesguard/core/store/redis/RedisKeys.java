package org.jamesguard.core.store.redis;

import java.util.List;

/**
 * The one place that names Redis keys: the configured prefix, then the kind, then the store's key. The keys a
 * script touches together share a hash tag ({@code {...}}), so that they live on one Cluster node.
 */
final class RedisKeys {
    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    String counter(String key) {
        return prefix + "counter:" + key;
    }

    /**
     * The order and the last-seen times of a distinct set. The tag starts with a fixed word, so it is never empty
     * whatever the key holds: a key's own braces can only shorten it, the same way for both keys.
     */
    List<String> distinct(String key) {
        String tagged = prefix + "{distinct|" + key + "}";
        return List.of(tagged, tagged + ":seen");
    }

    /** The screen entries and their expiry. */
    List<String> screen() {
        return List.of(prefix + "{screen}", prefix + "{screen}:expiry");
    }

    /** The freezes by account, and the accounts by freeze id. */
    List<String> freezes() {
        return List.of(prefix + "{freezes}", prefix + "{freezes}:ids");
    }

    String token(String tokenId) {
        return prefix + "token:" + tokenId;
    }

    String popLogin(String ip) {
        return prefix + "pop:" + ip;
    }
}
