package io.osmigrate.phases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.pipeline.EntityStats;
import io.osmigrate.pipeline.FaultInjection;
import io.osmigrate.pipeline.PipelineHeaders;
import io.osmigrate.pipeline.Progress;
import io.osmigrate.pipeline.RunAbortedException;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.pipeline.RunStoppedException;
import io.osmigrate.pipeline.TablePlan;
import io.osmigrate.pipeline.TableRun;
import io.osmigrate.pipeline.UnpairedRows;
import io.osmigrate.plan.MatchColumn;
import io.osmigrate.plan.PlannedEntity;

/**
 * The data phase, as table routes: the looked-up entities are matched first (table-lookup), then every
 * moved entity is inserted in load order (table-insert), its deferred references left empty for the
 * deferred phase. A replay inserts only the selected rows of each entity, through the same routes, and leaves
 * out the entities it has none of. With osmigrate.tables-at-once above 1, the entities of a wave
 * ({@link TableWaves}: next to each other in load order, none referencing another) are moved at the same time,
 * sharing the writers. On a re-run, a table whose key map holds pairs is scanned by identifier first
 * ({@link UnpairedRows}) and only its unpaired rows are read, so a top-up costs what it moves. A table that fails
 * stops the phase with {@link RunAbortedException}.
 */
public final class DataPhase {

    private static final Logger LOG = LoggerFactory.getLogger(DataPhase.class);

    private DataPhase() {
    }

    /**
     * Runs the phase over the selected rows ({@link RowSelection#all()} for a run); each table's figures go to
     * {@code done} as soon as it ends, so a phase that stops still reports.
     */
    public static void run(RunContext run, CamelContext camel, Progress progress, Consumer<EntityStats> done,
                           RowSelection rows) throws Exception {
        int order = 0;
        for (PlannedEntity lookup : run.plan().lookups()) {
            run.stop().check("the lookup of " + lookup.entity().qualifiedName());
            run.state().keyMap().forget(run.scopeOf(lookup.entity()));
            TableRun table = new TableRun(run, TablePlans.lookup(run, lookup));
            TableRoute.move(camel, PipelineHeaders.LOOKUP_TEMPLATE, ++order, table, progress, done);
            warnUnmatched(lookup, table.stats());
        }
        List<PlannedEntity> moved = movedThisRun(run).stream()
                .filter(e -> rows.inserts(e.entity().qualifiedName()).map(ids -> !ids.isEmpty()).orElse(true)).toList();
        progress.expect(moved.size(), rows.everything() ? moved.stream().mapToLong(PlannedEntity::sourceRows).sum()
                : rows.insertCount());
        int atOnce = run.settings().tablesAtOnce();
        for (List<PlannedEntity> wave : atOnce == 1 ? moved.stream().map(List::of).toList() : TableWaves.of(moved)) {
            if (wave.size() == 1) {
                move(run, camel, progress, done, rows, wave.get(0));
            } else {
                moveAtOnce(run, camel, progress, done, rows, wave, atOnce);
            }
        }
    }

    /**
     * Moves a wave's entities at the same time, at most {@code atOnce}, on a Camel-managed pool; every one of them
     * ends (a stop ends them all) before the first failure, if any, is thrown.
     */
    private static void moveAtOnce(RunContext run, CamelContext camel, Progress progress, Consumer<EntityStats> done,
                                   RowSelection rows, List<PlannedEntity> wave, int atOnce) throws Exception {
        LOG.info("Moving {} at the same time", wave.stream().map(e -> e.entity().qualifiedName()).collect(Collectors.joining(", ")));
        ExecutorService tables = camel.getExecutorServiceManager().newFixedThreadPool(DataPhase.class, "osm-tables",
                Math.min(atOnce, wave.size()));
        Consumer<EntityStats> oneAtATime = stats -> {
            synchronized (done) {
                done.accept(stats);
            }
        };
        try {
            List<Future<Void>> moving = new ArrayList<>();
            for (PlannedEntity entity : wave) {
                moving.add(tables.submit(() -> {
                    move(run, camel, progress, oneAtATime, rows, entity);
                    return null;
                }));
            }
            Exception first = null;
            for (Future<Void> f : moving) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Exception cause = e.getCause() instanceof Exception x ? x : new RunAbortedException(e.getCause().toString(),
                            e.getCause());
                    first = first == null || first instanceof RunStoppedException ? cause : first;
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            camel.getExecutorServiceManager().shutdown(tables);
        }
    }

    private static void move(RunContext run, CamelContext camel, Progress progress, Consumer<EntityStats> done,
                             RowSelection rows, PlannedEntity entity) throws Exception {
        run.stop().check(entity.entity().qualifiedName());
        if (run.plan().isBptTable(entity.entity())) {
            FaultInjection.pause("bpt-table");
        }
        TablePlan plan = TablePlans.insert(run, entity);
        Optional<Set<String>> only = rows.inserts(entity.entity().qualifiedName());
        Optional<UnpairedRows.Scan> topUp = only.isPresent() ? Optional.empty() : UnpairedRows.scan(run, plan);
        if (only.isPresent()) {
            plan = plan.restrictedTo(only.get());
        } else if (topUp.isPresent()) {
            plan = plan.restrictedTo(topUp.get().unpaired());
            LOG.info("{}: {} source rows already moved, {} to read by id", entity.entity().qualifiedName(),
                    topUp.get().paired(), topUp.get().unpaired().size());
        }
        LOG.info("{}: moving up to {} source rows", entity.entity().qualifiedName(), plan.rows());
        TableRun table = new TableRun(run, plan);
        topUp.ifPresent(scan -> table.stats().countSkipped(scan.paired()));
        TableRoute.move(camel, PipelineHeaders.INSERT_TEMPLATE, entity.order(), table, progress, done);
        EntityStats s = table.stats();
        LOG.info("{}: {} read, {} inserted, {} matched, {} skipped, {} dead-lettered", s.entity(), s.read(),
                s.inserted(), s.matched(), s.skipped(), s.deadLettered());
    }

    /**
     * The moved entities, without the BPT instance tables when the run has no bpt phase: their definitions are not
     * mapped, so they stay where they are (references to their rows follow unresolvedReference).
     */
    static List<PlannedEntity> movedThisRun(RunContext run) {
        if (run.plan().bpt() == null || run.plan().bpt().tables().isEmpty() || BptPhase.mapped(run)) {
            return run.plan().moved();
        }
        LOG.info("No bpt phase in this run: the BPT process instances stay where they are");
        return run.plan().moved().stream().filter(e -> !run.plan().isBptTable(e.entity())).toList();
    }

    private static void warnUnmatched(PlannedEntity lookup, EntityStats stats) {
        long unmatched = stats.read() - stats.matched();
        if (unmatched > 0) {
            LOG.warn("{}: {} of {} source rows have no destination row with the same {}; references to them follow"
                    + " unresolvedReference", lookup.entity().qualifiedName(), unmatched, stats.read(),
                    lookup.match().stream().map(MatchColumn::attribute).collect(Collectors.joining(", ")));
        }
    }
}
