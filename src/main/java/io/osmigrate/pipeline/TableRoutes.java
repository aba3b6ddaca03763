package io.osmigrate.pipeline;

import java.util.concurrent.ThreadPoolExecutor;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The table pipeline, as Camel route templates: every planned table is moved by a route made from one
 * of them, and its stages are the route's steps.
 *
 * <pre>
 * direct:&lt;table&gt;
 *   -read        the ordered, streamed source read, a batch at a time
 *   -batches     split into batches, handed to the writers' pool (osmWriters: as many threads as
 *                osmigrate.writers, a bounded queue; the split blocks while it is full)
 *     -records   split into one message per record, gathered back into the batch
 *       -enrich  statics, tenants and users mapped (in-memory maps)
 *     ... the sink: insert (-skip-paired, -resolve, -write), lookup (-match) or update (-update)
 *     -reject    one message per row that cannot be written, failed into the dead-letter channel
 * </pre>
 *
 * A table is done when the batches split returns: every batch is written and recorded, or one failed and
 * stopped it (the failure reaches the caller). Batching is the split of batches, not the Aggregate EIP:
 * an aggregator completing batches inside a record split nests one call frame per batch on the splitter's
 * thread, and a table of a few hundred batches overflowed a writer thread's stack (docs/table-pipeline.md).
 */
public final class TableRoutes extends RouteBuilder {

    private final int writers;

    public TableRoutes(int writers) {
        this.writers = writers;
    }

    @Override
    public void configure() {
        bindWriters();
        insertSink(table(PipelineHeaders.INSERT_TEMPLATE));
        lookupSink(table(PipelineHeaders.LOOKUP_TEMPLATE));
        updateSink(table(PipelineHeaders.UPDATE_TEMPLATE));
    }

    /** The steps every table route shares, up to the sink; the caller adds the sink's steps. */
    private ProcessorDefinition<?> table(String template) {
        RouteTemplateDefinition t = routeTemplate(template).templateParameter("name");
        return t.from("direct:{{name}}").routeConfigurationId(PipelineHeaders.ROUTE_CONFIGURATION)
                .process(ReadTable::process).id("{{name}}-read")
                .split(body()).streaming().parallelProcessing().executorService(PipelineHeaders.WRITERS).stopOnException()
                .id("{{name}}-batches")
                    .split(body(), new GroupedBodyAggregationStrategy()).stopOnException().id("{{name}}-records")
                        .process(EnrichRecord::process).id("{{name}}-enrich")
                    .end();
    }

    private void insertSink(ProcessorDefinition<?> batch) {
        reject(batch.process(SkipPaired::process).id("{{name}}-skip-paired")
                .process(ResolveReferences::process).id("{{name}}-resolve")
                .process(WriteBatch::process).id("{{name}}-write"));
    }

    private void lookupSink(ProcessorDefinition<?> batch) {
        batch.process(MatchLookup::process).id("{{name}}-match").end();
    }

    private void updateSink(ProcessorDefinition<?> batch) {
        reject(batch.process(UpdateDeferred::process).id("{{name}}-update"));
    }

    private void reject(ProcessorDefinition<?> batch) {
        batch.split(exchangeProperty(PipelineHeaders.REJECTED)).id("{{name}}-reject")
                .process(RejectRow::process).id("{{name}}-dead-letter")
            .end()
        .end();
    }

    /**
     * The writers: a Camel-managed pool of {@code osmigrate.writers} threads with a queue of as many
     * batches; a batch handed over while all are busy and the queue is full waits (the split blocks), so
     * no more than twice the writers' count of batches is ever in memory.
     */
    private void bindWriters() {
        ThreadPoolProfile profile = new ThreadPoolProfile(PipelineHeaders.WRITERS);
        profile.setPoolSize(writers);
        profile.setMaxPoolSize(writers);
        profile.setMaxQueueSize(writers);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        ThreadPoolExecutor pool = (ThreadPoolExecutor) getContext().getExecutorServiceManager()
                .newThreadPool(this, "osm-writer", profile);
        pool.setRejectedExecutionHandler((task, executor) -> {
            try {
                executor.getQueue().put(task);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.RejectedExecutionException("interrupted while waiting for a writer", e);
            }
        });
        getContext().getRegistry().bind(PipelineHeaders.WRITERS, pool);
    }
}
