package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

import org.apache.camel.Exchange;

/**
 * The first step of a table route: opens the table's ordered, streamed source read on the readers' pool,
 * as many batches ahead as there are writers; the body becomes the stream of its batches for the splitter. Stamps the run, phase and table headers every message inherits.
 */
final class ReadTable {

    private ReadTable() {
    }

    static void process(Exchange exchange) throws SQLException {
        TableRun table = exchange.getIn().getBody(TableRun.class);
        exchange.setProperty(PipelineHeaders.TABLE, table);
        exchange.getIn().setHeader(PipelineHeaders.RUN_ID, table.run().runId());
        exchange.getIn().setHeader(PipelineHeaders.PHASE, table.plan().phase().wire());
        exchange.getIn().setHeader(PipelineHeaders.ENTITY, table.plan().name());
        ThreadPoolExecutor writers = exchange.getContext().getRegistry()
                .lookupByNameAndType(PipelineHeaders.WRITERS, ThreadPoolExecutor.class);
        ExecutorService readers = exchange.getContext().getRegistry()
                .lookupByNameAndType(PipelineHeaders.READERS, ExecutorService.class);
        exchange.getIn().setBody(table.open(readers, writers.getCorePoolSize()));
    }
}
