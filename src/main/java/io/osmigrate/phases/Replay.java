package io.osmigrate.phases;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.config.ConfigException;
import io.osmigrate.pipeline.DeadLetterReason;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.pipeline.TableRead;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.IdentifierKind;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.state.DeadLetterStore;

/**
 * The replay of a run's dead letters, once their cause is fixed: which open dead letters it moves again (an
 * entity's, with the rows dead-lettered because of them: "parent failed" in the entities that reference it,
 * directly or through others; or all of the run's), as a {@link RowSelection} of source ids the data and deferred
 * phases read again from the source, and, after those phases, which of them it resolved. A dead letter is resolved
 * when its row has a pair in the key map and the replay did not dead-letter that row again; the others stay open.
 */
public final class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    /** The phases whose dead letters are source rows a replay reads again. */
    private static final Set<String> ROW_PHASES = Set.of(Phase.DATA.wire(), Phase.BPT.wire(), Phase.DEFERRED.wire());

    /**
     * What a replay did with the dead letters it took.
     *
     * @param replayed the open dead letters it moved again
     * @param resolved those it marked resolved by the replaying run
     */
    public record Outcome(int replayed, int resolved) {
        public int open() {
            return replayed - resolved;
        }
    }

    private final String replayOf;
    private final List<DeadLetterStore.Key> letters;
    private final List<DeadLetterStore.Key> leftOpen;

    private Replay(String replayOf, List<DeadLetterStore.Key> letters, List<DeadLetterStore.Key> leftOpen) {
        this.replayOf = replayOf;
        this.letters = List.copyOf(letters);
        this.leftOpen = List.copyOf(leftOpen);
    }

    /**
     * The open dead letters of a run to replay.
     *
     * @param entity only this entity's (Module.Entity) and those dead-lettered because of them; null: all of them
     * @throws ConfigException the entity is not one the plan moves
     */
    public static Replay select(DeadLetterStore deadLetters, Plan plan, String runId, String entity) {
        Set<String> moved = new TreeSet<>();
        plan.moved().forEach(e -> moved.add(e.entity().qualifiedName()));
        if (entity != null && !moved.contains(entity)) {
            throw new ConfigException("replay of run " + runId + ": --entity " + entity + " is not an entity its spec moves;"
                    + " moved entities: " + String.join(", ", moved));
        }
        Set<String> downstream = entity == null ? Set.of() : referencing(plan, entity);
        List<DeadLetterStore.Key> chosen = new ArrayList<>();
        List<DeadLetterStore.Key> leftOpen = new ArrayList<>();
        for (DeadLetterStore.Key d : deadLetters.keys(runId, true)) {
            if (!ROW_PHASES.contains(d.phase())) {
                // a subscription of the events phase is no row: the next run's events phase adds it again
                LOG.info("Dead letter #{} ({} of {}) is not replayed: the events phase of a run adds it", d.id(),
                        d.sourceId(), d.entity());
            } else if (!moved.contains(d.entity())) {
                LOG.warn("Dead letter #{} ({} id {}) is not replayed: the spec no longer moves {}", d.id(), d.entity(),
                        d.sourceId(), d.entity());
            } else if (entity == null || d.entity().equals(entity)
                    || downstream.contains(d.entity()) && DeadLetterReason.PARENT_FAILED.wire().equals(d.reason())) {
                chosen.add(d);
            } else {
                leftOpen.add(d);
            }
        }
        return new Replay(runId, chosen, leftOpen);
    }

    /** The moved entities that reference an entity, directly or through other moved entities. */
    private static Set<String> referencing(Plan plan, String entity) {
        Map<String, Set<String>> children = new HashMap<>();
        for (PlannedEntity e : plan.moved()) {
            String child = e.entity().qualifiedName();
            for (ColumnPlan c : e.columns()) {
                if (c.role() == ColumnRole.REFERENCE && c.target() != null) {
                    children.computeIfAbsent(c.target().qualifiedName(), k -> new HashSet<>()).add(child);
                }
            }
            if (e.identifier().kind() == IdentifierKind.REFERENCE) {
                children.computeIfAbsent(e.identifier().target().qualifiedName(), k -> new HashSet<>()).add(child);
            }
        }
        Set<String> found = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(entity));
        while (!todo.isEmpty()) {
            for (String child : children.getOrDefault(todo.pop(), Set.of())) {
                if (found.add(child)) {
                    todo.push(child);
                }
            }
        }
        found.remove(entity);
        return found;
    }

    public List<DeadLetterStore.Key> letters() {
        return letters;
    }

    /** The source rows to read again: a data-phase dead letter's row is inserted, a deferred-phase one's updated. */
    public RowSelection rows() {
        Map<String, Set<String>> inserts = new LinkedHashMap<>();
        Map<String, Set<String>> deferred = new LinkedHashMap<>();
        for (DeadLetterStore.Key d : letters) {
            Map<String, Set<String>> target = Phase.DEFERRED.wire().equals(d.phase()) ? deferred : inserts;
            target.computeIfAbsent(d.entity(), k -> new TreeSet<>()).add(d.sourceId());
        }
        return RowSelection.only(inserts, deferred);
    }

    /**
     * Tells the replaying run which rows of the replayed run stay dead-lettered (the open dead letters it does not
     * take), so that a replayed row referencing one of them is dead-lettered again as "parent failed", not as a
     * reference to a row missing from the source. Call before the data phase.
     */
    public void holdBack(RunContext run) {
        for (DeadLetterStore.Key d : leftOpen) {
            if (Phase.DATA.wire().equals(d.phase())) {
                PlannedEntity entity = run.plan().entity(d.entity()).orElseThrow();
                run.markFailed(entity.entity(), TablePlans.identifiers(run, entity).sourceId(d.sourceId()));
            }
        }
    }

    /**
     * Marks resolved, by the replaying run, each dead letter whose row now has a pair and that the replay did not
     * dead-letter again. Call once the data and deferred phases of the replay have finished.
     */
    public Outcome resolve(RunContext run) {
        Set<String> again = new HashSet<>();
        for (DeadLetterStore.Key d : run.state().deadLetters().keys(run.runId(), false)) {
            again.add(d.entity() + "|" + d.sourceId());
        }
        Map<String, List<DeadLetterStore.Key>> byEntity = new LinkedHashMap<>();
        letters.forEach(d -> byEntity.computeIfAbsent(d.entity(), k -> new ArrayList<>()).add(d));
        List<Long> resolved = new ArrayList<>();
        for (Map.Entry<String, List<DeadLetterStore.Key>> e : byEntity.entrySet()) {
            PlannedEntity entity = run.plan().entity(e.getKey()).orElseThrow();
            TableRead ids = TablePlans.identifiers(run, entity);
            List<Object> sourceIds = e.getValue().stream().map(d -> ids.sourceId(d.sourceId())).distinct().toList();
            Map<Object, Object> pairs = run.state().keyMap().lookup(run.scopeOf(entity.entity()), sourceIds);
            for (DeadLetterStore.Key d : e.getValue()) {
                if (pairs.containsKey(ids.sourceId(d.sourceId())) && !again.contains(d.entity() + "|" + d.sourceId())) {
                    resolved.add(d.id());
                }
            }
        }
        run.state().deadLetters().resolve(run.runId(), resolved);
        LOG.info("Replay of run {}: {} dead letters replayed, {} resolved, {} still open", replayOf, letters.size(),
                resolved.size(), letters.size() - resolved.size());
        return new Outcome(letters.size(), resolved.size());
    }
}
