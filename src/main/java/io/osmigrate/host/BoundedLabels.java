package io.osmigrate.host;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the values of one metric label to a bounded set: the first {@code max} distinct values are kept as they are,
 * every later one becomes {@link #OTHER}. A solution has a bounded number of entities, but a scrape target must never
 * grow without end because a configuration did. Thread-safe.
 */
final class BoundedLabels {

    static final String OTHER = "other";

    private final int max;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    BoundedLabels(int max) {
        this.max = max;
    }

    String of(String value) {
        if (seen.contains(value)) {
            return value;
        }
        synchronized (this) {
            if (seen.size() < max) {
                seen.add(value);
                return value;
            }
        }
        return seen.contains(value) ? value : OTHER;
    }
}
