package io.osmigrate.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

/**
 * Drops the rows of a batch that already have a pair in the key map: an earlier run moved them. This is
 * what makes a re-run, a top-up and a resumed run insert only what is missing. Stateless.
 */
final class SkipPaired {

    private SkipPaired() {
    }

    @SuppressWarnings("unchecked")
    static void process(Exchange exchange) {
        TableRun table = exchange.getProperty(PipelineHeaders.TABLE, TableRun.class);
        List<PendingRow> batch = exchange.getIn().getBody(List.class);
        exchange.getIn().setBody(unpaired(table, batch));
    }

    static List<PendingRow> unpaired(TableRun table, List<PendingRow> batch) {
        Map<Object, Object> moved = table.run().state().keyMap().lookup(table.plan().scope(),
                batch.stream().map(r -> r.source.id()).toList());
        if (moved.isEmpty()) {
            return batch;
        }
        List<PendingRow> rows = new ArrayList<>(batch.size() - moved.size());
        for (PendingRow r : batch) {
            if (moved.containsKey(r.source.id())) {
                table.stats().countSkipped(1);
            } else {
                rows.add(r);
            }
        }
        return rows;
    }
}
