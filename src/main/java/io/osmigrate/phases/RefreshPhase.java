package io.osmigrate.phases;

import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;

import io.osmigrate.pipeline.EntityStats;
import io.osmigrate.pipeline.PipelineHeaders;
import io.osmigrate.pipeline.Progress;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.pipeline.TablePlan;
import io.osmigrate.pipeline.TableRun;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.spec.ConflictPolicy;
import io.osmigrate.state.PairBlock;

/**
 * The refresh step, after the data phase and before the deferred references: the rows moved by earlier runs
 * are read again, mapped like an insert, and set on their paired destination rows where they differ
 * (table-refresh), entity by entity in load order, so a re-run brings the destination up to date without a
 * clean. With {@code --refresh} (or {@code refresh: changed}) every moved entity is refreshed; otherwise only
 * an entity under {@code onConflict: update-existing}, and only its rows matched with a destination row that
 * held their unique key. BPT process instances are the platform's record of what ran: never refreshed.
 */
public final class RefreshPhase {

    private RefreshPhase() {
    }

    /** @param everything refresh every moved row ({@code --refresh}), not only update-existing's matches */
    public static void run(RunContext run, CamelContext camel, Progress progress, Consumer<EntityStats> done,
                           boolean everything) throws Exception {
        for (PlannedEntity entity : DataPhase.movedThisRun(run)) {
            boolean updateExisting = entity.onConflict() == ConflictPolicy.UPDATE_EXISTING;
            if (run.plan().isBptTable(entity.entity()) || !(everything || updateExisting)) {
                continue;
            }
            TablePlan plan = TablePlans.refresh(run, entity);
            if (!everything) {
                Set<Object> matched = matched(run, plan);
                if (matched.isEmpty()) {
                    continue;
                }
                plan = plan.restrictedTo(matched.stream().map(Object::toString).toList());
            }
            if (plan.slots().isEmpty()) {
                continue;
            }
            run.stop().check("the refresh of " + entity.entity().qualifiedName());
            TableRoute.move(camel, PipelineHeaders.REFRESH_TEMPLATE, entity.order(), new TableRun(run, plan), progress, done);
        }
    }

    /** The source ids of a table's rows paired by a unique key with destination rows that were there before (loads its pairs). */
    static Set<Object> matched(RunContext run, TablePlan plan) {
        return run.state().keyMap().allPairs(plan.scope()).stream().filter(p -> p.kind() == PairBlock.Kind.MATCHED)
                .map(PairBlock.Pair::source).collect(Collectors.toSet());
    }
}
