package io.osmigrate.maps;

import java.util.Optional;

import io.osmigrate.spec.UnresolvedPolicy;

/**
 * A map a record is enriched with, one value at a time and in memory: static records, tenants, users
 * (and, for the hybrid phases, definitions by SS_Key and espaces). What the key map resolves in bulk per
 * batch is not one of these. Implementations are thread-safe: records of two batches are enriched at once.
 */
public interface RecordMap {

    /** The destination value of a source value, or null when it has none. */
    Object destinationOf(Object sourceValue);

    /** Why a source value has no destination value, for the dead letter. */
    String whyUnmatched(Object sourceValue);

    /** A decision made for this one value that replaces the table's unresolved-reference policy (users). */
    default Optional<UnresolvedPolicy> policyFor(Object sourceValue) {
        return Optional.empty();
    }

    /** A value that means "no reference" although it is not null (0 for a user). */
    default boolean meansNone(Object sourceValue) {
        return false;
    }
}
