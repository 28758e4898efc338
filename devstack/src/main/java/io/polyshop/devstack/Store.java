package io.polyshop.devstack;

import java.util.Locale;

/** The kinds of store a service can own; each owning service gets its own server of that kind. */
enum Store {
    POSTGRES,
    MONGODB,
    REDIS,
    DYNAMODB,
    OPENSEARCH;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Store fromKey(String key, String where) {
        for (Store store : values()) {
            if (store.key().equals(key.strip())) {
                return store;
            }
        }
        throw new DevstackException(
                where + ": unknown store '" + key + "' (known: postgres, mongodb, redis, dynamodb, opensearch)");
    }
}
