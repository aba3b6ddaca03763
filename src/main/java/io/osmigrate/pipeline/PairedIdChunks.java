package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.osmigrate.state.KeyMap;

/**
 * A table's source identifiers alone, streamed in identifier order a chunk at a time, each chunk with the key map's
 * pairs of its ids: how a top-up finds the rows it must move ({@link UnpairedRows}) and a sampled reconciliation the
 * rows it compares ({@link PairedSample}). Only the current chunk is held.
 */
final class PairedIdChunks {

    static final int CHUNK = 10_000;

    /** What to do with one chunk: its ids in order, and the pairs the key map holds for them; false stops the scan. */
    interface Visitor {
        boolean visit(List<Object> ids, Map<Object, Object> pairs);
    }

    private PairedIdChunks() {
    }

    static void scan(RunContext run, TablePlan plan, Visitor visitor) throws SQLException {
        KeyMap keyMap = run.state().keyMap();
        TableRead ids = new TableRead(plan.read().table(), plan.read().idColumn(), plan.read().idKind(), List.of(), List.of(),
                plan.read().filter());
        try (RowStream rows = RowStream.open(run.source().dataSource(), run.source().dialect(), ids, run.settings().fetchSize())) {
            List<Object> chunk = new ArrayList<>(CHUNK);
            while (rows.hasNext() || !chunk.isEmpty()) {
                if (rows.hasNext()) {
                    chunk.add(rows.next().id());
                    if (chunk.size() < CHUNK) {
                        continue;
                    }
                }
                run.stop().check(plan.name());
                if (!visitor.visit(chunk, keyMap.lookup(plan.scope(), chunk))) {
                    return;
                }
                chunk.clear();
            }
        }
    }
}
