package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

import io.osmigrate.dialect.ValueKind;

/**
 * The sink of a reconciled table: each row of the batch, mapped like an insert, is compared with the destination
 * row its pair names, read by identifier in one query per batch. A hash per row decides whether two rows are the
 * same ({@link RowDigest}); only where the hashes differ are the columns compared one by one, to name those that
 * differ. A row with no pair (never moved, or dead-lettered) is not compared; a row whose mapping failed is not
 * comparable (counted, never dead-lettered: a reconciliation writes nothing). Counts into the table's
 * {@link ValueTally}.
 */
final class CompareRows {

    private CompareRows() {
    }

    @SuppressWarnings("unchecked")
    static void process(Exchange exchange) throws SQLException {
        TableRun table = exchange.getProperty(PipelineHeaders.TABLE, TableRun.class);
        compare(table, exchange.getIn().getBody(List.class));
        exchange.getIn().setBody(null);
    }

    static void compare(TableRun table, List<PendingRow> batch) throws SQLException {
        ValueTally tally = table.tally();
        Map<Object, Object> pairs = table.run().state().keyMap().lookup(table.plan().scope(),
                batch.stream().map(r -> r.source.id()).toList());
        List<PendingRow> paired = new ArrayList<>(batch.size());
        for (PendingRow r : batch) {
            if (!pairs.containsKey(r.source.id()) || !tally.compares(r.source.id())) {
                continue;
            }
            if (r.failed()) {
                tally.notComparable();
            } else {
                paired.add(r);
            }
        }
        if (paired.isEmpty()) {
            return;
        }
        WriterConnection reader = table.writer();
        Map<Object, Object[]> found;
        try {
            found = DestinationRows.read(reader.connection(), table.run().destination().dialect(), table.plan(),
                    paired.stream().map(r -> pairs.get(r.source.id())).toList());
        } finally {
            // a read: end the transaction, so no snapshot or lock outlives the batch
            reader.rollbackQuietly();
        }
        for (PendingRow r : paired) {
            Object destinationId = pairs.get(r.source.id());
            Object[] destination = found.get(ValueKind.id(destinationId));
            if (destination == null) {
                tally.missing(r.source.id(), destinationId);
            } else if (RowDigest.of(r.values) == RowDigest.of(destination)) {
                tally.same();
            } else {
                tally.differs(r.source.id(), destinationId, columns(table.plan(), r.values, destination));
            }
        }
    }

    private static List<ValueCheck.Column> columns(TablePlan plan, Object[] mapped, Object[] destination) {
        List<ValueCheck.Column> differ = new ArrayList<>();
        for (int i = 0; i < mapped.length; i++) {
            if (!RowDigest.same(mapped[i], destination[i])) {
                Slot slot = plan.slots().get(i);
                differ.add(new ValueCheck.Column(slot.attribute(), slot.destination().name(), RowDigest.shown(mapped[i]),
                        RowDigest.shown(destination[i])));
            }
        }
        return differ;
    }
}
