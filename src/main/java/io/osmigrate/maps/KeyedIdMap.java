package io.osmigrate.maps;

import java.util.HashMap;
import java.util.Map;

import io.osmigrate.dialect.ValueKind;

/**
 * Source ids of a platform table mapped to destination ids through a key both environments share: a BPT
 * definition's (espace SS_Key, SS_Key), a status's name, a group's tenant and name. Never written: the
 * destination's rows are the ones published or kept there. Immutable once built, so thread-safe.
 */
public final class KeyedIdMap implements RecordMap {

    private final String what;
    private final Map<Long, Long> ids = new HashMap<>();
    private final Map<Long, String> keys = new HashMap<>();

    /**
     * @param what            what a row is, for messages ("process definition")
     * @param sourceKeys      source id → its key
     * @param destinationKeys key → destination id (only rows that may be pointed at: active definitions)
     */
    public KeyedIdMap(String what, Map<Long, String> sourceKeys, Map<String, Long> destinationKeys) {
        this.what = what;
        sourceKeys.forEach((id, key) -> {
            keys.put(id, key);
            Long twin = destinationKeys.get(key);
            if (twin != null) {
                ids.put(id, twin);
            }
        });
    }

    @Override
    public Object destinationOf(Object sourceValue) {
        return ids.get(id(sourceValue));
    }

    @Override
    public String whyUnmatched(Object sourceValue) {
        long id = id(sourceValue);
        String key = keys.get(id);
        return key == null ? "no " + what + " with id " + id + " in the source"
                : "the " + what + " " + key + " has no active twin in the destination";
    }

    /** How many source rows have a twin. */
    public int matched() {
        return ids.size();
    }

    private static long id(Object value) {
        return ((Number) ValueKind.id(value)).longValue();
    }
}
