package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.osmigrate.state.KeyMap;

/**
 * Which rows a re-run's deferred step must set, when an earlier step set every row paired up to a key-map batch (the
 * mark, {@link io.osmigrate.state.DeferredMarks}): the rows paired since, whose references were inserted empty, and
 * the rows whose deferred references point at rows paired since (a parent that arrived late, or was replayed). Those
 * are found by streaming the identifiers and the deferred columns alone, without the table route; every other row
 * has its references set already. Where more rows were paired since than a top-up fetches by id
 * ({@link UnpairedRows#MAX_UNPAIRED}, or a fifth of the table), the whole table is set again.
 */
public final class DeferredRows {

    private DeferredRows() {
    }

    /** The identifiers (as text) of the rows to set; empty when the whole table should be. */
    public static Optional<List<String>> since(RunContext run, TablePlan plan, long mark) throws SQLException {
        KeyMap keyMap = run.state().keyMap();
        long limit = Math.min(UnpairedRows.MAX_UNPAIRED, Math.max(PairedIdChunks.CHUNK, plan.rows() / 5));
        Optional<Set<Object>> own = keyMap.sourceIdsAfter(plan.scope(), mark, limit);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        List<Set<Object>> targets = new ArrayList<>();
        boolean anyTarget = false;
        for (Slot slot : plan.slots()) {
            Optional<Set<Object>> arrived = keyMap.sourceIdsAfter(((SlotSource.KeyMapped) slot.source()).scope(), mark, limit);
            if (arrived.isEmpty()) {
                return Optional.empty();
            }
            targets.add(arrived.get());
            anyTarget |= !arrived.get().isEmpty();
        }
        if (!anyTarget) {
            return Optional.of(own.get().stream().map(Object::toString).toList());
        }
        List<String> ids = new ArrayList<>();
        try (RowStream rows = RowStream.open(run.source().dataSource(), run.source().dialect(), plan.read(),
                run.settings().fetchSize())) {
            for (long read = 1; rows.hasNext(); read++) {
                if (read % PairedIdChunks.CHUNK == 0) {
                    run.stop().check(plan.name());
                }
                SourceRow row = rows.next();
                if (own.get().contains(row.id()) || pointsAtArrived(plan, row, targets)) {
                    ids.add(row.id().toString());
                }
            }
        }
        return Optional.of(ids);
    }

    private static boolean pointsAtArrived(TablePlan plan, SourceRow row, List<Set<Object>> targets) {
        for (int i = 0; i < targets.size(); i++) {
            Slot slot = plan.slots().get(i);
            Object value = row.values()[slot.sourceIndex()];
            if (value != null && targets.get(i).contains(((SlotSource.KeyMapped) slot.source()).key(value))) {
                return true;
            }
        }
        return false;
    }
}
