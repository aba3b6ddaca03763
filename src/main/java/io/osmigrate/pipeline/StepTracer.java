package io.osmigrate.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.NamedRoute;
import org.apache.camel.impl.engine.DefaultTracer;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.PatternHelper;
import org.apache.camel.support.processor.DefaultExchangeFormatter;

/**
 * Camel's tracer, switched on for chosen tables and routes (osmigrate.trace.*): it logs every traced step a message
 * passes, before and after it (category {@code org.apache.camel.Tracing}: the step's id, the exchange id and the headers,
 * so a record message names its run, table and source id once enriched), and adds each traced step's id to the
 * message's own trail, the exchange property {@link PipelineHeaders#STEPS}. A split copies its message's properties into each part, so a record carries the
 * steps of its table and batch before its own; a dead letter stores the trail of its record.
 *
 * <p>Which steps are traced is decided here, not by Camel's trace pattern, which the route host's camel-main
 * configuration would reset: a table route's steps when its table is named (or all tables are, with {@code *}),
 * and any route or step whose id matches one of the extra patterns (an id, a prefix ending in {@code *}, or a
 * regular expression: Camel's pattern syntax). Thread-safe: a trail is a new immutable list at every step.
 */
public final class StepTracer extends DefaultTracer {

    /** The route id of a table, e.g. data-6-OrdersCore-Order: the phase, the place in it, the table's name. */
    private static final String TABLE_ROUTE = "(data|lookup|deferred)-[0-9]+-";

    private final List<Pattern> tables;
    private final List<String> routes;

    /**
     * @param tables the traced tables, as Module.Entity; {@code *} for every table
     * @param routes more route or step ids to trace, in Camel's pattern syntax
     */
    public StepTracer(List<String> tables, List<String> routes) {
        this.tables = tables.stream().map(StepTracer::tablePattern).toList();
        this.routes = List.copyOf(routes);
        setTraceTemplates(true);
        DefaultExchangeFormatter format = new DefaultExchangeFormatter();
        format.setShowExchangeId(true);
        format.setShowRouteId(true);
        format.setShowHeaders(true);
        format.setShowBodyType(true);
        format.setShowBody(false); // a batch body holds thousands of rows
        format.setSkipBodyLineSeparator(true);
        format.setStyle(DefaultExchangeFormatter.OutputStyle.Default);
        setExchangeFormatter(format);
    }

    private static Pattern tablePattern(String table) {
        String id = table.equals("*") ? ".+" : Pattern.quote(table.replaceAll("[^A-Za-z0-9]", "-"));
        return Pattern.compile(TABLE_ROUTE + id);
    }

    @Override
    public boolean shouldTrace(NamedNode node) {
        if (!isEnabled()) {
            return false;
        }
        String routeId = CamelContextHelper.getRouteId(node);
        for (Pattern table : tables) {
            if (routeId != null && table.matcher(routeId).matches()) {
                return true;
            }
        }
        for (String pattern : routes) {
            if (PatternHelper.matchPattern(node.getId(), pattern) || routeId != null && PatternHelper.matchPattern(routeId, pattern)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isTraceTemplates() {
        return true; // the table routes are made from templates
    }

    @Override
    public void traceBeforeNode(NamedNode node, Exchange exchange) {
        if (shouldTrace(node)) {
            exchange.setProperty(PipelineHeaders.STEPS, trail(steps(exchange), node.getId()));
            log("-->", node, exchange);
        }
    }

    @Override
    public void traceAfterNode(NamedNode node, Exchange exchange) {
        if (shouldTrace(node)) {
            log("<--", node, exchange);
        }
    }

    @Override
    public void traceSentNode(NamedNode node, Exchange exchange, Endpoint endpoint, long elapsed) {
        if (shouldTrace(node)) {
            log("-->", node, exchange);
        }
    }

    @Override
    public void traceBeforeRoute(NamedRoute route, Exchange exchange) {
        // the steps say which route they belong to
    }

    @Override
    public void traceAfterRoute(NamedRoute route, Exchange exchange) {
        // the steps say which route they belong to
    }

    /** One line per traced step, before and after it: its id, the exchange's id and headers (a record's source id). */
    private void log(String direction, NamedNode node, Exchange exchange) {
        dumpTrace(direction + " " + node.getId() + " " + getExchangeFormatter().format(exchange), node);
    }

    /** The steps a message went through so far, where it was traced; empty otherwise. */
    public static List<String> steps(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<String> steps = exchange.getProperty(PipelineHeaders.STEPS, List.class);
        return steps == null ? List.of() : steps;
    }

    private static List<String> trail(List<String> steps, String id) {
        List<String> next = new ArrayList<>(steps.size() + 1);
        next.addAll(steps);
        next.add(id);
        return List.copyOf(next);
    }
}
