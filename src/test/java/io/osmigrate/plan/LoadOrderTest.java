package io.osmigrate.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.osmigrate.plan.LoadOrder.Edge;

class LoadOrderTest {

    private static EntityRef e(String name) {
        return new EntityRef("M", name, "m", name.toLowerCase());
    }

    private static Edge ref(String child, String attr, String parent, boolean mandatory) {
        return new Edge(e(child), attr, e(parent), mandatory);
    }

    @Test
    void parentsComeBeforeChildrenAndTiesGoByName() {
        LoadOrder.Result r = LoadOrder.of(List.of(e("OrderLine"), e("Order"), e("Customer"), e("Alpha")),
                List.of(ref("OrderLine", "OrderId", "Order", true), ref("Order", "CustomerId", "Customer", true)));
        assertThat(r.errors()).isEmpty();
        assertThat(r.order()).containsExactly(e("Alpha"), e("Customer"), e("Order"), e("OrderLine"));
        assertThat(r.deferred()).isEmpty();
        // no cycle: each entity is a group of its own, numbered in load order
        assertThat(r.groups()).containsExactlyInAnyOrderEntriesOf(Map.of(e("Alpha"), 1, e("Customer"), 2, e("Order"), 3, e("OrderLine"), 4));
    }

    @Test
    void selfReferenceIsDeferredAndDoesNotBlockOrdering() {
        LoadOrder.Result r = LoadOrder.of(List.of(e("Ticket"), e("Customer")),
                List.of(ref("Ticket", "ParentTicketId", "Ticket", false), ref("Ticket", "CustomerId", "Customer", true)));
        assertThat(r.order()).containsExactly(e("Customer"), e("Ticket"));
        assertThat(r.deferred()).containsOnlyKeys(ref("Ticket", "ParentTicketId", "Ticket", false));
        assertThat(r.deferred().values()).containsExactly("self-reference");
    }

    @Test
    void mandatorySelfReferenceIsDeferredToo() {
        LoadOrder.Result r = LoadOrder.of(List.of(e("Node")), List.of(ref("Node", "ParentId", "Node", true)));
        assertThat(r.errors()).isEmpty();
        assertThat(r.deferred()).hasSize(1);
    }

    @Test
    void twoEntityCycleIsBrokenAtItsOptionalEdge() {
        LoadOrder.Result r = LoadOrder.of(List.of(e("Customer"), e("Address"), e("Invoice")),
                List.of(ref("Customer", "PrimaryAddressId", "Address", false), ref("Address", "CustomerId", "Customer", true),
                        ref("Invoice", "CustomerId", "Customer", true)));
        assertThat(r.errors()).isEmpty();
        assertThat(r.deferred()).containsOnlyKeys(ref("Customer", "PrimaryAddressId", "Address", false));
        assertThat(r.order()).containsExactly(e("Customer"), e("Address"), e("Invoice"));
        // the cycle's entities share a group; the entity outside it has its own
        assertThat(r.groups()).containsExactlyInAnyOrderEntriesOf(Map.of(e("Customer"), 1, e("Address"), 1, e("Invoice"), 2));
    }

    @Test
    void cycleMadeOnlyOfMandatoryReferencesIsAnErrorNamingEntitiesAndAttributes() {
        LoadOrder.Result r = LoadOrder.of(List.of(e("A"), e("B"), e("C")),
                List.of(ref("A", "BId", "B", true), ref("B", "AId", "A", true), ref("C", "AId", "A", true)));
        assertThat(r.errors()).singleElement().asString()
                .contains("cannot be broken").contains("M.A.BId → M.B").contains("M.B.AId → M.A");
        assertThat(r.order()).isEmpty();
    }

    @Test
    void breaksACycleWithTheFewestOptionalEdges() {
        // A→B→C→A and A→C→A: deferring C.AId (optional) breaks both; deferring A.BId and A.CId would take two.
        LoadOrder.Result r = LoadOrder.of(List.of(e("A"), e("B"), e("C")), List.of(
                ref("A", "BId", "B", false), ref("B", "CId", "C", true), ref("C", "AId", "A", false),
                ref("A", "CId", "C", false)));
        assertThat(r.errors()).isEmpty();
        assertThat(r.deferred()).containsOnlyKeys(ref("C", "AId", "A", false));
        assertThat(r.order()).containsExactly(e("C"), e("B"), e("A"));
    }

