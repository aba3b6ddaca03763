package io.osmigrate.sample;

import static io.osmigrate.sample.SampleSolution.WORKFLOW_CORE;

import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * WorkflowCore's OrderTracking rows (source only): one per root OrderFulfillment, pointing at its order and,
 * through ProcessId, at the process instance (empty on every fifth, whose tracking outlived the process).
 */
final class WorkflowData {

    private WorkflowData() {
    }

    static void writeSource(Generation g, BptInstances instances) throws SQLException {
        try (RowSink sink = g.sink(g.model.entity(WORKFLOW_CORE, "OrderTracking"), "Id", "OrderId", "ProcessId",
                "TrackingCode", "UpdatedOn")) {
            for (BptInstances.Fulfillment f : instances.fulfillments) {
                SplittableRandom r = RowRandom.of(g.seed(), "OrderTracking", f.index());
                long id = f.index();
                sink.add(id, f.order(), id % 5 == 0 ? null : (Object) f.process(),
                        id % 4 == 1 ? null : ValuePools.padded("TRK-", r.nextInt(1_000_000), 8),
                        id % 3 == 0 ? null : ValuePools.dateTime(r));
            }
        }
    }
}
