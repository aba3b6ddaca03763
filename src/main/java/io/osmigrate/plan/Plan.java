package io.osmigrate.plan;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.osmigrate.spec.Mode;

/**
 * A spec resolved against both environments: pure data, printing it writes nothing. The data phase
 * consumes it as is. Immutable.
 *
 * @param entities in the order the data phase takes them: looked-up ones first (matched to existing
 *                 destination rows before any row is moved, ordered among themselves by the references of
 *                 their match attributes), then moved ones in load order, then skipped ones. Every entity
 *                 comes after the targets of its non-deferred references, lookups included
 * @param statics  static entities referenced by the scope (mapped, never written)
 * @param deferred references inserted empty and set after their cycle group
 * @param clean    the steps of the clean phase, when the run cleans (empty otherwise)
 * @param users    what the users phase will do; null for a plan made without reading the user tables
 * @param triggersOff the destination's OSEVT_* tables of the entities the run writes, whose rows triggers-off
 *                 saves and deletes before any write (empty for a plan made without them)
 * @param shaping  the subset of the moved rows ({@link Shaping#none()}: every row moves)
 * @param bpt      what the bpt phase maps and which process instances move; null for a plan made without the
 *                 BPT definitions
 */
public record Plan(String spec, String specFile, String source, String destination, String sourceEngine,
                   String destinationEngine, List<PlannedEntity> entities, List<StaticPlan> statics,
                   List<DeferredReference> deferred, List<CleanStep> clean, List<Finding> findings, UsersPlan users,
                   List<TriggeredTable> triggersOff, Shaping shaping, BptPlan bpt) {

    public Plan {
        entities = List.copyOf(entities);
        statics = List.copyOf(statics);
        deferred = List.copyOf(deferred);
        clean = List.copyOf(clean);
        findings = List.copyOf(findings);
        triggersOff = triggersOff == null ? List.of() : List.copyOf(triggersOff);
        shaping = shaping == null ? Shaping.none() : shaping;
    }

    /** A plan without a subset. */
    public Plan(String spec, String specFile, String source, String destination, String sourceEngine,
                String destinationEngine, List<PlannedEntity> entities, List<StaticPlan> statics,
                List<DeferredReference> deferred, List<CleanStep> clean, List<Finding> findings, UsersPlan users,
                List<TriggeredTable> triggersOff) {
        this(spec, specFile, source, destination, sourceEngine, destinationEngine, entities, statics, deferred, clean,
                findings, users, triggersOff, Shaping.none(), null);
    }

    /** A plan without its users part, as {@link Planner} makes it from the metamodels alone. */
    public Plan(String spec, String specFile, String source, String destination, String sourceEngine,
                String destinationEngine, List<PlannedEntity> entities, List<StaticPlan> statics,
                List<DeferredReference> deferred, List<CleanStep> clean, List<Finding> findings) {
        this(spec, specFile, source, destination, sourceEngine, destinationEngine, entities, statics, deferred, clean,
                findings, null, List.of(), Shaping.none(), null);
    }

    /** This plan with its users part and the findings that came with it. */
    public Plan withUsers(UsersPlan usersPlan, List<Finding> usersFindings) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        usersFindings.stream().filter(f -> !all.contains(f)).forEach(all::add);
        return new Plan(spec, specFile, source, destination, sourceEngine, destinationEngine, entities, statics, deferred,
                clean, all, usersPlan, triggersOff, shaping, bpt);
    }

    /** This plan with more findings (those it has already are not repeated). */
    public Plan withFindings(List<Finding> more) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        more.stream().filter(f -> !all.contains(f)).forEach(all::add);
        return new Plan(spec, specFile, source, destination, sourceEngine, destinationEngine, entities, statics, deferred,
                clean, all, users, triggersOff, shaping, bpt);
    }

    /** This plan with its triggered tables and the findings that came with them. */
    public Plan withTriggersOff(List<TriggeredTable> tables, List<Finding> more) {
        return new Plan(spec, specFile, source, destination, sourceEngine, destinationEngine, entities, statics, deferred,
                clean, findings, users, tables, shaping, bpt).withFindings(more);
    }

    /** This plan with its subset. */
    public Plan withShaping(Shaping newShaping) {
        return new Plan(spec, specFile, source, destination, sourceEngine, destinationEngine, entities, statics, deferred,
                clean, findings, users, triggersOff, newShaping, bpt);
    }

    /** This plan with what its bpt phase maps (the instance tables are among its entities already). */
    public Plan withBpt(BptPlan value) {
        return new Plan(spec, specFile, source, destination, sourceEngine, destinationEngine, entities, statics, deferred,
                clean, findings, users, triggersOff, shaping, value);
    }

    /** Whether the entity is a BPT instance table this plan moves. */
    public boolean isBptTable(EntityRef entity) {
        return bpt != null && bpt.moves(entity);
    }

    /** The soft keys the spec declares, as the moved entities' columns have them, in load order. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public List<SoftKeyLine> softKeys() {
        return moved().stream().flatMap(e -> e.columns().stream().filter(ColumnPlan::soft)
                .map(c -> new SoftKeyLine(e.entity().qualifiedName(), c.attribute(), c.target().qualifiedName(),
                        c.type() != null && c.type().startsWith("rt") ? c.type().substring(2) : c.type(),
                        c.mandatory(), c.deferred()))).toList();
    }

    /** True when no finding blocks the run. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public boolean runnable() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    public List<PlannedEntity> moved() {
        return entities.stream().filter(e -> e.mode() == Mode.MOVE).toList();
    }

    public List<PlannedEntity> lookups() {
        return entities.stream().filter(e -> e.mode() == Mode.LOOKUP).toList();
    }

    public Optional<PlannedEntity> entity(String qualifiedName) {
        return entities.stream().filter(e -> e.entity().qualifiedName().equalsIgnoreCase(qualifiedName)).findFirst();
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }
}
