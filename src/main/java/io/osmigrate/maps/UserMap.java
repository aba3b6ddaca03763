package io.osmigrate.maps;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.osmigrate.dialect.ValueKind;
import io.osmigrate.spec.UnresolvedPolicy;

/**
 * Source user ids mapped to destination user ids: what the data phase puts in every attribute that
 * references User. An unmatched user may carry the handling the users phase decided for it (null where
 * optional, or dead-letter); without one, each entity's unresolvedReference applies. Built by the users
 * phase (or by a plain lookup when it does not run); thread-safe.
 */
public final class UserMap implements RecordMap {

    private final Map<Long, Long> ids = new HashMap<>();
    private final Map<Long, String> unmatched = new HashMap<>();
    private final Map<Long, UnresolvedPolicy> policies = new HashMap<>();

    public synchronized void map(long sourceId, long destinationId) {
        ids.put(sourceId, destinationId);
        unmatched.remove(sourceId);
        policies.remove(sourceId);
    }

    public synchronized void unmatched(long sourceId, String why) {
        unmatched.put(sourceId, why);
    }

    /** An unmatched user whose references are handled by {@code policy}, whatever the entity's unresolvedReference. */
    public synchronized void unmatched(long sourceId, String why, UnresolvedPolicy policy) {
        unmatched.put(sourceId, why);
        policies.put(sourceId, policy);
    }

    public synchronized Long get(long sourceId) {
        return ids.get(sourceId);
    }

    /** The handling the users phase decided for an unmatched user, if it decided one. */
    public synchronized Optional<UnresolvedPolicy> policy(long sourceId) {
        return Optional.ofNullable(policies.get(sourceId));
    }

    public synchronized String whyUnmatched(long sourceId) {
        String why = unmatched.get(sourceId);
        return why == null ? "no user with id " + sourceId + " in the source" : why;
    }

    @Override
    public Object destinationOf(Object sourceValue) {
        return get(userId(sourceValue));
    }

    @Override
    public String whyUnmatched(Object sourceValue) {
        return whyUnmatched(userId(sourceValue));
    }

    @Override
    public Optional<UnresolvedPolicy> policyFor(Object sourceValue) {
        return policy(userId(sourceValue));
    }

    /** Some platform columns hold 0 for "no user". */
    @Override
    public boolean meansNone(Object sourceValue) {
        return userId(sourceValue) == 0;
    }

    private static long userId(Object sourceValue) {
        return ((Number) ValueKind.id(sourceValue)).longValue();
    }

    public synchronized int size() {
        return ids.size();
    }
}
