package io.osmigrate.pipeline;

import java.util.List;

import org.apache.camel.Exchange;

/**
 * The steps of an entity's pipeline, as Camel processors. Failures never escape into the aggregator
 * (where Camel would only log them): they are recorded on the {@link EntityJob}, whose source stream
 * is cancelled at once, and the data phase stops the run when the entity ends.
 */
final class EntityProcessors {

    private EntityProcessors() {
    }

    /** Opens the source stream; the body becomes the row iterator the splitter walks. */
    static void open(Exchange exchange) throws Exception {
        EntityJob job = exchange.getIn().getBody(EntityJob.class);
        exchange.setProperty(PipelineHeaders.JOB, job);
        exchange.getIn().setHeader(PipelineHeaders.RUN_ID, job.run().runId());
        exchange.getIn().setHeader(PipelineHeaders.PHASE, job.stats().phase());
        exchange.getIn().setHeader(PipelineHeaders.ENTITY, job.stats().entity());
        exchange.getIn().setBody(job.open());
    }

    /** One record: statics, tenants and users mapped; key-map references left for the batch. */
    static void enrich(Exchange exchange) {
        EntityJob job = exchange.getProperty(PipelineHeaders.JOB, EntityJob.class);
        try {
            SourceRow row = exchange.getIn().getBody(SourceRow.class);
            exchange.getIn().setHeader(PipelineHeaders.SOURCE_ID, row.id());
            exchange.getIn().setBody(job.fatal() == null ? Enricher.enrich(job, row) : null);
        } catch (RuntimeException e) {
            job.fail(e);
            exchange.getIn().setBody(null);
        }
    }

    /**
     * One batch, handed to the entity's writers. The aggregator completes it on the caller's thread; the
     * hand-over blocks while every writer is busy, so the reader never runs ahead by more than the
     * writers' count of batches.
     */
    @SuppressWarnings("unchecked")
    static void write(Exchange exchange) {
        EntityJob job = exchange.getProperty(PipelineHeaders.JOB, EntityJob.class);
        List<PendingRow> batch = exchange.getIn().getBody(List.class);
        if (job.fatal() != null || batch.isEmpty()) {
            return;
        }
        if (job.run().stop().isRequested()) {
            try {
                job.run().stop().check("the next batch of " + job.stats().entity());
            } catch (RunStoppedException e) {
                job.fail(e);
                return;
            }
        }
        job.writers().submit(batch);
    }
}
