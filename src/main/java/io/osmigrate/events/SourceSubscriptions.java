package io.osmigrate.events;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.env.Environment;
import io.osmigrate.maps.RecordMap;
import io.osmigrate.metamodel.BptDefinitions;
import io.osmigrate.metamodel.Entity;
import io.osmigrate.metamodel.Espace;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.pipeline.DeadLetterReason;
import io.osmigrate.pipeline.FaultInjection;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.state.DeadLetter;

/**
 * The second half of events: the source's subscriptions of the moved entities' event tables that belong to moved
 * activities (a live wait or human activity listens for its record) join the destination's, remapped: _ESPACE_ID
 * by the module's SS_Key, _TENANT_ID through the tenant map, _ACTIVITY_ID through the activities' key map,
 * _PROCESS_DEF_ID through the definitions, the entity's identifier and reference columns through their maps. A
 * row of an activity the run did not move is left out; one that cannot be remapped is dead-lettered with why.
 * Launch subscriptions (_PROCESS_DEF_ID without an activity) are the destination's own, made by its publish and
 * put back from what triggers-off saved: a source one is never added. Never a row twice: a remapped row that an
 * equal destination row accounts for is not inserted, so a re-run, or one after a kill, adds nothing again.
 */
final class SourceSubscriptions {

    static final String PHASE = "events-added";
    private static final Logger LOG = LoggerFactory.getLogger(SourceSubscriptions.class);
    private static final String ACTIVITY_TABLE = "OSSYS_BPM_ACTIVITY";

    private final RunContext run;
    private final Metamodel source;
    private final Metamodel destination;
    private final List<DeadLetter> letters = new ArrayList<>();

    private SourceSubscriptions(RunContext run, Metamodel source, Metamodel destination) {
        this.run = run;
        this.source = source;
        this.destination = destination;
    }

    /** Adds the rows, each event table's figures to {@code figures} once it is done. */
    static void add(RunContext run, Metamodel source, Metamodel destination, Consumer<SubscriptionFigures> figures)
            throws SQLException {
        Optional<PlannedEntity> activities = run.plan().moved().stream()
                .filter(e -> run.plan().isBptTable(e.entity()) && e.sourceTable().equalsIgnoreCase(ACTIVITY_TABLE)).findFirst();
        if (activities.isEmpty() || run.platformMap(BptDefinitions.PROCESS) == null) {
            return; // no process instance moved in this run, so no subscription of one
        }
        SourceSubscriptions s = new SourceSubscriptions(run, source, destination);
        int activityScope = run.scopeOf(activities.get().entity());
        for (PlannedEntity e : run.plan().moved()) {
            if (run.plan().isBptTable(e.entity())) {
                continue;
            }
            Optional<String> from = source.entity(e.entity().key()).map(Entity::eventTable);
            Optional<String> to = destination.entity(e.entity().key()).map(Entity::eventTable);
            if (from.isPresent() && to.isPresent()) {
                run.stop().check("the source's subscriptions of " + from.get());
                Optional<EventTable> src = EventTable.resolve(run.source(), from.get());
                Optional<EventTable> dst = EventTable.resolve(run.destination(), to.get());
                if (src.isPresent() && dst.isPresent()) {
                    figures.accept(s.table(e, src.get(), dst.get(), activityScope));
                }
            }
        }
    }

    private SubscriptionFigures table(PlannedEntity entity, EventTable from, EventTable to, int activityScope)
            throws SQLException {
        List<EventRow> rows;
        try (Connection c = run.source().dataSource().getConnection()) {
            rows = from.read(c, run.source().dialect());
        }
        List<EventRow> remapped = new ArrayList<>();
        long considered = 0;
        for (EventRow row : rows) {
            Long activity = row.id(Subscribed.ACTIVITY);
            if (activity == null) {
                continue; // a launch subscription: the destination's own stands for it
            }
            Object moved = run.state().keyMap().lookup(activityScope, activity);
            if (moved == null) {
                continue; // an activity this run does not move (another process, an instance not chosen)
            }
            considered++;
            try {
                remapped.add(remap(entity, row, to, moved));
            } catch (Unmapped u) {
                letters.add(new DeadLetter(0, run.runId(), "events", entity.entity().qualifiedName(),
                        "activity " + activity, u.reason.wire(), null, null, null, from.name() + ": " + u.getMessage(),
                        row.json(), null, Instant.now()));
                LOG.warn("Events: a subscription of {} (activity {}) is not added: {}", from.name(), activity, u.getMessage());
            }
        }
        int inserted = remapped.isEmpty() ? 0 : EventsPhase.putBack(run.destination(), to, remapped);
        FaultInjection.pause(PHASE);
        if (!letters.isEmpty()) {
            run.state().deadLetters().write(List.copyOf(letters));
        }
        long dead = letters.size();
        letters.clear();
        LOG.info("Events: {} subscriptions of moved activities added to {}, {} already there, {} dead-lettered", inserted,
                to.name(), remapped.size() - inserted, dead);
        return new SubscriptionFigures(PHASE, to.name(), entity.entity().qualifiedName(), considered, 0, 0, inserted,
                remapped.size() - inserted, dead);
    }

