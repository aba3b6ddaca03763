package io.osmigrate.pipeline;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import io.osmigrate.state.DeadLetter;

/**
 * The dead-letter channel's endpoint: one message per record that could not be moved, stored in the state
 * store's OSM_DEAD_LETTER with camel-sql. A dead letter that cannot be stored fails its exchange, and
 * with it the batch and the run: none is lost silently.
 */
public final class DeadLetterRoute extends RouteBuilder {

    static final String INSERT = "INSERT INTO OSM_DEAD_LETTER (RUN_ID, PHASE, ENTITY, SOURCE_ID, REASON, ERROR_CLASS,"
            + " SQL_STATE, VENDOR_CODE, MESSAGE, SOURCE_ROW, MAPPED_ROW, CREATED_AT, STEPS) VALUES (:#runId, :#phase, :#entity,"
            + " :#sourceId, :#reason, :#errorClass, :#sqlState, :#vendorCode, :#message, :#sourceRow, :#mappedRow, :#createdAt,"
            + " :#steps)";

    @Override
    public void configure() {
        from(PipelineHeaders.DEAD_LETTER_ENDPOINT).routeId("dead-letter").routeConfigurationId(PipelineHeaders.ROUTE_CONFIGURATION)
                .process(DeadLetterRoute::parameters).id("dead-letter-parameters")
                .to("sql:" + INSERT + "?dataSource=#" + PipelineHeaders.STATE_STORE).id("dead-letter-store");
    }

    /** The dead letter as the statement's named parameters. */
    static void parameters(Exchange exchange) {
        DeadLetter d = exchange.getIn().getBody(DeadLetter.class);
        Map<String, Object> p = new HashMap<>();
        p.put("runId", d.runId());
        p.put("phase", d.phase());
        p.put("entity", d.entity());
        p.put("sourceId", d.sourceId());
        p.put("reason", d.reason());
        p.put("errorClass", d.errorClass());
        p.put("sqlState", d.sqlState());
        p.put("vendorCode", d.vendorCode());
        p.put("message", truncate(d.message()));
        p.put("sourceRow", d.sourceRow());
        p.put("mappedRow", d.mappedRow());
        p.put("createdAt", Timestamp.from(d.createdAt()));
        p.put("steps", d.stepsText());
        exchange.getIn().setHeader(PipelineHeaders.SOURCE_ID, d.sourceId());
        exchange.getIn().setBody(p);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
    }
}
