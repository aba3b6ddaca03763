package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.osmigrate.metamodel.Entity;
import io.osmigrate.metamodel.EntityKey;
import io.osmigrate.metamodel.StaticRecord;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.Mode;

/**
 * Resolves a spec against a source and a destination environment into a {@link Plan}: the scope with
 * producers, the matched tables and columns, the load order with cycles broken, the static entities
 * to map, and every finding. Reads only. Throws {@link io.osmigrate.config.ConfigException} for spec
 * mistakes (unknown names); problems of the environments become findings.
 */
public final class Planner {

    private Planner() {
    }

    public static Plan plan(MigrationSpec spec, EnvironmentView source, EnvironmentView destination, int configuredBatchSize) {
        return plan(spec, source, destination, configuredBatchSize, spec.clean());
    }

    /** As {@link #plan(MigrationSpec, EnvironmentView, EnvironmentView, int)}; {@code clean} adds the clean phase's steps. */
    public static Plan plan(MigrationSpec spec, EnvironmentView source, EnvironmentView destination, int configuredBatchSize,
                            boolean clean) {
        return plan(spec, source, destination, configuredBatchSize, clean, null);
    }

    /**
     * As {@link #plan(MigrationSpec, EnvironmentView, EnvironmentView, int, boolean)}, with the BPT process instances
     * of the scope's process definitions planned as tables of the same load order; {@code bpt} null plans none.
     */
    public static Plan plan(MigrationSpec spec, EnvironmentView source, EnvironmentView destination, int configuredBatchSize,
                            boolean clean, BptSources bpt) {
        List<Finding> findings = new ArrayList<>();
        source.metamodel().anomalies().forEach(a -> findings.add(Finding.warning("metamodel-anomaly", source.name(), a)));
        destination.metamodel().anomalies().forEach(a -> findings.add(Finding.warning("metamodel-anomaly", destination.name(), a)));
        ScopeResolver.Resolved scope = ScopeResolver.resolve(spec, source.metamodel());
        findings.addAll(scope.findings());
        scope.joinedBecause().forEach((key, why) -> findings.add(Finding.info("joined-scope", name(source, key),
                name(source, key) + " joins the scope as " + scope.modes().get(key).wire() + " (" + why + ")")));

        Map<EntityKey, Mode> modes = new LinkedHashMap<>(scope.modes());
        BptPlanner.Result instances = null;
        if (bpt != null) {
            Set<String> espaces = scope.modes().entrySet().stream().filter(e -> e.getValue() == Mode.MOVE)
                    .map(e -> e.getKey().espace()).collect(Collectors.toSet());
            instances = BptPlanner.plan(spec, source, destination, bpt, espaces, configuredBatchSize, findings);
            instances.tables().forEach(t -> modes.put(t.entity().key(), Mode.MOVE));
        }
        EntityPlanner entityPlanner = new EntityPlanner(spec, source, destination, modes, configuredBatchSize, findings,
                SoftKeyPlanner.resolve(spec, source.metamodel(), scope.modes()));
        List<PlannedEntity> planned = new ArrayList<>();
        for (Map.Entry<EntityKey, Mode> e : scope.modes().entrySet()) {
            entityPlanner.plan(source.metamodel().entity(e.getKey()).orElseThrow(), e.getValue()).ifPresent(planned::add);
        }
        List<LoadOrder.Edge> valueEdges = List.of();
        if (instances != null) {
            planned.addAll(instances.tables());
            valueEdges = instances.valueEdges();
        }
        List<DeferredReference> deferred = new ArrayList<>();
        List<PlannedEntity> ordered = new ArrayList<>();
        ordered.addAll(order(planned, Mode.LOOKUP, deferred, findings, List.of()));
        ordered.addAll(order(planned, Mode.MOVE, deferred, findings, valueEdges));
        findings.addAll(lookupsMatchingThroughMovedEntities(planned));
        planned.stream().filter(p -> p.mode() == Mode.SKIP)
                .sorted(Comparator.comparing(p -> p.entity().qualifiedName())).forEach(ordered::add);
        List<StaticPlan> statics = statics(scope.statics(), source, destination, spec, findings);
        // of the process instances, the clean deletes only those moved before: the destination's own live beside them
        Set<EntityRef> bptTables = instances == null ? Set.of() : Set.copyOf(instances.plan().tables());
        List<CleanStep> cleanSteps = new ArrayList<>();
        if (clean) {
            cleanSteps.addAll(CleanPlanner.plan(ordered.stream().filter(p -> !bptTables.contains(p.entity())).toList(),
                    destination.metamodel(), destination, findings));
            cleanSteps.addAll(CleanPlanner.pairedSteps(ordered.stream().filter(p -> bptTables.contains(p.entity())).toList()));
        }
        Plan plan = new Plan(spec.name(), spec.file().toString(), source.name(), destination.name(), source.engine(),
                destination.engine(), ordered, statics, deferred, cleanSteps, findings.stream().distinct().toList());
        return instances == null ? plan : plan.withBpt(instances.plan());
    }