    /** The row with every destination column's value, or why one cannot be had. */
    private EventRow remap(PlannedEntity entity, EventRow row, EventTable to, Object activity) throws Unmapped {
        Map<String, EventRow.Cell> cells = new HashMap<>();
        row.cells().forEach(c -> cells.put(EventRow.key(c.column()), c));
        List<EventRow.Cell> out = new ArrayList<>();
        for (ColumnInfo column : to.columns()) {
            String key = EventRow.key(column.name());
            Object value = switch (key) {
                case "_ESPACE_ID" -> none(cells.get(key)) ? text(cells.get(key)) : espace(number(cells.get(key)));
                case "_TENANT_ID" -> none(cells.get(key)) ? text(cells.get(key))
                        : mapped(run.tenants(), number(cells.get(key)), DeadLetterReason.TENANT_UNMATCHED);
                case "_ACTIVITY_ID" -> activity;
                case "_PROCESS_DEF_ID" -> none(cells.get(key)) ? text(cells.get(key))
                        : mapped(run.platformMap(BptDefinitions.PROCESS), number(cells.get(key)),
                                DeadLetterReason.DEFINITION_UNMATCHED);
                case "_IS_UPDATE", "_IS_LIGHT" -> text(cells.get(key));
                default -> entityColumn(entity, key, cells);
            };
            out.add(new EventRow.Cell(column.name(), ValueKind.of(column.jdbcType()), value == null ? null : value.toString()));
        }
        return EventRow.of(out);
    }

    /** The entity's identifier (the subscribed record) or another of its columns, mapped as the entity's rows were. */
    private Object entityColumn(PlannedEntity entity, String destinationKey, Map<String, EventRow.Cell> cells) throws Unmapped {
        if (destinationKey.equals(EventRow.key(entity.identifier().destinationColumn()))) {
            EventRow.Cell id = cells.get(EventRow.key(entity.identifier().sourceColumn()));
            if (none(id)) {
                return text(id); // any record
            }
            return key(entity, entity.entity(), number(id));
        }
        for (ColumnPlan c : entity.columns()) {
            if (c.sourceColumn() == null || !destinationKey.equals(EventRow.key(c.destinationColumn()))) {
                continue;
            }
            EventRow.Cell cell = cells.get(EventRow.key(c.sourceColumn()));
            if (cell == null || cell.text() == null) {
                return null;
            }
            return switch (c.role()) {
                case REFERENCE -> !c.soft() ? key(entity, c.target(), number(cell))
                        // a soft key's 0 or empty text subscribes to "no reference", kept; its text holds the id as digits
                        : io.osmigrate.plan.SoftKeyValues.isNone(cell.text()) ? cell.text()
                        : String.valueOf(key(entity, c.target(), softNumber(c, cell)));
                case TENANT_ID, TENANT_REFERENCE -> mapped(run.tenants(), number(cell), DeadLetterReason.TENANT_UNMATCHED);
                case USER_REFERENCE -> mapped(run.users(), number(cell), DeadLetterReason.USER_UNMATCHED);
                case STATIC_REFERENCE -> run.statics().map(c.target().key(), cell.text())
                        .orElseThrow(() -> new Unmapped(DeadLetterReason.STATIC_UNMATCHED, c.attribute() + " "
                                + cell.text() + " has no active destination record"));
                default -> cell.text();
            };
        }
        return null;
    }

    private Object key(PlannedEntity entity, io.osmigrate.plan.EntityRef target, long id) throws Unmapped {
        Integer scope = run.scopeOf(target);
        Object mapped = scope == null ? null : run.state().keyMap().lookup(scope, id);
        if (mapped == null) {
            throw new Unmapped(run.hasFailed(target, id) ? DeadLetterReason.PARENT_FAILED : DeadLetterReason.PARENT_MISSING,
                    "it subscribes to " + target.qualifiedName() + " id " + id + ", which was not moved"
                            + (target.equals(entity.entity()) ? "" : " (a reference of " + entity.entity().qualifiedName() + ")"));
        }
        return mapped;
    }

    private Object espace(long sourceId) throws Unmapped {
        Optional<String> ssKey = source.espaces().values().stream().filter(e -> e.id() == sourceId).map(Espace::ssKey).findFirst();
        Optional<Espace> twin = ssKey.flatMap(destination::espace);
        return twin.map(Espace::id).orElseThrow(() -> new Unmapped(DeadLetterReason.DEFINITION_UNMATCHED,
                "its module (espace " + sourceId + ") has no active twin in the destination"));
    }

    private static Object mapped(RecordMap map, long id, DeadLetterReason reason) throws Unmapped {
        Object mapped = map.destinationOf(id);
        if (mapped == null) {
            throw new Unmapped(reason, map.whyUnmatched(id));
        }
        return mapped;
    }

    private static boolean none(EventRow.Cell cell) {
        return cell == null || cell.text() == null || new BigDecimal(cell.text()).signum() == 0;
    }

    private static String text(EventRow.Cell cell) {
        return cell == null ? null : cell.text();
    }

    private static long softNumber(ColumnPlan c, EventRow.Cell cell) throws Unmapped {
        try {
            return number(cell);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Unmapped(DeadLetterReason.PARENT_MISSING, "its soft key " + c.attribute() + " holds '" + cell.text()
                    + "', which is no id of " + c.target().qualifiedName());
        }
    }

    private static long number(EventRow.Cell cell) {
        return new BigDecimal(cell.text()).longValueExact();
    }

    /** Why a subscription cannot be remapped. */
    private static final class Unmapped extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient DeadLetterReason reason;

        Unmapped(DeadLetterReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
