package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.plan.PlannedEntity;

/**
 * The data phase: lookups are resolved, then every moved entity runs through its own pipeline route
 * (instantiated from the template, removed when the entity is done, so no batch state outlives it),
 * in load order; the deferred references of a cycle group are set once its last entity is loaded.
 * A fatal error stops the phase with {@link RunAbortedException}.
 */
public final class DataPhase {

    private static final Logger LOG = LoggerFactory.getLogger(DataPhase.class);

    private DataPhase() {
    }

    /**
     * Runs the phase; each step's figures go to {@code done} as soon as it finishes, so a phase that stops
     * halfway still reports the entities it completed.
     */
    public static void run(RunContext run, CamelContext camel, Progress progress, Consumer<EntityStats> done) throws Exception {
        for (PlannedEntity lookup : run.plan().lookups()) {
            run.stop().check("the lookup of " + lookup.entity().qualifiedName());
            EntityStats stats = LookupBuilder.build(run, lookup);
            stats.finish();
            done.accept(stats);
        }
        List<PlannedEntity> moved = run.plan().moved();
        progress.expect(moved.size(), moved.stream().mapToLong(PlannedEntity::sourceRows).sum());
        Map<Integer, Integer> lastOfGroup = new HashMap<>();
        for (int i = 0; i < moved.size(); i++) {
            lastOfGroup.put(moved.get(i).cycleGroup(), i);
        }
        for (int i = 0; i < moved.size(); i++) {
            PlannedEntity entity = moved.get(i);
            run.stop().check(entity.entity().qualifiedName());
            move(run, camel, entity, progress, done);
            if (lastOfGroup.get(entity.cycleGroup()) == i) {
                for (PlannedEntity member : moved) {
                    if (member.cycleGroup() == entity.cycleGroup() && !member.deferredColumns().isEmpty()) {
                        done.accept(deferred(run, member));
                    }
                }
            }
        }
    }

    private static void move(RunContext run, CamelContext camel, PlannedEntity entity, Progress progress,
                             Consumer<EntityStats> done) throws Exception {
        String name = "data-" + entity.order() + "-" + entity.entity().qualifiedName().replaceAll("[^A-Za-z0-9]", "-");
        try (EntityJob job = new EntityJob(run, entity)) {
            LOG.info("{}: moving up to {} source rows", job.stats().entity(), entity.sourceRows());
            progress.start(job.stats(), entity.sourceRows());
            String routeId = TemplatedRouteBuilder.builder(camel, PipelineHeaders.TEMPLATE).routeId(name)
                    .parameter("name", name).parameter("batchSize", Integer.toString(entity.batchSize())).add();
            try {
                run.producer().requestBody("direct:" + name, job);
            } catch (CamelExecutionException e) {
                job.fail(e.getCause() == null ? e : e.getCause());
            } finally {
                job.awaitWriters();
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
                progress.finish(job.stats());
                job.stats().finish();
            }
            if (job.fatal() != null) {
                job.stats().markFailed();
                done.accept(job.stats());
                Throwable f = job.fatal();
                throw f instanceof RunAbortedException abort ? abort
                        : new RunAbortedException(entity.entity().qualifiedName() + ": " + describe(f), f);
            }
            LOG.info("{}: {} read, {} inserted, {} matched, {} skipped, {} dead-lettered", job.stats().entity(),
                    job.stats().read(), job.stats().inserted.get(), job.stats().matched.get(), job.stats().skipped.get(),
                    job.stats().deadLettered.get());
            done.accept(job.stats());
        }
    }

    private static EntityStats deferred(RunContext run, PlannedEntity entity) {
        try {
            EntityStats stats = DeferredUpdater.update(run, entity);
            stats.finish();
            return stats;
        } catch (SQLException e) {
            throw new RunAbortedException(entity.entity().qualifiedName() + ": setting deferred references failed: "
                    + e.getMessage(), e);
        }
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
