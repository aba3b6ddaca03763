package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

import io.osmigrate.dialect.UpdatePath;
import io.osmigrate.state.DeadLetter;

/**
 * The sink of a refreshed table: each row of the batch, mapped like an insert, is set on the destination row
 * it is paired with, by the dialect's set-based update, which writes only the rows whose values differ; one
 * committed batch at a time. A row with no pair (never moved, or dead-lettered) is left alone; a row whose
 * mapping failed (an unresolved mandatory reference) is not updated and leaves as a dead letter. Idempotent:
 * a refresh that stopped halfway simply runs again.
 */
final class RefreshRows {

    private RefreshRows() {
    }

    @SuppressWarnings("unchecked")
    static void process(Exchange exchange) throws SQLException {
        TableRun table = exchange.getProperty(PipelineHeaders.TABLE, TableRun.class);
        exchange.setProperty(PipelineHeaders.REJECTED, refresh(table, exchange.getIn().getBody(List.class)));
        exchange.getIn().setBody(null);
    }

    static List<DeadLetter> refresh(TableRun table, List<PendingRow> batch) throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        List<PendingRow> mapped = new ArrayList<>(batch.size());
        for (PendingRow r : batch) {
            if (r.failed()) {
                table.stats().addDeadLettered(1);
                letters.add(DeadLetters.of(table, r));
            } else {
                mapped.add(r);
            }
        }
        if (mapped.isEmpty()) {
            return letters;
        }
        Map<Object, Object> ids = table.run().state().keyMap().lookup(table.plan().scope(),
                mapped.stream().map(r -> r.source.id()).toList());
        List<UpdatePath.Row> updates = new ArrayList<>(mapped.size());
        for (PendingRow r : mapped) {
            Object destinationId = ids.get(r.source.id());
            if (destinationId != null) {
                updates.add(new UpdatePath.Row(destinationId, r.values));
            }
        }
        table.stats().countSkipped(mapped.size() - updates.size());
        if (!updates.isEmpty()) {
            WriterConnection writer = table.writer();
            int changed = writer.updatePath(table).update(writer.connection(), updates);
            writer.connection().commit();
            table.stats().addDeferredUpdates(changed);
        }
        return letters;
    }
}