    /**
     * Random graphs whose mandatory references cannot form a cycle (a mandatory reference always points
     * from a higher to a lower index), with optional references anywhere, self-references included, and
     * entity names shuffled against the indexes so that name order is no hint. Every such graph must
     * order without error, so the assertions below run for every seed.
     */
    @Test
    void everyEntityFollowsTheTargetsOfItsNonDeferredReferences() {
        int deferredCycleEdges = 0;
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            int n = 2 + random.nextInt(19);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                names.add("E" + i);
            }
            Collections.shuffle(names, random);
            List<EntityRef> nodes = names.stream().map(LoadOrderTest::e).toList();
            List<Edge> edges = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int mandatory = random.nextInt(3);
                for (int k = 0; k < mandatory && i > 0; k++) {
                    edges.add(ref(names.get(i), "M" + k, names.get(random.nextInt(i)), true));
                }
                int optional = random.nextInt(4);
                for (int k = 0; k < optional; k++) {
                    edges.add(ref(names.get(i), "O" + k, names.get(random.nextInt(n)), false));
                }
            }
            LoadOrder.Result r = LoadOrder.of(nodes, edges);
            String context = "seed " + seed + ", edges " + edges.stream().map(Edge::describe).toList();

            assertThat(r.errors()).as(context).isEmpty();
            assertThat(r.order()).as(context).containsExactlyInAnyOrderElementsOf(nodes);
            for (Edge edge : edges) {
                boolean self = edge.child().equals(edge.parent());
                if (self) {
                    assertThat(r.deferred()).as(context + ": " + edge.describe()).containsEntry(edge, "self-reference");
                } else if (r.deferred().containsKey(edge)) {
                    assertThat(edge.mandatory()).as(context + ": deferred " + edge.describe()).isFalse();
                    assertThat(cyclicWith(nodes, edges, r.deferred().keySet(), edge))
                            .as(context + ": deferring " + edge.describe() + " is needed").isTrue();
                    deferredCycleEdges++;
                } else {
                    assertThat(r.order().indexOf(edge.parent())).as(context + ": " + edge.describe())
                            .isLessThan(r.order().indexOf(edge.child()));
                }
            }
        }
        assertThat(deferredCycleEdges).as("the generator makes cycles to break").isGreaterThan(100);
    }

    /** True when the non-self edges minus the deferred ones, plus {@code restored}, contain a cycle. */
    private static boolean cyclicWith(List<EntityRef> nodes, List<Edge> edges, java.util.Set<Edge> deferred, Edge restored) {
        org.jgrapht.Graph<EntityRef, Edge> g = new org.jgrapht.graph.DirectedMultigraph<>(Edge.class);
        nodes.forEach(g::addVertex);
        for (Edge e : edges) {
            if (!e.child().equals(e.parent()) && (!deferred.contains(e) || e.equals(restored))) {
                g.addEdge(e.child(), e.parent(), e);
            }
        }
        return new org.jgrapht.alg.cycle.CycleDetector<>(g).detectCycles();
    }

    @Test
    void aMandatoryCycleAmongOptionalOnesIsStillAnError() {
        // A -M-> B -M-> C -M-> A closes a mandatory cycle; the optional edges around it cannot help.
        LoadOrder.Result r = LoadOrder.of(List.of(e("A"), e("B"), e("C"), e("D")), List.of(
                ref("A", "BId", "B", true), ref("B", "CId", "C", true), ref("C", "AId", "A", true),
                ref("A", "DId", "D", false), ref("D", "AId", "A", false), ref("D", "DId", "D", false)));
        assertThat(r.errors()).singleElement().asString()
                .contains("M.A.BId → M.B", "M.B.CId → M.C", "M.C.AId → M.A").doesNotContain("M.D");
        assertThat(r.order()).isEmpty();
    }

    @Test
    void manyOptionalEdgesUseTheGreedySearchAndStillBreakEveryCycle() {
        List<EntityRef> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        int n = 12;
        for (int i = 0; i < n; i++) {
            nodes.add(e("N" + i));
            for (int j = 0; j < n; j++) {
                if (i != j && (i + j) % 3 != 0) {
                    edges.add(ref("N" + i, "To" + j, "N" + j, false));
                }
            }
        }
        LoadOrder.Result r = LoadOrder.of(nodes, edges);
        assertThat(r.errors()).isEmpty();
        assertThat(r.order()).hasSize(n);
        for (Edge edge : edges) {
            if (!r.deferred().containsKey(edge)) {
                assertThat(r.order().indexOf(edge.parent())).isLessThan(r.order().indexOf(edge.child()));
            }
        }
    }
}
