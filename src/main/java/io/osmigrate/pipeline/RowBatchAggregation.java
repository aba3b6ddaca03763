package io.osmigrate.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Gathers record messages into a batch: the first record's exchange carries the list (as the
 * aggregate EIP asks, the old or new exchange is returned, never a fresh one). A record whose
 * enrichment stopped the entity carries no row and is left out.
 */
final class RowBatchAggregation implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        PendingRow row = newExchange.getIn().getBody(PendingRow.class);
        if (oldExchange == null) {
            List<PendingRow> batch = new ArrayList<>();
            if (row != null) {
                batch.add(row);
            }
            newExchange.getIn().setBody(batch);
            return newExchange;
        }
        if (row != null) {
            oldExchange.getIn().getBody(List.class).add(row);
        }
        return oldExchange;
    }
}
