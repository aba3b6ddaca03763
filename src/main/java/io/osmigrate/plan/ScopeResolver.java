package io.osmigrate.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.osmigrate.config.ConfigException;
import io.osmigrate.metamodel.Application;
import io.osmigrate.metamodel.Attribute;
import io.osmigrate.metamodel.DataKind;
import io.osmigrate.metamodel.Entity;
import io.osmigrate.metamodel.EntityKey;
import io.osmigrate.metamodel.Espace;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.spec.EntitySettings;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.Mode;

/**
 * Decides which source entities a spec covers and in which mode. The selection (applications,
 * modules, entities) is moved; producers that in-scope entities reference, transitively and across
 * modules, join as lookups unless the spec says otherwise; static entities are collected to be
 * mapped; system entities (User, Tenant…) are left to the users phase.
 *
 * <p>How far producers are followed depends on the mode of the entity that references them. A moved
 * entity inserts rows, so every one of its references must resolve: all its producers join. A lookup
 * never inserts; it only matches source rows to existing destination rows by its match attributes, so
 * only the producers its match attributes reference join, and its other references are not followed.
 * Hence with A moved, A → B → C and B a producer that joins as a lookup, C joins only when B's match
 * attributes include the reference to C; set B to {@code mode: move} and C joins (as a lookup, unless
 * the spec says otherwise), since B's rows are then inserted with all their references.
 *
 * <p>Settings under {@code entities} for an entity that ends up neither selected nor a producer have
 * no effect; each is reported as a warning ({@code entity-settings-unused}) rather than ignored silently.
 */
final class ScopeResolver {

    /** The entities in scope with their modes, why producers joined, and the static entities referenced. */
    record Resolved(Map<EntityKey, Mode> modes, Map<EntityKey, String> joinedBecause, Set<EntityKey> statics,
                    List<Finding> findings) {
    }

    private final MigrationSpec spec;
    private final Metamodel source;
    private final Map<EntityKey, Mode> modes = new LinkedHashMap<>();
    private final Map<EntityKey, String> joinedBecause = new LinkedHashMap<>();
    private final Set<EntityKey> statics = new LinkedHashSet<>();
    private final List<Finding> findings = new ArrayList<>();

    private ScopeResolver(MigrationSpec spec, Metamodel source) {
        this.spec = spec;
        this.source = source;
    }

    static Resolved resolve(MigrationSpec spec, Metamodel source) {
        return new ScopeResolver(spec, source).resolve();
    }

    private Resolved resolve() {
        for (String espace : selectedEspaces()) {
            for (Entity e : source.entitiesOf(espace)) {
                if (isApplicationEntity(e)) {
                    modes.put(e.key(), Mode.MOVE);
                }
            }
        }
        for (String name : spec.scope().entities()) {
            modes.put(applicationEntity("scope.entities", name).key(), Mode.MOVE);
        }
        for (Map.Entry<String, EntitySettings> s : spec.entities().entrySet()) {
            Entity e = applicationEntity("entities", s.getKey());
            Mode mode = s.getValue().mode();
            if (modes.containsKey(e.key())) {
                modes.put(e.key(), mode == null ? Mode.MOVE : mode);
            } else if (mode != null) {
                modes.put(e.key(), mode);
                joinedBecause.put(e.key(), "listed under entities with mode " + mode.wire());
            }
        }
        addProducers();
        reportUnusedSettings();
        return new Resolved(modes, joinedBecause, statics, findings);
    }

    /**
     * Settings of an entity that is neither selected nor a producer change nothing. A warning, not an
     * error: the plan is still right, and a spec shared across model versions should not stop working
     * when a new version drops a reference; but the user meant something by them and must hear they are unused.
     */
    private void reportUnusedSettings() {
        for (String name : spec.entities().keySet()) {
            Entity e = applicationEntity("entities", name);
            if (!modes.containsKey(e.key())) {
                findings.add(Finding.warning("entity-settings-unused", e.qualifiedName(), spec.file() + ": entities." + name
                        + " has no effect: " + e.qualifiedName() + " is neither selected by scope nor referenced by an entity"
                        + " in scope (a lookup's references count only through its match attributes). Remove the settings,"
                        + " or give it mode: move to move it"));
            }
        }
    }

