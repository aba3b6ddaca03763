package io.osmigrate.maps;

import java.util.Optional;

import io.osmigrate.spec.UnresolvedPolicy;

/**
 * A map whose "no reference" value is written as it is rather than emptied: a BPT activity's USER_ID holds 0
 * for "not assigned", which the platform reads as such.
 */
public record NoneKept(RecordMap map) implements RecordMap {

    @Override
    public Object destinationOf(Object sourceValue) {
        return map.meansNone(sourceValue) ? sourceValue : map.destinationOf(sourceValue);
    }

    @Override
    public String whyUnmatched(Object sourceValue) {
        return map.whyUnmatched(sourceValue);
    }

    @Override
    public Optional<UnresolvedPolicy> policyFor(Object sourceValue) {
        return map.policyFor(sourceValue);
    }
}
