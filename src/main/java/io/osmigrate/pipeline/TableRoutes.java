package io.osmigrate.pipeline;

import java.util.concurrent.ExecutorService;

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
 * direct:&lt;table&gt;                       (route configuration osmigrate-table-errors: no redelivery)
 *   -read        the ordered, streamed source read, a batch at a time, on the readers' pool (osmReaders),
 *                as many batches ahead of the writers as there are writers
 *   -batches     split into batches, handed to the writers' pool (osmWriters: as many threads as
 *                osmigrate.writers; the split queues its next batch behind the one it handed over)
 *     -records   split into one message per record, gathered back into the batch
 *       -enrich  statics, tenants and users mapped (in-memory maps)
 *     ... the sink: insert (-skip-paired, -resolve, -write: to direct:write, the write route, retried there),
 *         lookup (-match), update (-update),
 *         refresh (-resolve, -refresh) or reconcile (-resolve, -compare: nothing written, no -reject)
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
        writeRoute();
        insertSink(table(PipelineHeaders.INSERT_TEMPLATE));
        lookupSink(table(PipelineHeaders.LOOKUP_TEMPLATE));
        updateSink(table(PipelineHeaders.UPDATE_TEMPLATE));
        refreshSink(table(PipelineHeaders.REFRESH_TEMPLATE));
        reconcileSink(table(PipelineHeaders.RECONCILE_TEMPLATE));
    }

    /** The steps every table route shares, up to the sink; the caller adds the sink's steps. */
    private ProcessorDefinition<?> table(String template) {
        RouteTemplateDefinition t = routeTemplate(template).templateParameter("name");
        // no stream caching: a table route's bodies are rows and batches, never streams, and the check costs per record
        return t.from("direct:{{name}}").routeConfigurationId(PipelineHeaders.TABLE_ROUTE_CONFIGURATION).streamCache("false")
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
                .to(PipelineHeaders.WRITE_ENDPOINT).id("{{name}}-write"));
    }

    /**
     * The write, a route of its own under the retry policy (osmigrate-errors): a transient failure redelivers the
     * batch's write, after a wait, and nothing else of the table route, which has no redelivery (RouteErrors).
     */
    private void writeRoute() {
        from(PipelineHeaders.WRITE_ENDPOINT).routeId("write").routeConfigurationId(PipelineHeaders.ROUTE_CONFIGURATION)
                .streamCache("false")
                .process(WriteBatch::process).id("write-batch");
    }

    private void lookupSink(ProcessorDefinition<?> batch) {
        batch.process(MatchLookup::process).id("{{name}}-match").end();
    }

    private void updateSink(ProcessorDefinition<?> batch) {
        reject(batch.process(UpdateDeferred::process).id("{{name}}-update"));
    }

    private void refreshSink(ProcessorDefinition<?> batch) {
        reject(batch.process(ResolveReferences::process).id("{{name}}-resolve")
                .process(RefreshRows::process).id("{{name}}-refresh"));
    }

    /** A comparison writes nothing: a row that cannot be mapped is counted, never dead-lettered, so no -reject. */
    private void reconcileSink(ProcessorDefinition<?> batch) {
        batch.process(ResolveReferences::process).id("{{name}}-resolve")
                .process(CompareRows::process).id("{{name}}-compare")
            .end();
    }

    private void reject(ProcessorDefinition<?> batch) {
        batch.split(exchangeProperty(PipelineHeaders.REJECTED)).id("{{name}}-reject")
                .process(RejectRow::process).id("{{name}}-dead-letter")
            .end()
        .end();
    }

    /**
     * The writers: a Camel-managed pool of {@code osmigrate.writers} threads, and the readers' pool a table's
     * source is read on. The splitter hands each batch to the writers' queue from one of the writers'
     * threads, then queues its own next turn behind that batch; so the queue never holds more than one
     * waiting batch, and no more than the writers' count plus one, plus the batches read ahead, is ever in
     * memory. A bounded queue that blocks when full would block that writer's thread with the batches it
     * waits for queued behind it: with one writer the data phase hung (docs/table-pipeline.md).
     */
    private void bindWriters() {
        ThreadPoolProfile profile = new ThreadPoolProfile(PipelineHeaders.WRITERS);
        profile.setPoolSize(writers);
        profile.setMaxPoolSize(writers);
        profile.setMaxQueueSize(Integer.MAX_VALUE); // unbounded: Camel makes a hand-over queue of -1
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        ExecutorService pool = getContext().getExecutorServiceManager().newThreadPool(this, "osm-writer", profile);
        getContext().getRegistry().bind(PipelineHeaders.WRITERS, pool);
        getContext().getRegistry().bind(PipelineHeaders.READERS,
                getContext().getExecutorServiceManager().newCachedThreadPool(this, "osm-reader"));
    }
}
