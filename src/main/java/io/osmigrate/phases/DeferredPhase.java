package io.osmigrate.phases;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;

import io.osmigrate.pipeline.EntityStats;
import io.osmigrate.pipeline.PipelineHeaders;
import io.osmigrate.pipeline.Progress;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.pipeline.TablePlan;
import io.osmigrate.pipeline.TableRun;
import io.osmigrate.plan.PlannedEntity;

/**
 * The deferred phase, after the data phase: the references inserted empty to break a cycle (and every
 * self-reference) are set on the moved rows, entity by entity in load order (table-update). Every row a
 * deferred reference points at exists by then. Idempotent: it covers every paired row, so a run that
 * stopped halfway, or a top-up, sets them all again. A replay sets them on its selected rows only.
 */
public final class DeferredPhase {

    private DeferredPhase() {
    }

    public static void run(RunContext run, CamelContext camel, Progress progress, Consumer<EntityStats> done,
                           RowSelection rows) throws Exception {
        for (PlannedEntity entity : DataPhase.movedThisRun(run)) {
            Optional<Set<String>> only = rows.deferred(entity.entity().qualifiedName());
            if (entity.deferredColumns().isEmpty() || only.map(Set::isEmpty).orElse(false)) {
                continue;
            }
            run.stop().check("the deferred references of " + entity.entity().qualifiedName());
            TablePlan plan = TablePlans.deferred(run, entity);
            TableRoute.move(camel, PipelineHeaders.UPDATE_TEMPLATE, entity.order(),
                    new TableRun(run, only.isPresent() ? plan.restrictedTo(only.get()) : plan), progress, done);
        }
    }
}
