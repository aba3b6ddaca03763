package io.osmigrate.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.osmigrate.config.ConfigException;
import io.osmigrate.metamodel.Attribute;
import io.osmigrate.metamodel.Entity;
import io.osmigrate.metamodel.EntityKey;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.metamodel.OsType;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.Mode;
import io.osmigrate.spec.SoftKey;

/**
 * Resolves a spec's {@code softKeys} against the source's metamodel and the scope: each names an Integer, Long
 * Integer or Text attribute of a moved entity that is no reference already (nor the identifier), and an
 * application entity the run moves or looks up, whose identifier a number attribute can hold. Any other
 * declaration is a {@link ConfigException} naming the file, the line and the key, and what to do. Stateless.
 */
final class SoftKeyPlanner {

    /** The declared soft keys, by entity and attribute SS_Key: the entity whose ids each holds. */
    record Resolved(Map<EntityKey, Map<String, EntityRef>> targets) {

        static final Resolved NONE = new Resolved(Map.of());

        Optional<EntityRef> targetOf(Entity entity, Attribute attribute) {
            return Optional.ofNullable(targets.getOrDefault(entity.key(), Map.of()).get(attribute.ssKey()));
        }
    }

    private static final Set<OsType> TYPES = Set.of(OsType.INTEGER, OsType.LONG_INTEGER, OsType.TEXT);

    private SoftKeyPlanner() {
    }

    static Resolved resolve(MigrationSpec spec, Metamodel source, Map<EntityKey, Mode> modes) {
        if (spec.softKeys().isEmpty()) {
            return Resolved.NONE;
        }
        Map<EntityKey, Map<String, EntityRef>> targets = new HashMap<>();
        for (SoftKey k : spec.softKeys()) {
            String where = k.where(spec.file());
            Entity entity = entity(source, k.entity()).orElseThrow(() -> new ConfigException(where + ": no entity "
                    + k.entity() + " in the source (names are Module.Entity, any case)"));
            Mode mode = modes.get(entity.key());
            if (mode != Mode.MOVE) {
                throw new ConfigException(where + ": " + entity.qualifiedName() + (mode == null ? " is not in this spec's scope"
                        : " is a " + mode.wire() + " here") + "; only the attributes of moved entities are remapped: add it to"
                        + " the scope as move, or remove the declaration");
            }
            Attribute a = entity.attributeNamed(k.attributeName()).orElseThrow(() -> new ConfigException(where
                    + ": no attribute '" + k.attributeName() + "' in " + entity.qualifiedName() + "; its attributes: "
                    + entity.attributes().stream().map(Attribute::name).collect(Collectors.joining(", "))));
            if (a.ssKey().equals(entity.identifier())) {
                throw new ConfigException(where + ": " + a.name() + " is " + entity.qualifiedName() + "'s identifier, not a"
                        + " soft key; remove the declaration");
            }
            if (a.isReference()) {
                throw new ConfigException(where + ": " + a.name() + " is a reference already (to "
                        + source.entity(a.type().target()).map(Entity::qualifiedName).orElse("an entity the source lacks")
                        + "), remapped as such; remove the declaration");
            }
            if (!TYPES.contains(a.type().basic())) {
                throw new ConfigException(where + ": " + a.name() + " is of type " + a.type().code() + "; a soft key is an"
                        + " Integer, Long Integer or Text attribute holding an id: remove the declaration");
            }
            Entity target = entity(source, k.target()).orElseThrow(() -> new ConfigException(where + ": no entity "
                    + k.target() + " in the source to point at (names are Module.Entity, any case)"));
            if (target.isStatic() || target.system()) {
                throw new ConfigException(where + ": " + target.qualifiedName() + " is " + (target.isStatic()
                        ? "a static entity" : "a system entity") + "; a soft key points at an application entity the run"
                        + " moves or looks up (its key map remaps the ids): remove the declaration");
            }
            Mode targetMode = modes.get(target.key());
            if (targetMode == null || targetMode == Mode.SKIP) {
                throw new ConfigException(where + ": " + target.qualifiedName() + (targetMode == null
                        ? " is not in this spec's scope" : " is skipped") + ", so its ids cannot be remapped; add it to the"
                        + " scope (as move or lookup), or remove the declaration");
            }
            if (a.type().basic() != OsType.TEXT && !numericIdentifier(target)) {
                throw new ConfigException(where + ": " + target.qualifiedName() + "'s identifier is not a number, so the "
                        + a.type().code() + " attribute " + a.name() + " cannot hold its ids; declare a Text attribute, or"
                        + " remove the declaration");
            }
            targets.computeIfAbsent(entity.key(), x -> new HashMap<>()).put(a.ssKey(), EntityRef.of(target));
        }
        return new Resolved(targets);
    }

    /** Whether an entity's identifier is a number (Integer, Long Integer, or a reference to an entity). */
    static boolean numericIdentifier(Entity entity) {
        return entity.identifierAttribute().map(a -> a.isReference() || a.type().basic() == OsType.INTEGER
                || a.type().basic() == OsType.LONG_INTEGER).orElse(true);
    }

    private static Optional<Entity> entity(Metamodel source, String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return source.entityNamed(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }
}
