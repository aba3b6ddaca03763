package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How source static values with no active destination record are handled. */
public record StaticsSettings(@JsonProperty("unmatched") UnresolvedPolicy unmatched) {

    /** Fail by default: a static value that means nothing in the destination is a design difference. */
    public UnresolvedPolicy unmatchedOrDefault() {
        return unmatched == null ? UnresolvedPolicy.FAIL : unmatched;
    }
}
