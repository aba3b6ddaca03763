package io.osmigrate.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.concurrent.SynchronousExecutorService;

import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.DeadLetterStore;

/**
 * The data pipeline as Camel routes: the route template every moved entity is instantiated from
 * (streamed read → split into ordered record messages → enrich → aggregate into batches → write),
 * and the dead-letter channel (one message per batch's dead letters, written in one transaction).
 *
 * <p>The aggregator runs on the caller's thread, checks completion eagerly and completes on the
 * splitter's last record, so a table is finished only when its last batch is written and its pairs
 * recorded, and no partial batch is ever left behind (see camel-pipeline-measurements).
 */
public final class PipelineRoutes extends RouteBuilder {

    private final DeadLetterStore deadLetters;

    public PipelineRoutes(DeadLetterStore deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure() {
        routeTemplate(PipelineHeaders.TEMPLATE)
                .templateParameter("name")
                .templateParameter("batchSize")
                .from("direct:{{name}}")
                .process(EntityProcessors::open).id("{{name}}-read")
                .split(body()).streaming().id("{{name}}-split")
                    .process(EntityProcessors::enrich).id("{{name}}-enrich")
                    // one route per entity, so one correlation group: a constant key spares Camel turning the
                    // job into a String for every record
                    .aggregate(constant("batch"), new RowBatchAggregation())
                        .completionSize("{{batchSize}}")
                        .completionPredicate(exchangeProperty(Exchange.SPLIT_COMPLETE).isEqualTo(true))
                        .eagerCheckCompletion()
                        .executorService(new SynchronousExecutorService())
                        .id("{{name}}-batch")
                        .process(EntityProcessors::write).id("{{name}}-write")
                    .end()
                .end();

        from(PipelineHeaders.DEAD_LETTER_ENDPOINT).routeId("dead-letter")
                .process(this::write).id("dead-letter-write");
    }

    @SuppressWarnings("unchecked")
    private void write(Exchange exchange) {
        deadLetters.write((java.util.List<DeadLetter>) exchange.getIn().getBody(java.util.List.class));
    }
}
