package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.InsertTarget;
import io.osmigrate.dialect.PhysicalCatalog;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.IdentifierKind;
import io.osmigrate.plan.PlannedEntity;

/**
 * One moved entity in one run: the compiled columns, the source read, the destination target, the
 * writers (each with its destination connection), the counters, and the fatal error that stops it.
 * Read and enriched on the pipeline's thread; batches are written by the {@link WriterPool}'s
 * threads; the counters, the fatal error and the pool are thread-safe.
 */
public final class EntityJob implements AutoCloseable {

    private final RunContext run;
    private final PlannedEntity entity;
    private final int scope;
    private final List<Slot> slots;
    private final TableRead read;
    private final InsertTarget target;
    private final EntityStats stats;
    private final Integer identifierScope;
    private RowStream stream;
    private WriterPool writers;
    private volatile Throwable fatal;

    EntityJob(RunContext run, PlannedEntity entity) {
        this.run = run;
        this.entity = entity;
        this.scope = run.scopeOf(entity.entity());
        this.stats = new EntityStats(entity.entity().qualifiedName(), "data");
        PhysicalCatalog src = run.source().catalog();
        PhysicalCatalog dst = run.destination().catalog();
        LocalDateTime now = LocalDateTime.now();
        List<Slot> compiled = new ArrayList<>();
        List<String> readColumns = new ArrayList<>();
        List<ValueKind> readKinds = new ArrayList<>();
        for (ColumnPlan c : entity.columns()) {
            ColumnInfo d = column(dst, entity.destinationTable(), c.destinationColumn());
            int index = -1;
            Object fill = null;
            if (c.role() == ColumnRole.DEFAULT_FILL) {
                fill = Values.fromText(c.fill(), ValueKind.of(d.jdbcType()), now);
            } else if (!c.deferred()) {
                index = readColumns.size();
                readColumns.add(c.sourceColumn());
                readKinds.add(ValueKind.of(column(src, entity.sourceTable(), c.sourceColumn()).jdbcType()));
            }
            Integer targetScope = c.role() == ColumnRole.REFERENCE && !c.deferred() ? run.scopeOf(c.target()) : null;
            Map<Object, Object> statics = c.role() == ColumnRole.STATIC_REFERENCE
                    ? run.statics().compiled(c.target().key(), ValueKind.of(d.jdbcType())) : null;
            compiled.add(new Slot(c, index, d, targetScope, fill, statics));
        }
        this.slots = List.copyOf(compiled);
        ColumnInfo srcId = column(src, entity.sourceTable(), entity.identifier().sourceColumn());
        ColumnInfo dstId = column(dst, entity.destinationTable(), entity.identifier().destinationColumn());
        this.read = new TableRead(entity.sourceTable(), srcId.name(), ValueKind.of(srcId.jdbcType()), readColumns, readKinds);
        this.target = new InsertTarget(entity.destinationTable(), dstId,
                entity.identifier().kind() == IdentifierKind.AUTONUMBER, slots.stream().map(Slot::destination).toList());
        this.identifierScope = entity.identifier().kind() == IdentifierKind.REFERENCE
                ? run.scopeOf(entity.identifier().target()) : null;
    }

    private static ColumnInfo column(PhysicalCatalog catalog, String table, String column) {
        return catalog.column(table, column).orElseThrow(() -> new IllegalStateException(
                "column " + column + " of " + table + " vanished since the plan was made"));
    }

    /** Opens the writers, then the source stream. */
    RowStream open() throws SQLException {
        writers = new WriterPool(this, run.settings().writers());
        stream = RowStream.open(run.source().dataSource(), run.source().dialect(), read, run.settings().fetchSize());
        return stream;
    }

    /** The writers of this entity's batches. */
    WriterPool writers() {
        return writers;
    }

    /** Waits until every batch handed to the writers is written and recorded: only then is the entity done. */
    void awaitWriters() {
        if (writers != null) {
            writers.awaitIdle();
        }
    }

    /** Records the error that stops this entity and ends the source stream, so nothing more is read. */
    void fail(Throwable error) {
        if (fatal == null) {
            fatal = error;
        }
        if (stream != null) {
            stream.cancel();
        }
    }

    Throwable fatal() {
        return fatal;
    }

    RunContext run() {
        return run;
    }

    public PlannedEntity entity() {
        return entity;
    }

    int scope() {
        return scope;
    }

    List<Slot> slots() {
        return slots;
    }

    TableRead read() {
        return read;
    }

    InsertTarget target() {
        return target;
    }

    Integer identifierScope() {
        return identifierScope;
    }

    public EntityStats stats() {
        return stats;
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
        if (writers != null) {
            writers.close();
        }
    }
}
