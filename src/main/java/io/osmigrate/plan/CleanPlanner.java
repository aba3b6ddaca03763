package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

import io.osmigrate.metamodel.Attribute;
import io.osmigrate.metamodel.Entity;
import io.osmigrate.metamodel.EntityKey;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.spec.Mode;

/**
 * Works out the clean phase (delete-before-migrate): every row of the moved entities goes, in
 * reverse load order, after the rows of other entities that reference them (consumers, transitively)
 * and after cycles are opened by emptying deferred references. Lookup, static and system entities
 * are never touched: a consumer among them blocks the clean.
 */
final class CleanPlanner {

    private CleanPlanner() {
    }

    static List<CleanStep> plan(List<PlannedEntity> ordered, Metamodel destination, EnvironmentView view, List<Finding> findings) {
        Map<EntityKey, PlannedEntity> moved = new LinkedHashMap<>();
        ordered.stream().filter(p -> p.mode() == Mode.MOVE).forEach(p -> moved.put(p.entity().key(), p));
        Map<EntityKey, PlannedEntity> planned = new LinkedHashMap<>();
        ordered.forEach(p -> planned.put(p.entity().key(), p));
        Map<EntityKey, List<CleanStep.Condition>> consumers = new LinkedHashMap<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Entity e : destination.allEntities()) {
                if (moved.containsKey(e.key())) {
                    continue;
                }
                for (Attribute a : e.attributes()) {
                    EntityKey target = a.isReference() ? a.type().target() : null;
                    if (target == null || target.equals(e.key()) || !(moved.containsKey(target) || consumers.containsKey(target))) {
                        continue;
                    }
                    List<CleanStep.Condition> conditions = consumers.computeIfAbsent(e.key(), k -> new ArrayList<>());
                    EntityRef parent = EntityRef.of(destination.entity(target).orElseThrow());
                    if (conditions.stream().noneMatch(c -> c.column().equalsIgnoreCase(a.column()))) {
                        conditions.add(new CleanStep.Condition(a.column(), parent));
                        grew = true;
                    }
                }
            }
        }
        List<CleanStep> steps = new ArrayList<>();
        for (PlannedEntity p : moved.values()) {
            List<String> deferred = p.deferredColumns().stream().map(ColumnPlan::destinationColumn).toList();
            if (!deferred.isEmpty()) {
                steps.add(new CleanStep(p.entity(), p.destinationTable(), p.identifier().destinationColumn(),
                        CleanStep.Action.NULL_DEFERRED, deferred, List.of()));
            }
        }
        Optional<List<EntityKey>> order = consumerOrder(consumers, destination, findings);
        if (order.isEmpty()) {
            return List.of();
        }
        for (EntityKey key : order.get()) {
            Entity e = destination.entity(key).orElseThrow();
            String subject = e.qualifiedName();
            PlannedEntity p = planned.get(key);
            if (e.isStatic() || e.system() || e.external() || p != null && p.mode() == Mode.LOOKUP) {
                findings.add(Finding.error("clean-blocked", subject, "clean would delete rows of " + subject
                        + ", which references moved data, but static, system and lookup entities are never written;"
                        + " turn clean off or make " + subject + " a moved entity"));
                continue;
            }
            Optional<String> table = view.catalog().table(e.physicalTable());
            if (table.isEmpty()) {
                continue; // a consumer without a table has no rows
            }
            // a consumer is not planned, so its columns are spelled here as the catalog spells them (lower case on PostgreSQL)
            String idColumn = catalogColumn(view, table.get(), e.identifierAttribute().map(Attribute::column).orElse("ID"));
            List<CleanStep.Condition> conditions = consumers.get(key).stream()
                    .map(c -> new CleanStep.Condition(catalogColumn(view, table.get(), c.column()), c.parent())).toList();
            steps.add(new CleanStep(EntityRef.of(e), table.get(), idColumn, CleanStep.Action.DELETE_REFERENCING, List.of(),
                    conditions));
        }
        List<PlannedEntity> reverse = new ArrayList<>(moved.values());
        reverse.sort(Comparator.comparingInt(PlannedEntity::order).reversed());
        for (PlannedEntity p : reverse) {
            steps.add(new CleanStep(p.entity(), p.destinationTable(), p.identifier().destinationColumn(),
                    CleanStep.Action.DELETE_ALL, List.of(), List.of()));
        }
        return steps;
    }

    /**
     * The clean of the BPT instance tables: only the rows an earlier run moved go (the destination's own instances
     * live beside them), their deferred references emptied first, then deleted in reverse load order.
     */
    static List<CleanStep> pairedSteps(List<PlannedEntity> bptTables) {
        List<CleanStep> steps = new ArrayList<>();
        for (PlannedEntity p : bptTables) {
            List<String> deferred = p.deferredColumns().stream().map(ColumnPlan::destinationColumn).toList();
            if (!deferred.isEmpty()) {
                steps.add(new CleanStep(p.entity(), p.destinationTable(), p.identifier().destinationColumn(),
                        CleanStep.Action.NULL_DEFERRED_PAIRED, deferred, List.of()));
            }
        }
        List<PlannedEntity> reverse = new ArrayList<>(bptTables);
        reverse.sort(Comparator.comparingInt(PlannedEntity::order).reversed());
        for (PlannedEntity p : reverse) {
            steps.add(new CleanStep(p.entity(), p.destinationTable(), p.identifier().destinationColumn(),
                    CleanStep.Action.DELETE_PAIRED, List.of(), List.of()));
        }
        return steps;
    }

    private static String catalogColumn(EnvironmentView view, String table, String column) {
        return view.catalog().column(table, column).map(c -> c.name()).orElse(column);
    }

    /** Consumers ordered so that a row goes before the rows it references; a cycle among them blocks the clean. */
    private static Optional<List<EntityKey>> consumerOrder(Map<EntityKey, List<CleanStep.Condition>> consumers,
                                                           Metamodel destination, List<Finding> findings) {
        Graph<EntityKey, DefaultEdge> g = new DirectedMultigraph<>(DefaultEdge.class);
        consumers.keySet().forEach(g::addVertex);
        consumers.forEach((child, conditions) -> conditions.forEach(c -> {
            if (consumers.containsKey(c.parent().key()) && !c.parent().key().equals(child)) {
                g.addEdge(child, c.parent().key());
            }
        }));
        if (new CycleDetector<>(g).detectCycles()) {
            findings.add(Finding.error("clean-cycle", "clean", "entities outside the scope reference moved data and each"
                    + " other in a cycle, so the clean cannot order their deletes: " + new CycleDetector<>(g).findCycles().stream()
                    .map(k -> destination.entity(k).map(Entity::qualifiedName).orElse(k.toString())).sorted().toList()
                    + "; add them to the scope"));
            return Optional.empty();
        }
        List<EntityKey> order = new ArrayList<>();
        new TopologicalOrderIterator<>(g, Comparator.comparing(EntityKey::toString)).forEachRemaining(order::add);
        return Optional.of(order);
    }
}
