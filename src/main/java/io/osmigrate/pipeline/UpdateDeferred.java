package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

import io.osmigrate.dialect.UpdatePath;
import io.osmigrate.maps.TypedValues;
import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.KeyMap;

/**
 * The sink of a deferred-references table: once a cycle group is loaded, the references inserted empty
 * (a cycle's broken edge, a self-reference) are set on the destination rows, each found through the row's
 * own pair, the values mapped through the key map in bulk, with the dialect's set-based update, one
 * committed batch at a time. Idempotent: every paired row is covered, not only this run's, since an older
 * row may now point at a row this run inserted, and a run that stopped halfway simply sets them again.
 * A reference that cannot be resolved leaves the row in the destination with it empty: the policy decides
 * whether that is reported as a dead letter ({@code dead-letter}), accepted ({@code empty}) or stops the
 * run ({@code fail}).
 */
final class UpdateDeferred {

    private UpdateDeferred() {
    }

    @SuppressWarnings("unchecked")
    static void process(Exchange exchange) throws SQLException {
        TableRun table = exchange.getProperty(PipelineHeaders.TABLE, TableRun.class);
        exchange.setProperty(PipelineHeaders.REJECTED, update(table, exchange.getIn().getBody(List.class)));
        exchange.getIn().setBody(null);
    }

    static List<DeadLetter> update(TableRun table, List<PendingRow> batch) throws SQLException {
        TablePlan plan = table.plan();
        List<PendingRow> rows = batch.stream().filter(UpdateDeferred::hasValue).toList();
        List<DeadLetter> letters = new ArrayList<>();
        if (rows.isEmpty()) {
            return letters;
        }
        KeyMap keyMap = table.run().state().keyMap();
        Map<Object, Object> ids = keyMap.lookup(plan.scope(), rows.stream().map(r -> r.source.id()).toList());
        List<Map<Object, Object>> mapped = new ArrayList<>();
        for (int col = 0; col < plan.slots().size(); col++) {
            int c = col;
            SlotSource.KeyMapped k = (SlotSource.KeyMapped) plan.slots().get(col).source();
            List<Object> wanted = rows.stream().map(r -> r.values[c]).filter(v -> v != null && !k.keeps(v)).toList();
            mapped.add(wanted.isEmpty() ? Map.of() : keyMap.lookup(k.scope(), wanted));
        }
        List<UpdatePath.Row> updates = new ArrayList<>(rows.size());
        for (PendingRow row : rows) {
            Object destinationId = ids.get(row.source.id());
            if (destinationId == null) {
                continue; // the row itself was not moved (dead-lettered): nothing to set
            }
            Object[] values = new Object[plan.slots().size()];
            for (int col = 0; col < values.length; col++) {
                Object value = row.values[col];
                if (value == null) {
                    continue;
                }
                if (((SlotSource.KeyMapped) plan.slots().get(col).source()).keeps(value)) {
                    values[col] = value; // a soft key's "none" (0, ""), inserted empty, is written back as it was
                    continue;
                }
                Object target = mapped.get(col).get(value);
                if (target != null) {
                    values[col] = TypedValues.id(target, plan.slots().get(col).kind());
                } else {
                    unresolved(table, row, col, value).ifPresent(letters::add);
                }
            }
            updates.add(new UpdatePath.Row(destinationId, values));
        }
        if (!updates.isEmpty()) {
            WriterConnection writer = table.writer();
            int changed = writer.updatePath(table).update(writer.connection(), updates);
            FaultInjection.pause("deferred-update");
            writer.connection().commit();
            table.stats().addDeferredUpdates(changed);
        }
        return letters;
    }

    private static java.util.Optional<DeadLetter> unresolved(TableRun table, PendingRow row, int col, Object value) {
        Slot slot = table.plan().slots().get(col);
        SlotSource.KeyMapped k = (SlotSource.KeyMapped) slot.source();
        String message = slot.attribute() + " → " + k.target().qualifiedName() + " id " + value + " "
                + ResolveReferences.explain(table, k.target(), k.lookupTarget(), value)
                + "; the row is in the destination with this reference empty";
        UnresolvedReferences.Outcome outcome = UnresolvedReferences.decide(table, row.source.id(), true,
                table.plan().unresolved(), message);
        table.stats().addNulled(1);
        if (outcome == UnresolvedReferences.Outcome.LEFT_EMPTY) {
            return java.util.Optional.empty();
        }
        table.stats().addDeadLettered(1);
        return java.util.Optional.of(DeadLetters.of(table, row.source.id(),
                ResolveReferences.reason(table, k.target(), k.lookupTarget(), value), message, null,
                Map.of(table.plan().read().columns().get(slot.sourceIndex()), value), null));
    }

    private static boolean hasValue(PendingRow row) {
        for (Object v : row.values) {
            if (v != null) {
                return true;
            }
        }
        return false;
    }
}
