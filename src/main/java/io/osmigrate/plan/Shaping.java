package io.osmigrate.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a plan does to the shape of the moved data: the subset, per moved entity, with the source identifiers it
 * keeps (an entity without kept identifiers moves every row), and the attributes whose values are anonymised.
 * Immutable once made.
 *
 * @param subsets what the subset keeps of each moved entity, for people (empty: no subset)
 * @param kept    the kept source identifiers per moved entity, by qualified name; not in the plan's JSON
 * @param anonymized the attributes whose values are replaced on the way
 */
public record Shaping(List<SubsetLine> subsets, @JsonIgnore Map<String, KeptIds> kept, List<AnonymizedAttribute> anonymized) {

    public Shaping {
        subsets = subsets == null ? List.of() : List.copyOf(subsets);
        kept = kept == null ? Map.of() : Map.copyOf(kept); // not in JSON: a plan read back moves every row
        anonymized = anonymized == null ? List.of() : List.copyOf(anonymized);
    }

    public static Shaping none() {
        return new Shaping(List.of(), Map.of(), List.of());
    }

    /** This shaping with its anonymised attributes. */
    public Shaping withAnonymized(List<AnonymizedAttribute> attributes) {
        return new Shaping(subsets, kept, attributes);
    }

    /** How an attribute of an entity is anonymised, if it is. */
    public Optional<AnonymizedAttribute> anonymizedOf(EntityRef entity, String attribute) {
        return anonymized.stream().filter(a -> a.entity().equals(entity) && a.attribute().equalsIgnoreCase(attribute)).findFirst();
    }

    /** The identifiers kept of an entity; empty when every row moves. */
    public Optional<KeptIds> keptOf(EntityRef entity) {
        return Optional.ofNullable(kept.get(entity.qualifiedName()));
    }
}
