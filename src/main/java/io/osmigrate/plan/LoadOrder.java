package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Orders moved entities so that every entity comes after the targets of its references. Self-
 * references are deferred; each cycle is broken by deferring optional references, as few as
 * possible (an exact search for small cycle groups, a greedy one with pruning above that). A cycle
 * made only of mandatory references cannot be broken and is reported with its entities and
 * attributes. Ties are broken by name, so the same model always gives the same order.
 */
final class LoadOrder {

    /** A reference from {@code child.attribute} to {@code parent}. */
    record Edge(EntityRef child, String attribute, EntityRef parent, boolean mandatory) {
        String describe() {
            return child.qualifiedName() + "." + attribute + " → " + parent.qualifiedName();
        }
    }

    /** The order, the cycle group of each entity, the deferred references and the unbreakable cycles. */
    record Result(List<EntityRef> order, Map<EntityRef, Integer> groups, Map<Edge, String> deferred, List<String> errors) {
    }

    private static final int EXACT_SEARCH_LIMIT = 16;
    private static final Comparator<EntityRef> BY_NAME =
            Comparator.comparing((EntityRef e) -> e.qualifiedName().toLowerCase(java.util.Locale.ROOT));

    private LoadOrder() {
    }

    static Result of(Collection<EntityRef> entities, Collection<Edge> references) {
        Map<Edge, String> deferred = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        Graph<EntityRef, Edge> dependsOn = new DirectedMultigraph<>(Edge.class);
        entities.forEach(dependsOn::addVertex);
        for (Edge e : references) {
            if (e.child().equals(e.parent())) {
                deferred.put(e, "self-reference");
            } else {
                dependsOn.addEdge(e.child(), e.parent(), e);
            }
        }
        List<Set<EntityRef>> components = new KosarajuStrongConnectivityInspector<>(dependsOn).stronglyConnectedSets();
        for (Set<EntityRef> component : components) {
            if (component.size() < 2) {
                continue;
            }
            List<Edge> inside = dependsOn.edgeSet().stream()
                    .filter(e -> component.contains(e.child()) && component.contains(e.parent()))
                    .sorted(Comparator.comparing(Edge::describe)).toList();
            List<Edge> mandatory = inside.stream().filter(Edge::mandatory).toList();
            List<Edge> mandatoryCycle = anyCycle(component, mandatory);
            if (!mandatoryCycle.isEmpty()) {
                errors.add("a cycle of mandatory references cannot be broken: "
                        + mandatoryCycle.stream().map(Edge::describe).collect(Collectors.joining(", "))
                        + ". Make one of these attributes optional in the model, or set one of the entities to lookup or skip");
                continue;
            }
            String members = component.stream().sorted(BY_NAME).map(EntityRef::qualifiedName).collect(Collectors.joining(", "));
            for (Edge e : breakCycles(component, inside)) {
                deferred.put(e, "breaks the cycle " + members);
            }
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), Map.of(), deferred, errors);
        }
        deferred.keySet().forEach(dependsOn::removeEdge);
        Graph<EntityRef, Edge> loadsBefore = new DirectedMultigraph<>(Edge.class);
        entities.forEach(loadsBefore::addVertex);
        dependsOn.edgeSet().forEach(e -> loadsBefore.addEdge(e.parent(), e.child(), e));
        List<EntityRef> order = new ArrayList<>();
        new TopologicalOrderIterator<>(loadsBefore, BY_NAME).forEachRemaining(order::add);
        return new Result(order, groups(order, components), deferred, errors);
    }

    /** Numbers the cycle groups by the position of their first entity in the order. */
    private static Map<EntityRef, Integer> groups(List<EntityRef> order, List<Set<EntityRef>> components) {
        Map<EntityRef, Set<EntityRef>> componentOf = new HashMap<>();
        components.forEach(c -> c.forEach(e -> componentOf.put(e, c)));
        Map<Set<EntityRef>, Integer> numbers = new HashMap<>();
        Map<EntityRef, Integer> result = new LinkedHashMap<>();
        for (EntityRef e : order) {
            result.put(e, numbers.computeIfAbsent(componentOf.get(e), c -> numbers.size() + 1));
        }
        return result;
    }

    /** The fewest optional edges whose removal leaves the component acyclic. */
    private static List<Edge> breakCycles(Set<EntityRef> component, List<Edge> inside) {
        List<Edge> optional = inside.stream().filter(e -> !e.mandatory()).toList();
        if (optional.size() <= EXACT_SEARCH_LIMIT) {
            for (int k = 1; k <= optional.size(); k++) {
                List<Edge> found = searchSubsets(component, inside, optional, k, 0, new ArrayList<>());
                if (found != null) {
                    return found;
                }
            }
            throw new IllegalStateException("no optional edges break the cycle, yet no mandatory cycle was found");
        }
        return greedyBreak(component, inside);
    }

    private static List<Edge> searchSubsets(Set<EntityRef> component, List<Edge> inside, List<Edge> optional, int k,
                                            int from, List<Edge> chosen) {
        if (chosen.size() == k) {
            List<Edge> rest = new ArrayList<>(inside);
            rest.removeAll(chosen);
            return anyCycle(component, rest).isEmpty() ? List.copyOf(chosen) : null;
        }
        for (int i = from; i < optional.size(); i++) {
            chosen.add(optional.get(i));
            List<Edge> found = searchSubsets(component, inside, optional, k, i + 1, chosen);
            chosen.remove(chosen.size() - 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Removes an optional edge of some remaining cycle until none is left, then puts back what is not needed. */
    private static List<Edge> greedyBreak(Set<EntityRef> component, List<Edge> inside) {
        List<Edge> remaining = new ArrayList<>(inside);
        List<Edge> removed = new ArrayList<>();
        List<Edge> cycle;
        while (!(cycle = anyCycle(component, remaining)).isEmpty()) {
            Edge victim = cycle.stream().filter(e -> !e.mandatory()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("a mandatory cycle slipped through"));
            remaining.remove(victim);
            removed.add(victim);
        }
        for (Edge e : List.copyOf(removed)) {
            remaining.add(e);
            if (anyCycle(component, remaining).isEmpty()) {
                removed.remove(e);
            } else {
                remaining.remove(e);
            }
        }
        return removed;
    }

    /** The edges of one (short) cycle among the given edges, or an empty list when they form none. */
    private static List<Edge> anyCycle(Set<EntityRef> vertices, List<Edge> edges) {
        Graph<EntityRef, Edge> g = new DirectedMultigraph<>(Edge.class);
        vertices.forEach(g::addVertex);
        edges.forEach(e -> g.addEdge(e.child(), e.parent(), e));
        CycleDetector<EntityRef, Edge> detector = new CycleDetector<>(g);
        if (!detector.detectCycles()) {
            return List.of();
        }
        EntityRef start = detector.findCycles().stream().min(BY_NAME).orElseThrow();
        BFSShortestPath<EntityRef, Edge> paths = new BFSShortestPath<>(g);
        List<Edge> best = null;
        for (Edge first : g.outgoingEdgesOf(start).stream().sorted(Comparator.comparing(Edge::describe)).toList()) {
            GraphPath<EntityRef, Edge> back = paths.getPath(first.parent(), start);
            if (back != null && (best == null || back.getLength() + 1 < best.size())) {
                best = new ArrayList<>();
                best.add(first);
                best.addAll(back.getEdgeList());
            }
        }
        return best;
    }
}
