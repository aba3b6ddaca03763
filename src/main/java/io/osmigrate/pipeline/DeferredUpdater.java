package io.osmigrate.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.PhysicalCatalog;
import io.osmigrate.dialect.UpdatePath;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.spec.UnresolvedPolicy;
import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.KeyMap;

/**
 * Sets the deferred references of one entity (cycle-breaking edges, self-references) once its cycle
 * group is loaded: the source's values are streamed again, mapped through the key map in bulk, and
 * written with the dialect's set-based update, one committed batch at a time. Idempotent: a run that
 * stopped halfway simply sets them all again. Every row with a pair is covered, not only this run's,
 * because an older row may now point at a row inserted by this run.
 */
final class DeferredUpdater {

    private DeferredUpdater() {
    }

    static EntityStats update(RunContext run, PlannedEntity entity) throws SQLException {
        EntityStats stats = new EntityStats(entity.entity().qualifiedName(), "deferred");
        List<ColumnPlan> columns = entity.deferredColumns();
        PhysicalCatalog src = run.source().catalog();
        PhysicalCatalog dst = run.destination().catalog();
        List<ValueKind> kinds = new ArrayList<>();
        List<ColumnInfo> targets = new ArrayList<>();
        List<Integer> scopes = new ArrayList<>();
        for (ColumnPlan c : columns) {
            kinds.add(ValueKind.of(src.column(entity.sourceTable(), c.sourceColumn()).orElseThrow().jdbcType()));
            targets.add(dst.column(entity.destinationTable(), c.destinationColumn()).orElseThrow());
            scopes.add(run.scopeOf(c.target()));
        }
        ColumnInfo srcId = src.column(entity.sourceTable(), entity.identifier().sourceColumn()).orElseThrow();
        ColumnInfo dstId = dst.column(entity.destinationTable(), entity.identifier().destinationColumn()).orElseThrow();
        TableRead read = new TableRead(entity.sourceTable(), srcId.name(), ValueKind.of(srcId.jdbcType()),
                columns.stream().map(ColumnPlan::sourceColumn).toList(), kinds);
        int scope = run.scopeOf(entity.entity());
        try (RowStream rows = RowStream.open(run.source().dataSource(), run.source().dialect(), read, run.settings().fetchSize());
             Connection c = run.destination().dataSource().getConnection()) {
            c.setAutoCommit(false);
            UpdatePath path = run.destination().dialect().updatePath(c, entity.destinationTable(), dstId, targets);
            List<SourceRow> batch = new ArrayList<>(entity.batchSize());
            while (rows.hasNext()) {
                SourceRow row = rows.next();
                stats.read.incrementAndGet();
                if (hasValue(row)) {
                    batch.add(row);
                }
                if (batch.size() >= entity.batchSize()) {
                    flush(run, entity, scope, scopes, targets, batch, path, c, stats);
                }
            }
            flush(run, entity, scope, scopes, targets, batch, path, c, stats);
        }
        return stats;
    }

    private static void flush(RunContext run, PlannedEntity entity, int scope, List<Integer> scopes, List<ColumnInfo> targets,
                              List<SourceRow> batch, UpdatePath path, Connection c, EntityStats stats) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        KeyMap keyMap = run.state().keyMap();
        Map<Object, Object> ids = keyMap.lookup(scope, batch.stream().map(SourceRow::id).toList());
        List<Map<Object, Object>> mapped = new ArrayList<>();
        for (int col = 0; col < scopes.size(); col++) {
            int column = col;
            List<Object> wanted = batch.stream().map(r -> ValueKind.id(r.values()[column])).filter(v -> v != null).toList();
            mapped.add(scopes.get(col) == null || wanted.isEmpty() ? new HashMap<>() : keyMap.lookup(scopes.get(col), wanted));
        }
        List<UpdatePath.Row> updates = new ArrayList<>(batch.size());
        List<DeadLetter> letters = new ArrayList<>();
        for (SourceRow row : batch) {
            Object destinationId = ids.get(row.id());
            if (destinationId == null) {
                continue; // the row itself was not moved (dead-lettered): nothing to set
            }
            Object[] values = new Object[scopes.size()];
            for (int col = 0; col < scopes.size(); col++) {
                Object sourceValue = ValueKind.id(row.values()[col]);
                if (sourceValue == null) {
                    continue;
                }
                Object target = mapped.get(col).get(sourceValue);
                if (target != null) {
                    values[col] = Values.id(target, ValueKind.of(targets.get(col).jdbcType()));
                } else {
                    unresolved(run, entity, row, entity.deferredColumns().get(col), sourceValue, stats, letters);
                }
            }
            updates.add(new UpdatePath.Row(destinationId, values));
        }
        DeadLetters.send(run, letters);
        if (!updates.isEmpty()) {
            path.update(c, updates);
            FaultInjection.pause("deferred-update");
            c.commit();
            stats.deferredUpdates.addAndGet(updates.size());
        }
        batch.clear();
    }

    private static void unresolved(RunContext run, PlannedEntity entity, SourceRow row, ColumnPlan column, Object value,
                                   EntityStats stats, List<DeadLetter> letters) {
        String message = column.attribute() + " → " + column.target().qualifiedName() + " id " + value
                + (run.hasFailed(column.target(), value) ? " was dead-lettered in this run" : " was not moved")
                + "; the row is in the destination with this reference empty";
        if (entity.unresolvedReference() == UnresolvedPolicy.FAIL) {
            throw new RunAbortedException(entity.entity().qualifiedName() + " id " + row.id() + ": " + message + " (policy: fail)");
        }
        stats.nulled.incrementAndGet();
        if (entity.unresolvedReference() == UnresolvedPolicy.DEAD_LETTER) {
            stats.deadLettered.incrementAndGet();
            letters.add(DeadLetters.of(run, "deferred", entity.entity().qualifiedName(), row.id(),
                    run.hasFailed(column.target(), value) ? "parent-failed" : "parent-missing", message, null,
                    Map.of(column.sourceColumn(), value), null));
        }
    }

    private static boolean hasValue(SourceRow row) {
        for (Object v : row.values()) {
            if (v != null) {
                return true;
            }
        }
        return false;
    }
}