    /** Orders the entities of one mode by their references among themselves; marks deferred columns. */
    private static List<PlannedEntity> order(List<PlannedEntity> planned, Mode mode, List<DeferredReference> deferred,
                                             List<Finding> findings, List<LoadOrder.Edge> extraEdges) {
        Map<EntityRef, PlannedEntity> byRef = new LinkedHashMap<>();
        planned.stream().filter(p -> p.mode() == mode).forEach(p -> byRef.put(p.entity(), p));
        List<LoadOrder.Edge> edges = new ArrayList<>();
        for (PlannedEntity p : byRef.values()) {
            List<ReferenceUse> uses = new ArrayList<>();
            p.columns().stream().filter(c -> c.role() == ColumnRole.REFERENCE)
                    .forEach(c -> uses.add(new ReferenceUse(c.attribute(), c.target(), c.mandatory())));
            p.match().stream().filter(m -> m.role() == ColumnRole.REFERENCE)
                    .forEach(m -> uses.add(new ReferenceUse(m.attribute(), m.target(), true)));
            if (p.identifier().kind() == IdentifierKind.REFERENCE) {
                uses.add(new ReferenceUse(p.identifier().attribute(), p.identifier().target(), true));
            }
            for (ReferenceUse u : uses) {
                if (u.target() != null && byRef.containsKey(u.target())) {
                    edges.add(new LoadOrder.Edge(p.entity(), u.attribute(), u.target(), u.mandatory()));
                }
            }
        }
        extraEdges.stream().filter(e -> byRef.containsKey(e.child()) && byRef.containsKey(e.parent())).forEach(edges::add);
        LoadOrder.Result result = LoadOrder.of(byRef.keySet(), edges);
        result.errors().forEach(e -> findings.add(Finding.error("mandatory-cycle", mode.wire(), e)));
        if (!result.errors().isEmpty()) {
            return List.copyOf(byRef.values());
        }
        Map<EntityRef, Set<String>> deferredAttributes = new LinkedHashMap<>();
        result.deferred().forEach((edge, reason) -> {
            deferredAttributes.computeIfAbsent(edge.child(), k -> new java.util.HashSet<>()).add(edge.attribute());
            deferred.add(new DeferredReference(edge.child(), edge.attribute(), edge.parent(), reason));
        });
        List<PlannedEntity> out = new ArrayList<>();
        int position = 0;
        for (EntityRef ref : result.order()) {
            PlannedEntity p = byRef.get(ref);
            Set<String> later = deferredAttributes.getOrDefault(ref, Set.of());
            List<ColumnPlan> columns = p.columns().stream()
                    .map(c -> c.role() == ColumnRole.REFERENCE && later.contains(c.attribute()) ? c.withDeferred(true) : c)
                    .toList();
            out.add(p.withOrder(mode == Mode.MOVE ? ++position : 0, result.groups().get(ref), columns));
        }
        return out;
    }

    /**
     * Lookups are resolved before any row is moved, so a lookup whose match attribute references a moved
     * entity could only match through pairs left by an earlier run: a blocking error.
     */
    private static List<Finding> lookupsMatchingThroughMovedEntities(List<PlannedEntity> planned) {
        Set<EntityRef> moved = planned.stream().filter(p -> p.mode() == Mode.MOVE).map(PlannedEntity::entity)
                .collect(Collectors.toSet());
        List<Finding> result = new ArrayList<>();
        for (PlannedEntity lookup : planned.stream().filter(p -> p.mode() == Mode.LOOKUP).toList()) {
            for (MatchColumn m : lookup.match()) {
                if (m.role() == ColumnRole.REFERENCE && moved.contains(m.target())) {
                    String subject = lookup.entity().qualifiedName() + "." + m.attribute();
                    result.add(Finding.error("lookup-matches-moved-entity", subject, "the lookup " + lookup.entity()
                            .qualifiedName() + " matches on " + subject + ", which references the moved entity "
                            + m.target().qualifiedName() + "; lookups are resolved before any row is moved, so it would"
                            + " match nothing on a first run. Match on other attributes, or set "
                            + lookup.entity().qualifiedName() + " to move"));
                }
            }
        }
        return result;
    }

    private record ReferenceUse(String attribute, EntityRef target, boolean mandatory) {
    }

    private static List<StaticPlan> statics(Set<EntityKey> keys, EnvironmentView source, EnvironmentView destination,
                                            MigrationSpec spec, List<Finding> findings) {
        List<StaticPlan> result = new ArrayList<>();
        for (EntityKey key : keys) {
            Entity src = source.metamodel().entity(key).orElseThrow();
            String subject = src.qualifiedName();
            Optional<Entity> dst = destination.metamodel().entity(key);
            if (dst.isEmpty()) {
                findings.add(Finding.error("static-missing-in-destination", subject, "static entity " + subject
                        + " has no active twin in the destination, so its values cannot be mapped"));
                continue;
            }
            Map<String, StaticRecord> destinationRecords = destination.metamodel().records(key).stream()
                    .filter(StaticRecord::active).collect(Collectors.toMap(StaticRecord::ssKey, r -> r, (a, b) -> a));
            List<StaticRecord> sourceRecords = source.metamodel().records(key).stream().filter(StaticRecord::active).toList();
            List<String> unmatched = sourceRecords.stream().filter(r -> !destinationRecords.containsKey(r.ssKey()))
                    .map(StaticRecord::name).toList();
            if (!unmatched.isEmpty()) {
                findings.add(Finding.warning("static-record-unmatched", subject, "static records of " + subject
                        + " with no active destination record: " + String.join(", ", unmatched)
                        + "; rows using them follow statics.unmatched (" + spec.statics().unmatchedOrDefault().wire() + ")"));
            }
            String idColumn = dst.get().identifierAttribute().map(a -> a.column()).orElse("ID");
            result.add(new StaticPlan(EntityRef.of(src), src.physicalTable(), dst.get().physicalTable(), idColumn,
                    sourceRecords.size() - unmatched.size(), unmatched));
        }
        result.sort(Comparator.comparing(s -> s.entity().qualifiedName()));
        return result;
    }

    private static String name(EnvironmentView env, EntityKey key) {
        return env.metamodel().entity(key).map(Entity::qualifiedName).orElse(key.toString());
    }
}
