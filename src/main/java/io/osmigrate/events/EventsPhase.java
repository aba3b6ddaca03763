package io.osmigrate.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.env.Environment;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.pipeline.FaultInjection;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.state.SavedEvents;

/**
 * Events ("triggers back on"), after the data: every subscription triggers-off saved for this destination
 * goes back into its OSEVT_* table, whichever run saved it, if what it subscribes for still exists there (a
 * launch subscription's active process definition, an activity's subscription's activity). The others are
 * not put back; they stay in the state store, DROPPED, with the reason, and the report lists them.
 *
 * <p>Never a subscription twice: per table, the rows already in the destination are counted first and a saved
 * row is inserted only when no equal row is left to account for it (the platform may have made its own again,
 * or an earlier run put it back and was killed before it told the state store). Then the state store forgets
 * the rows that went back. Then the source's subscriptions of moved activities are added ({@link SourceSubscriptions}).
 * When no saved row is left, the note that the triggers are off goes.
 */
public final class EventsPhase {

    private static final Logger LOG = LoggerFactory.getLogger(EventsPhase.class);
    static final String PHASE = "events";

    private EventsPhase() {
    }

    /**
     * Puts back every saved table, giving each table's figures to {@code figures} once it is done and each
     * subscription not put back to {@code notRestored}.
     */
    public static void run(RunContext run, Metamodel source, Metamodel destinationModel, Consumer<SubscriptionFigures> figures,
                           Consumer<UnrestoredEvent> notRestored) throws SQLException {
        Environment destination = run.destination();
        SavedEvents store = run.state().savedEvents();
        Map<String, List<SavedEvents.SavedRow>> byTable = new LinkedHashMap<>();
        Map<Long, EventRow> rows = new HashMap<>();
        for (SavedEvents.SavedRow saved : store.saved(destination.name())) {
            byTable.computeIfAbsent(saved.eventTable().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(saved);
            rows.put(saved.id(), EventRow.parse(saved.rowJson(), "#" + saved.id() + " of " + saved.eventTable()));
        }
        if (!byTable.isEmpty()) {
            Subscribed subscribed = Subscribed.read(destination, rows.values());
            for (List<SavedEvents.SavedRow> saved : byTable.values()) {
                run.stop().check("the events of " + saved.get(0).eventTable());
                figures.accept(restore(run, saved, rows, subscribed, notRestored));
            }
        }
        SourceSubscriptions.add(run, source, destinationModel, figures);
        if (store.saved(destination.name()).isEmpty()) {
            store.clearNote(destination.name());
        }
    }

    private static SubscriptionFigures restore(RunContext run, List<SavedEvents.SavedRow> saved, Map<Long, EventRow> rows,
                                               Subscribed subscribed, Consumer<UnrestoredEvent> notRestored)
            throws SQLException {
        Environment destination = run.destination();
        String spelled = saved.get(0).eventTable();
        Optional<EventTable> table = EventTable.resolve(destination, spelled);
        List<Long> restorable = new ArrayList<>();
        Map<Long, String> dropped = new LinkedHashMap<>();
        for (SavedEvents.SavedRow s : saved) {
            String why = table.isEmpty() ? "the destination has no table " + spelled + " any more"
                    : subscribed.whyNot(rows.get(s.id()));
            if (why == null) {
                restorable.add(s.id());
            } else {
                dropped.put(s.id(), why);
                notRestored.accept(new UnrestoredEvent(spelled, s.entity(), why));
                LOG.warn("Events: a subscription of {} is not put back: {}", spelled, why);
            }
        }
        int inserted = 0;
        if (!restorable.isEmpty()) {
            inserted = putBack(destination, table.get(), restorable.stream().map(rows::get).toList());
        }
        FaultInjection.pause(PHASE);
        run.state().savedEvents().settle(restorable, dropped, run.runId());
        LOG.info("Events: {} subscriptions of {} put back, {} already there, {} not put back", inserted, spelled,
                restorable.size() - inserted, dropped.size());
        return new SubscriptionFigures(PHASE, table.map(EventTable::name).orElse(spelled), saved.get(0).entity(), saved.size(),
                0, 0, inserted, restorable.size() - inserted, dropped.size());
    }

    /** Inserts the rows no equal destination row accounts for, in one transaction; returns how many. */
    static int putBack(Environment destination, EventTable table, List<EventRow> restorable) throws SQLException {
        try (Connection c = destination.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                List<EventRow> present = table.read(c, destination.dialect());
                Map<List<String>, RowCounts> presentByColumns = new HashMap<>();
                List<EventRow> missing = new ArrayList<>();
                for (EventRow row : restorable) {
                    RowCounts counts = presentByColumns.computeIfAbsent(row.columnKeys(), columns -> count(present, columns));
                    if (!counts.take(row.json())) {
                        missing.add(row);
                    }
                }
                table.insert(c, destination.dialect(), missing);
                c.commit();
                return missing.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The destination's rows as they would have been saved with these columns. */
    private static RowCounts count(List<EventRow> present, List<String> columns) {
        RowCounts counts = new RowCounts();
        for (EventRow row : present) {
            EventRow projected = row.project(columns);
            if (projected != null) {
                counts.add(projected.json());
            }
        }
        return counts;
    }
}
