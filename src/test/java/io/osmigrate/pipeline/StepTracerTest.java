package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;

/** Which steps the tracer follows: a named table's route steps (not a table whose name starts alike), and patterns. */
class StepTracerTest {

    private static ProcessDefinition step(String routeId, String stepId) {
        RouteDefinition route = new RouteDefinition();
        route.setId(routeId);
        ProcessDefinition step = new ProcessDefinition();
        step.setId(stepId);
        step.setParent(route);
        return step;
    }

    @Test
    void followsTheNamedTablesRoutesOnly() {
        StepTracer tracer = new StepTracer(List.of("OrdersCore.Order"), List.of());
        assertThat(tracer.shouldTrace(step("data-6-OrdersCore-Order", "data-6-OrdersCore-Order-write"))).isTrue();
        assertThat(tracer.shouldTrace(step("deferred-6-OrdersCore-Order", "deferred-6-OrdersCore-Order-update"))).isTrue();
        assertThat(tracer.shouldTrace(step("data-7-OrdersCore-OrderLine", "data-7-OrdersCore-OrderLine-write"))).isFalse();
        assertThat(tracer.shouldTrace(step("run", "run-data"))).isFalse();
    }

    @Test
    void everyTableWithAStarAndOtherRoutesByPattern() {
        StepTracer tracer = new StepTracer(List.of("*"), List.of("phase-*", "dead-letter"));
        assertThat(tracer.shouldTrace(step("lookup-1-CatalogCore-Product", "lookup-1-CatalogCore-Product-match"))).isTrue();
        assertThat(tracer.shouldTrace(step("phase-data", "data-tables"))).isTrue();
        assertThat(tracer.shouldTrace(step("dead-letter", "dead-letter-store"))).isTrue();
        assertThat(tracer.shouldTrace(step("run", "run-finish"))).isFalse();
    }

    @Test
    void followsNothingOnceDisabled() {
        StepTracer tracer = new StepTracer(List.of("*"), List.of());
        tracer.setEnabled(false);
        assertThat(tracer.shouldTrace(step("data-6-OrdersCore-Order", "data-6-OrdersCore-Order-write"))).isFalse();
    }
}
