package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Spec-wide defaults for the per-entity settings; null means "osmigrate's default". */
public record Defaults(@JsonProperty("batchSize") Integer batchSize,
                       @JsonProperty("onConflict") ConflictPolicy onConflict,
                       @JsonProperty("unresolvedReference") UnresolvedPolicy unresolvedReference) {

    public static Defaults none() {
        return new Defaults(null, null, null);
    }
}
