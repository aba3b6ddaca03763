package io.osmigrate.spec;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Per-entity settings of a spec; any field left out falls back to the spec's defaults.
 *
 * @param match  attribute names that identify a row across environments (Lookup, match-existing)
 * @param where  the subset condition over the entity's attributes ({@link ConditionParser}'s form), as written
 * @param sample the number of rows a subset keeps, chosen at random (a fixed seed) among the selected ones
 * @param follow which related rows the subset keeps too (parents always; children on request)
 */
public record EntitySettings(@JsonProperty("mode") Mode mode,
                             @JsonProperty("match") List<String> match,
                             @JsonProperty("onConflict") ConflictPolicy onConflict,
                             @JsonProperty("unresolvedReference") UnresolvedPolicy unresolvedReference,
                             @JsonProperty("batchSize") Integer batchSize,
                             @JsonProperty("where") String where,
                             @JsonProperty("sample") Integer sample,
                             @JsonProperty("follow") Follow follow) {

    public EntitySettings {
        match = match == null ? List.of() : List.copyOf(match);
    }

    public EntitySettings(Mode mode, List<String> match, ConflictPolicy onConflict, UnresolvedPolicy unresolvedReference,
                          Integer batchSize) {
        this(mode, match, onConflict, unresolvedReference, batchSize, null, null, null);
    }

    public static EntitySettings none() {
        return new EntitySettings(null, null, null, null, null);
    }

    /** Whether the entity's rows are a subset: a condition or a sample. */
    public boolean subset() {
        return where != null || sample != null;
    }

    public boolean followsChildren() {
        return follow == Follow.CHILDREN;
    }
}
