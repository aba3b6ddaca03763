package io.osmigrate.pipeline;

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
import io.osmigrate.plan.CleanStep;
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
        Map<String, CleanStep> byEntity = new HashMap<>();
        steps.stream().filter(s -> s.action() != CleanStep.Action.NULL_DEFERRED)
                .forEach(s -> byEntity.put(s.entity().qualifiedName(), s));
        Dialect d = run.destination().dialect();
        KeyMap keyMap = run.state().keyMap();
        for (CleanStep step : steps) {
            int scope = keyMap.scope(src, dst, step.entity(), MapKind.MOVED);
            if (step.action() == CleanStep.Action.DELETE_ALL) {
                keyMap.forget(scope);
            } else if (step.action() == CleanStep.Action.DELETE_REFERENCING && keyMap.pairCount(scope) > 0) {
                keyMap.removeDestinations(scope, ids(run, step, predicate(step, byEntity, d)));
            }
        }
        List<EntityStats> result = new ArrayList<>();
        try (Connection c = run.destination().dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (CleanStep step : steps) {
                run.stop().check("the clean step of " + step.entity().qualifiedName());
                EntityStats stats = new EntityStats(step.entity().qualifiedName(), "clean");
                String table = d.quote(step.table());
                String sql = switch (step.action()) {
                    case NULL_DEFERRED -> "UPDATE " + table + " SET " + step.columns().stream().map(col -> d.quote(col) + " = NULL")
                            .collect(Collectors.joining(", "));
                    case DELETE_REFERENCING -> "DELETE FROM " + table + " WHERE " + predicate(step, byEntity, d);
                    case DELETE_ALL -> "DELETE FROM " + table;
                };
                long n = s.executeUpdate(sql);
                c.commit();
                FaultInjection.pause("clean-step");
                if (step.action() != CleanStep.Action.NULL_DEFERRED) {
                    stats.deleted.set(n);
                    stats.finish();
                    result.add(stats);
                    LOG.info("Clean: {} rows of {} deleted", n, step.entity().qualifiedName());
                }
            }
        }
        run.state().runs().cleanFinished(src, dst);
        return result;
    }

    /**
     * The SQL condition, on {@code step}'s table, that is true for exactly the rows the clean deletes ("1 = 1"
     * for a step that deletes every row). Lets other phases tell rows the clean removes from rows it keeps.
     */
    public static String deletedRows(CleanStep step, List<CleanStep> steps, Dialect d) {
        if (step.action() == CleanStep.Action.DELETE_ALL) {
            return "1 = 1";
        }
        Map<String, CleanStep> byEntity = new HashMap<>();
        steps.stream().filter(s -> s.action() != CleanStep.Action.NULL_DEFERRED)
                .forEach(s -> byEntity.put(s.entity().qualifiedName(), s));
        return predicate(step, byEntity, d);
    }

    /** The rows of a consumer step: any of its references points at a row the clean deletes. */
    private static String predicate(CleanStep step, Map<String, CleanStep> byEntity, Dialect d) {
        List<String> parts = new ArrayList<>();
        for (CleanStep.Condition c : step.conditions()) {
            CleanStep parent = byEntity.get(c.parent().qualifiedName());
            if (parent == null || parent.action() == CleanStep.Action.DELETE_ALL) {
                parts.add(d.quote(c.column()) + " IS NOT NULL");
            } else {
                parts.add(d.quote(c.column()) + " IN (SELECT " + d.quote(parent.idColumn()) + " FROM " + d.quote(parent.table())
                        + " WHERE " + predicate(parent, byEntity, d) + ")");
            }
        }
        return "(" + String.join(" OR ", parts) + ")";
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
