package io.osmigrate.phases;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;

import io.osmigrate.pipeline.EntityStats;
import io.osmigrate.pipeline.PairedSample;
import io.osmigrate.pipeline.PipelineHeaders;
import io.osmigrate.pipeline.Progress;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.pipeline.TablePlan;
import io.osmigrate.pipeline.TableRun;
import io.osmigrate.pipeline.ValueCheck;
import io.osmigrate.pipeline.ValueTally;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.spec.ConflictPolicy;

/**
 * The reconciliation by value, the verify phase's last step: every moved entity's paired rows are read from the
 * source again (a subset's kept rows only), mapped exactly as an insert maps them, and compared with the destination
 * rows their pairs name (table-reconcile), entity by entity in load order. Every paired row, or at most
 * {@code sample} rows a table spread over it ({@link PairedSample}). Rows match-existing paired with the
 * destination's own rows keep their own values by design and are not compared; BPT process instances are the
 * platform's record of what ran, and are not compared either. Reads only.
 */
public final class ReconcilePhase {

    private ReconcilePhase() {
    }

    /**
     * @param sample the most rows compared per table; null: every paired row; 0: none (nothing is read)
     * @param checks each entity's reconciliation, as soon as it is done (a run that stops still reports those)
     * @param done   each reconciled table's figures (rows read and mapped)
     */
    public static void run(RunContext run, CamelContext camel, Progress progress, Integer sample, Consumer<ValueCheck> checks,
                           Consumer<EntityStats> done) throws Exception {
        if (sample != null && sample == 0) {
            return;
        }
        List<PlannedEntity> entities = run.plan().moved().stream().filter(e -> !run.plan().isBptTable(e.entity())).toList();
        progress.expect(entities.size(), entities.stream().mapToLong(e -> sample == null ? e.sourceRows()
                : Math.min(sample, e.sourceRows())).sum());
        for (PlannedEntity entity : entities) {
            String name = entity.entity().qualifiedName();
            run.stop().check("the reconciliation of " + name);
            TablePlan plan = TablePlans.reconcile(run, entity);
            boolean paired = run.state().keyMap().pairCount(plan.scope()) > 0;
            Set<Object> matched = paired && entity.onConflict() == ConflictPolicy.MATCH_EXISTING ? RefreshPhase.matched(run, plan) : Set.of();
            ValueTally tally = new ValueTally(name, sample, matched);
            if (paired && sample != null) {
                plan = plan.restrictedTo(PairedSample.choose(run, plan, sample, matched));
            }
            // a table with nothing to compare is not read at all
            if (paired && (!plan.read().restricted() || !plan.read().only().isEmpty())) {
                TableRoute.move(camel, PipelineHeaders.RECONCILE_TEMPLATE, entity.order(), new TableRun(run, plan, tally),
                        progress, done);
            }
            checks.accept(tally.result());
        }
    }
}
