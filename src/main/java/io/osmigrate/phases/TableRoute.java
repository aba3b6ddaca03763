package io.osmigrate.phases;

import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.TemplatedRouteBuilder;

import io.osmigrate.pipeline.EntityStats;
import io.osmigrate.pipeline.Progress;
import io.osmigrate.pipeline.RunAbortedException;
import io.osmigrate.pipeline.RunStoppedException;
import io.osmigrate.pipeline.TablePlan;
import io.osmigrate.pipeline.TableRun;

/**
 * Moves one planned table through a route made from a table template: the route is added for the table
 * and removed when it is done, so no state of one table outlives it. A table is done when its route
 * returns: every batch written and recorded, or the failure that stopped it thrown here. Its figures go
 * to {@code done} either way, so a run that stops halfway still reports the table.
 */
final class TableRoute {

    private TableRoute() {
    }

    /** What stopped a table: the run-stopping exception it carries, else its deepest cause, named. */
    private static RunAbortedException failure(TablePlan plan, Exception e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RunAbortedException abort) {
                return abort;
            }
            deepest = t;
        }
        return new RunAbortedException(plan.name() + ": " + deepest.getClass().getSimpleName() + ": " + deepest.getMessage(),
                deepest);
    }

    /**
     * @param template one of the table templates (PipelineHeaders)
     * @param order    the table's place in its phase, for a readable and unique route id
     * @throws RunAbortedException the table failed, or (RunStoppedException) the run was asked to stop
     */
    static void move(CamelContext camel, String template, int order, TableRun table, Progress progress,
                     Consumer<EntityStats> done) throws Exception {
        TablePlan plan = table.plan();
        String id = plan.phase().wire() + "-" + order + "-" + plan.name().replaceAll("[^A-Za-z0-9]", "-");
        EntityStats stats = table.stats();
        try (table) {
            progress.start(stats, plan.rows());
            String routeId;
            synchronized (camel) { // tables moved at once (osmigrate.tables-at-once): Camel's model takes one change at a time
                routeId = TemplatedRouteBuilder.builder(camel, template).routeId(id).parameter("name", id).add();
            }
            try {
                table.run().producer().requestBody("direct:" + id, table);
            } catch (CamelExecutionException e) {
                stats.markFailed();
                throw failure(plan, e);
            } finally {
                synchronized (camel) {
                    camel.getRouteController().stopRoute(routeId);
                    camel.removeRoute(routeId);
                }
                progress.finish(stats);
                if (table.stopped()) {
                    stats.markStopped();
                }
                stats.finish();
                done.accept(stats);
            }
        }
        if (table.stopped()) {
            throw new RunStoppedException("stopped (" + table.run().stop().reason() + ") during " + plan.name()
                    + ", after the batches in flight; every batch written so far is committed and recorded, nothing is"
                    + " half-written. Run again to resume where it stopped");
        }
    }
}
