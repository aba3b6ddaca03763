package io.osmigrate.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.InsertPath;
import io.osmigrate.dialect.InsertTarget;
import io.osmigrate.dialect.PhysicalCatalog;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.IdentifierKind;
import io.osmigrate.plan.PlannedEntity;

/**
 * One moved entity in one run: the compiled columns, the source read, the destination target and
 * write path (on one destination connection held for the entity), the counters, and the fatal
 * error that stops it. Used by one pipeline at a time; not thread-safe beyond its counters.
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
    private Connection connection;
    private InsertPath path;
    private RowStream stream;
    private volatile Throwable fatal;
    private BatchWriter writer;

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
            compiled.add(new Slot(c, index, d, targetScope, fill));
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

    /** Opens the source stream and the destination connection with its write path. */
    RowStream open() throws SQLException {
        stream = RowStream.open(run.source().dataSource(), run.source().dialect(), read, run.settings().fetchSize());
        connection = run.destination().dataSource().getConnection();
        connection.setAutoCommit(false);
        path = run.destination().dialect().insertPath(connection, target);
        return stream;
    }

    /** A fresh destination connection and write path, after the old connection broke. */
    void reconnect() throws SQLException {
        closeConnection();
        connection = run.destination().dataSource().getConnection();
        connection.setAutoCommit(false);
        path = run.destination().dialect().insertPath(connection, target);
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

    /** The batch writer of this entity, made on first use (after the write path exists). */
    BatchWriter writer() {
        if (writer == null) {
            writer = new BatchWriter(this);
        }
        return writer;
    }

    Connection connection() {
        return connection;
    }

    InsertPath path() {
        return path;
    }

    public EntityStats stats() {
        return stats;
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException e) {
                // a broken connection is discarded by the pool
            }
            connection = null;
        }
    }
}
