package io.osmigrate.users;

import java.util.HashMap;
import java.util.Map;

/**
 * Source user ids mapped to destination user ids: what the data phase puts in every attribute that
 * references User. Built by the users phase; thread-safe once built.
 */
public final class UserMap {

    private final Map<Long, Long> ids = new HashMap<>();
    private final Map<Long, String> unmatched = new HashMap<>();

    public synchronized void map(long sourceId, long destinationId) {
        ids.put(sourceId, destinationId);
        unmatched.remove(sourceId);
    }

    public synchronized void unmatched(long sourceId, String why) {
        unmatched.put(sourceId, why);
    }

    public synchronized Long get(long sourceId) {
        return ids.get(sourceId);
    }

    public synchronized String whyUnmatched(long sourceId) {
        String why = unmatched.get(sourceId);
        return why == null ? "no user with id " + sourceId + " in the source" : why;
    }

    public synchronized int size() {
        return ids.size();
    }
}
