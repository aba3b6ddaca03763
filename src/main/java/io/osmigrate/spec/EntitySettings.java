package io.osmigrate.spec;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Per-entity settings of a spec; any field left out falls back to the spec's defaults.
 *
 * @param match attribute names that identify a row across environments (Lookup, match-existing)
 */
public record EntitySettings(@JsonProperty("mode") Mode mode,
                             @JsonProperty("match") List<String> match,
                             @JsonProperty("onConflict") ConflictPolicy onConflict,
                             @JsonProperty("unresolvedReference") UnresolvedPolicy unresolvedReference,
                             @JsonProperty("batchSize") Integer batchSize) {

    public EntitySettings {
        match = match == null ? List.of() : List.copyOf(match);
    }

    public static EntitySettings none() {
        return new EntitySettings(null, null, null, null, null);
    }
}
