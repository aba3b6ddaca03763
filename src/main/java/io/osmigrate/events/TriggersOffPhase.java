package io.osmigrate.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.env.Environment;
import io.osmigrate.pipeline.FaultInjection;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.plan.TriggeredTable;
import io.osmigrate.state.SavedEvents;

/**
 * Triggers-off: before the run writes to a BPT-triggered table, the destination's rows of its OSEVT_* table
 * (the plan lists them) are saved in the state store and deleted, so the platform's trigger finds no
 * subscription and queues no event for the rows the run inserts or updates. Deleting needs no DDL, so it works
 * where triggers cannot be disabled (OutSystems Cloud).
 *
 * <p>Crash safety, per table: in one serializable destination transaction the rows are read, the ones the
 * state store does not hold yet are saved there (a durable commit), then the rows read are deleted and the
 * transaction commits. Killed before that commit, the rows are both saved and still in the destination; the
 * next triggers-off reads them again, finds each one saved already and saves nothing twice. A note in the
 * state store says the destination's triggers are off until the events phase has put every saved row back.
 */
public final class TriggersOffPhase {

    private static final Logger LOG = LoggerFactory.getLogger(TriggersOffPhase.class);
    static final String PHASE = "triggers-off";

    private TriggersOffPhase() {
    }

    /** Handles the plan's tables in order, giving each table's figures to {@code figures} once it is done. */
    public static void run(RunContext run, Consumer<SubscriptionFigures> figures) throws SQLException {
        List<TriggeredTable> tables = run.plan().triggersOff();
        if (tables.isEmpty()) {
            return;
        }
        Environment destination = run.destination();
        SavedEvents store = run.state().savedEvents();
        store.noteTriggersOff(destination.name(), run.source().name(), run.runId());
        for (TriggeredTable t : tables) {
            run.stop().check("triggers-off of " + t.eventTable());
            EventTable table = EventTable.resolve(destination, t.eventTable()).orElseThrow(() -> new IllegalStateException(
                    "the destination's event table " + t.eventTable() + " of " + t.entity().qualifiedName()
                            + " is gone since the plan was made; run again to plan anew"));
            figures.accept(switchOff(run, t, table));
        }
    }

    private static SubscriptionFigures switchOff(RunContext run, TriggeredTable t, EventTable table) throws SQLException {
        Environment destination = run.destination();
        SavedEvents store = run.state().savedEvents();
        RowCounts alreadySaved = new RowCounts();
        store.saved(destination.name()).stream().filter(r -> r.eventTable().equalsIgnoreCase(table.name()))
                .forEach(r -> alreadySaved.add(r.rowJson()));
        try (Connection c = destination.dataSource().getConnection()) {
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            // serializable: the delete removes exactly the rows read, never one that arrived in between unsaved
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            try {
                List<EventRow> rows = table.read(c, destination.dialect());
                List<String> toSave = new ArrayList<>();
                for (EventRow row : rows) {
                    String json = row.json();
                    if (!alreadySaved.take(json)) {
                        toSave.add(json);
                    }
                }
                store.save(destination.name(), table.name(), new SavedEvents.Owner(t.entity().qualifiedName(),
                        t.entity().espaceKey(), t.entity().entityKey()), run.runId(), toSave);
                FaultInjection.pause(PHASE);
                int deleted = table.deleteAll(c, destination.dialect());
                c.commit();
                LOG.info("Triggers off: {} subscriptions of {} saved ({} saved by an earlier run), {} deleted", toSave.size(),
                        table.name(), rows.size() - toSave.size(), deleted);
                return new SubscriptionFigures(PHASE, table.name(), t.entity().qualifiedName(), rows.size(), toSave.size(),
                        deleted, 0, 0, 0);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                c.setTransactionIsolation(isolation);
            }
        }
    }
}
