package io.osmigrate.phases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.plan.CleanConditions;
import io.osmigrate.plan.CleanStep;
import io.osmigrate.pipeline.EntityStats;
import io.osmigrate.pipeline.FaultInjection;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.MapKind;

/**
 * Delete-before-migrate, as the plan lists it. The key map forgets the pairs of the rows about to go
 * first; a note in the state store says a clean is under way until every delete is done, so a run
 * that stops halfway makes the next run clean again before it moves anything.
 */
public final class CleanPhase {

    private static final Logger LOG = LoggerFactory.getLogger(CleanPhase.class);

    private CleanPhase() {
    }

    public static List<EntityStats> run(RunContext run) throws SQLException {
        List<CleanStep> steps = run.plan().clean();
        String src = run.source().name();
        String dst = run.destination().name();
        run.state().runs().cleanStarted(src, dst, run.runId());
        Map<String, CleanStep> byEntity = CleanConditions.deleting(steps);
        Dialect d = run.destination().dialect();
        KeyMap keyMap = run.state().keyMap();
        for (CleanStep step : steps) {
            int scope = keyMap.scope(src, dst, step.entity(), MapKind.MOVED);
            if (step.action() == CleanStep.Action.DELETE_ALL) {
                keyMap.forget(scope);
            } else if (step.action() == CleanStep.Action.DELETE_REFERENCING && keyMap.pairCount(scope) > 0) {
                keyMap.removeDestinations(scope, ids(run, step, CleanConditions.predicate(step, byEntity, d)));
            }
        }
        List<EntityStats> result = new ArrayList<>();
        try (Connection c = run.destination().dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (CleanStep step : steps) {
                run.stop().check("the clean step of " + step.entity().qualifiedName());
                EntityStats stats = new EntityStats(step.entity().qualifiedName(), Phase.CLEAN);
                String table = d.quote(step.table());
                if (step.action() == CleanStep.Action.NULL_DEFERRED_PAIRED || step.action() == CleanStep.Action.DELETE_PAIRED) {
                    long n = CleanPaired.run(run, c, step);
                    if (step.action() == CleanStep.Action.DELETE_PAIRED) {
                        stats.deleted(n);
                        stats.finish();
                        result.add(stats);
                        LOG.info("Clean: {} moved rows of {} deleted", n, step.entity().qualifiedName());
                    }
                    continue;
                }
                String sql = switch (step.action()) {
                    case NULL_DEFERRED -> "UPDATE " + table + " SET " + step.columns().stream().map(col -> d.quote(col) + " = NULL")
                            .collect(Collectors.joining(", "));
                    case DELETE_REFERENCING -> "DELETE FROM " + table + " WHERE " + CleanConditions.predicate(step, byEntity, d);
                    case DELETE_ALL -> "DELETE FROM " + table;
                    case NULL_DEFERRED_PAIRED, DELETE_PAIRED -> throw new IllegalStateException("done above");
                };
                long n = s.executeUpdate(sql);
                c.commit();
                FaultInjection.pause("clean-step");
                if (step.action() != CleanStep.Action.NULL_DEFERRED) {
                    stats.deleted(n);
                    stats.finish();
                    result.add(stats);
                    LOG.info("Clean: {} rows of {} deleted", n, step.entity().qualifiedName());
                }
            }
        }
        run.state().runs().cleanFinished(src, dst);
        return result;
    }

    private static Set<Object> ids(RunContext run, CleanStep step, String predicate) throws SQLException {
        Dialect d = run.destination().dialect();
        Set<Object> ids = new HashSet<>();
        try (Connection c = run.destination().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + d.quote(step.idColumn()) + " FROM " + d.quote(step.table())
                     + " WHERE " + predicate)) {
            while (rs.next()) {
                ids.add(ValueKind.id(rs.getObject(1)));
            }
        }
        return ids;
    }
}
