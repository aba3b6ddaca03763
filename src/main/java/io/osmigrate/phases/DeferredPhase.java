package io.osmigrate.phases;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.pipeline.DeferredRows;
import io.osmigrate.pipeline.EntityStats;
import io.osmigrate.pipeline.PipelineHeaders;
import io.osmigrate.pipeline.Progress;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.pipeline.TablePlan;
import io.osmigrate.pipeline.TableRun;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.state.DeferredMarks;

/**
 * The deferred phase, after the data phase: the references inserted empty to break a cycle (and every
 * self-reference) are set on the moved rows, entity by entity in load order (table-update). Every row a
 * deferred reference points at exists by then. A step that covered every row marks how far the key map was
 * then ({@link DeferredMarks}); a later run that does not refresh sets only the rows paired since and the rows
 * pointing at them ({@link DeferredRows}), so a top-up costs what it moves. Without a mark (a first run, or one that
 * stopped before its mark), with a refresh, or with too many rows paired since, every paired row is set again:
 * idempotent. A replay sets them on its selected rows only, and marks nothing.
 */
public final class DeferredPhase {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredPhase.class);

    private DeferredPhase() {
    }

    /** @param refresh whether the run brings the rows moved before up to date, their deferred references included */
    public static void run(RunContext run, CamelContext camel, Progress progress, Consumer<EntityStats> done,
                           RowSelection rows, boolean refresh) throws Exception {
        DeferredMarks marks = run.state().deferredMarks();
        for (PlannedEntity entity : DataPhase.movedThisRun(run)) {
            Optional<Set<String>> only = rows.deferred(entity.entity().qualifiedName());
            if (entity.deferredColumns().isEmpty() || only.map(Set::isEmpty).orElse(false)) {
                continue;
            }
            run.stop().check("the deferred references of " + entity.entity().qualifiedName());
            TablePlan plan = TablePlans.deferred(run, entity);
            long last = run.state().keyMap().lastBatchId();
            OptionalLong mark = only.isPresent() || refresh ? OptionalLong.empty() : marks.mark(plan.scope());
            TablePlan restricted = plan;
            if (only.isPresent()) {
                restricted = plan.restrictedTo(only.get());
            } else if (mark.isPresent()) {
                Optional<List<String>> since = DeferredRows.since(run, plan, mark.getAsLong());
                if (since.isPresent()) {
                    restricted = plan.restrictedTo(since.get());
                    LOG.info("{}: deferred references set up to key-map batch {}; {} rows paired since or pointing at rows"
                            + " paired since", entity.entity().qualifiedName(), mark.getAsLong(), since.get().size());
                }
            }
            TableRoute.move(camel, PipelineHeaders.UPDATE_TEMPLATE, entity.order(), new TableRun(run, restricted), progress, done);
            if (only.isEmpty()) {
                marks.set(plan.scope(), last, run.runId());
            }
        }
    }
}
