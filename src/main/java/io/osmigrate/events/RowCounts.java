package io.osmigrate.events;

import java.util.HashMap;
import java.util.Map;

/**
 * A multiset of rows by their canonical JSON: OSEVT_* rows have no key and two subscriptions may be equal, so
 * "is this row already there" is answered by counting, one copy taken per match.
 */
final class RowCounts {

    private final Map<String, Integer> counts = new HashMap<>();

    void add(String row) {
        counts.merge(row, 1, Integer::sum);
    }

    /** Takes one copy of the row if one is left; false when none is. */
    boolean take(String row) {
        Integer n = counts.get(row);
        if (n == null) {
            return false;
        }
        if (n == 1) {
            counts.remove(row);
        } else {
            counts.put(row, n - 1);
        }
        return true;
    }
}
