package io.osmigrate.pipeline;

import java.sql.SQLException;

import org.apache.camel.Exchange;

/**
 * The first step of a table route: opens the table's ordered, streamed source read; the body becomes the
 * stream of its batches for the splitter. Stamps the run, phase and table headers every message inherits.
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
        exchange.getIn().setBody(table.open());
    }
}
