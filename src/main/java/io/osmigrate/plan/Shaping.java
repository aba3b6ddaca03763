package io.osmigrate.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a plan does to the shape of the moved data: the subset, per moved entity, with the source identifiers it
 * keeps. An entity without kept identifiers moves every row. Immutable once made.
 *
 * @param subsets what the subset keeps of each moved entity, for people (empty: no subset)
 * @param kept    the kept source identifiers per moved entity, by qualified name; not in the plan's JSON
 */
public record Shaping(List<SubsetLine> subsets, @JsonIgnore Map<String, KeptIds> kept) {

    public Shaping {
        subsets = subsets == null ? List.of() : List.copyOf(subsets);
        kept = kept == null ? Map.of() : Map.copyOf(kept); // not in JSON: a plan read back moves every row
    }

    public static Shaping none() {
        return new Shaping(List.of(), Map.of());
    }

    /** The identifiers kept of an entity; empty when every row moves. */
    public Optional<KeptIds> keptOf(EntityRef entity) {
        return Optional.ofNullable(kept.get(entity.qualifiedName()));
    }
}
