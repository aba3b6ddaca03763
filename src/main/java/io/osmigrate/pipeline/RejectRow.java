package io.osmigrate.pipeline;

import org.apache.camel.Exchange;

import io.osmigrate.state.DeadLetter;

/**
 * The last step of a batch, once per row that could not be written: it fails that row's own exchange, so
 * the route configuration's error handler sends it down the dead-letter channel, with the steps the record went
 * through where its table is traced. Stateless.
 */
final class RejectRow {

    private RejectRow() {
    }

    static void process(Exchange exchange) {
        DeadLetter letter = exchange.getIn().getBody(DeadLetter.class).withSteps(StepTracer.steps(exchange));
        exchange.getIn().setHeader(PipelineHeaders.SOURCE_ID, letter.sourceId());
        throw new RowRejectedException(letter);
    }
}