    private void addProducers() {
        Deque<EntityKey> queue = new ArrayDeque<>(modes.keySet());
        while (!queue.isEmpty()) {
            EntityKey key = queue.poll();
            Mode mode = modes.get(key);
            if (mode == Mode.SKIP) {
                continue;
            }
            Entity entity = source.entity(key).orElseThrow();
            for (Attribute a : referencesToFollow(entity, mode)) {
                Optional<Entity> target = source.entity(a.type().target());
                if (target.isEmpty()) {
                    continue; // reported per column by the planner
                }
                Entity t = target.get();
                if (t.isStatic()) {
                    statics.add(t.key());
                } else if (!t.system() && !modes.containsKey(t.key())) {
                    Mode joined = spec.settingsFor(t.espaceName(), t.name()).map(s -> s.getValue().mode()).orElse(null);
                    modes.put(t.key(), joined == null ? Mode.LOOKUP : joined);
                    joinedBecause.put(t.key(), "referenced by " + entity.qualifiedName() + "." + a.name());
                    queue.add(t.key());
                }
            }
        }
    }

    /** Moved rows need every reference; a lookup only those among its match attributes. */
    private List<Attribute> referencesToFollow(Entity entity, Mode mode) {
        List<Attribute> refs = entity.attributes().stream().filter(Attribute::isReference).toList();
        if (mode == Mode.MOVE) {
            return refs;
        }
        Set<String> match = spec.settingsFor(entity.espaceName(), entity.name())
                .map(s -> s.getValue().match().stream().map(String::toLowerCase).collect(Collectors.toSet()))
                .orElse(Set.of());
        return refs.stream().filter(a -> match.contains(a.name().toLowerCase())).toList();
    }

    private Set<String> selectedEspaces() {
        Set<String> result = new LinkedHashSet<>();
        for (String name : spec.scope().applications()) {
            Application app = source.application(name).orElseThrow(() -> notFound("scope.applications", "application", name,
                    source.applications().stream().map(Application::name).toList()));
            result.addAll(app.espaces());
        }
        for (String name : spec.scope().modules()) {
            result.add(source.espaceNamed(name).orElseThrow(() -> notFound("scope.modules", "module", name,
                    source.espaces().values().stream().filter(e -> !e.system()).map(Espace::name).sorted().toList())).ssKey());
        }
        for (String key : spec.scope().moduleKeys()) {
            result.add(source.espace(key).orElseThrow(() -> new ConfigException(spec.file() + ": scope.moduleKeys: no active module"
                    + " with SS_Key " + key + " in source environment '" + source.environment() + "'")).ssKey());
        }
        return result;
    }

    private Entity applicationEntity(String key, String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        String module = qualifiedName.substring(0, dot);
        String name = qualifiedName.substring(dot + 1);
        Entity e = source.entityNamed(module, name).orElseThrow(() -> new ConfigException(spec.file() + ": " + key + ": no active"
                + " entity " + qualifiedName + " in source environment '" + source.environment() + "'"
                + source.espaceNamed(module).map(m -> "; entities of " + m.name() + ": " + source.entitiesOf(m.ssKey()).stream()
                        .map(Entity::name).collect(Collectors.joining(", "))).orElse("; there is no module " + module)));
        if (e.isStatic()) {
            throw new ConfigException(spec.file() + ": " + key + ": " + qualifiedName + " is a static entity; static records are"
                    + " mapped by SS_Key, never moved, so leave it out");
        }
        if (e.system()) {
            throw new ConfigException(spec.file() + ": " + key + ": " + qualifiedName + " is a system entity; users, tenants,"
                    + " groups and roles belong to the users phase (the users section of the spec)");
        }
        return e;
    }

    private static boolean isApplicationEntity(Entity e) {
        return e.kind() == DataKind.ENTITY && !e.system() && !e.external();
    }

    private ConfigException notFound(String key, String what, String name, List<String> available) {
        return new ConfigException(spec.file() + ": " + key + ": no active " + what + " '" + name + "' in source environment '"
                + source.environment() + "'; " + what + "s there: " + String.join(", ", available));
    }
}
