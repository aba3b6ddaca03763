package io.osmigrate.phases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import io.osmigrate.dialect.Dialect;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.plan.CleanStep;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.MapKind;
import io.osmigrate.state.PairBlock;

/**
 * The clean of a BPT instance table: only the rows osmigrate inserted (its key-map pairs) are touched, in
 * chunks of ids, and their pairs are forgotten after the delete is committed, so a run killed in between
 * deletes nothing twice and finds the rest again.
 */
final class CleanPaired {

    private static final int CHUNK = 500;

    private CleanPaired() {
    }

    /** @return rows deleted (0 for emptying the deferred references) */
    static long run(RunContext run, Connection c, CleanStep step) throws SQLException {
        KeyMap keyMap = run.state().keyMap();
        int scope = keyMap.scope(run.source().name(), run.destination().name(), step.entity(), MapKind.MOVED);
        List<Object> ids = keyMap.allPairs(scope).stream().filter(p -> p.kind() == PairBlock.Kind.INSERTED)
                .map(PairBlock.Pair::destination).toList();
        Dialect d = run.destination().dialect();
        String head = step.action() == CleanStep.Action.DELETE_PAIRED ? "DELETE FROM " + d.quote(step.table())
                : "UPDATE " + d.quote(step.table()) + " SET " + step.columns().stream().map(col -> d.quote(col) + " = NULL")
                        .collect(Collectors.joining(", "));
        long n = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement(head + " WHERE " + d.quote(step.idColumn()) + " IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setObject(i + 1, chunk.get(i));
                }
                n += ps.executeUpdate();
            }
        }
        c.commit();
        if (step.action() == CleanStep.Action.DELETE_PAIRED) {
            keyMap.forget(scope);
        }
        return n;
    }
}
