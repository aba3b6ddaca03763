package io.osmigrate.maps;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.osmigrate.dialect.ValueKind;
import io.osmigrate.metamodel.EntityKey;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.metamodel.StaticRecord;
import io.osmigrate.plan.StaticPlan;

/**
 * Source static values mapped to destination ones: source DATA_ID → record (espace SS_Key, entity
 * SS_Key, record SS_Key) → the destination's active DATA_ID. Static tables and OSSYS_ENTITY_RECORD
 * are only read. Immutable after construction; thread-safe.
 */
public final class StaticMap {

    private final Map<EntityKey, Map<String, String>> byEntity = new HashMap<>();
    private final Map<EntityKey, Map<String, String>> unmatchedNames = new HashMap<>();

    public StaticMap(List<StaticPlan> statics, Metamodel source, Metamodel destination) {
        for (StaticPlan s : statics) {
            EntityKey key = s.entity().key();
            Map<String, StaticRecord> dst = new HashMap<>();
            destination.records(key).stream().filter(StaticRecord::active).forEach(r -> dst.putIfAbsent(r.ssKey(), r));
            Map<String, String> values = new HashMap<>();
            Map<String, String> unmatched = new HashMap<>();
            for (StaticRecord r : source.records(key)) {
                if (r.dataId() == null) {
                    continue;
                }
                StaticRecord twin = dst.get(r.ssKey());
                if (twin != null && twin.dataId() != null && r.active()) {
                    values.put(normal(r.dataId()), twin.dataId());
                } else {
                    unmatched.put(normal(r.dataId()), r.name() + (r.active() ? "" : " (inactive in the source)"));
                }
            }
            byEntity.put(key, values);
            unmatchedNames.put(key, unmatched);
        }
    }

    /** The destination DATA_ID (as text) of a source static value, if the record has an active twin. */
    public Optional<String> map(EntityKey staticEntity, Object sourceValue) {
        Map<String, String> values = byEntity.get(staticEntity);
        return values == null ? Optional.empty() : Optional.ofNullable(values.get(normal(sourceValue.toString())));
    }

    /**
     * One static entity's map compiled for the per-record step: keyed by {@link #key} of the source value,
     * valued with the destination DATA_ID typed for the destination column, so a row costs one hash lookup.
     */
    Map<Object, Object> compiled(EntityKey staticEntity, ValueKind destinationKind) {
        Map<Object, Object> out = new HashMap<>();
        byEntity.getOrDefault(staticEntity, Map.of())
                .forEach((source, destination) -> out.put(key(source), TypedValues.fromText(destination, destinationKind, null)));
        return out;
    }

    /** A static value as a key of {@link #compiled}: numbers as Long, text trimmed and lower-cased. */
    static Object key(Object sourceValue) {
        Object id = ValueKind.id(sourceValue);
        if (id instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return id;
    }

    /** One static entity's map for the per-record step, its values typed for a destination column of {@code kind}. */
    public RecordMap forEntity(EntityKey staticEntity, ValueKind kind) {
        Map<Object, Object> values = compiled(staticEntity, kind);
        return new RecordMap() {
            @Override
            public Object destinationOf(Object sourceValue) {
                return values.get(key(sourceValue));
            }

            @Override
            public String whyUnmatched(Object sourceValue) {
                return StaticMap.this.whyUnmatched(staticEntity, sourceValue);
            }
        };
    }

    /** Why a source value has no destination twin, for the dead letter. */
    public String whyUnmatched(EntityKey staticEntity, Object sourceValue) {
        String name = unmatchedNames.getOrDefault(staticEntity, Map.of()).get(normal(sourceValue.toString()));
        return name == null ? "no static record with DATA_ID " + sourceValue + " in the source"
                : "static record " + name + " has no active record with the same SS_Key in the destination";
    }

    private static String normal(String dataId) {
        return dataId.trim().toLowerCase(Locale.ROOT);
    }
}
