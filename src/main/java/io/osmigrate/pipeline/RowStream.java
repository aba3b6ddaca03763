package io.osmigrate.pipeline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import io.osmigrate.dialect.ValueKind;

import javax.sql.DataSource;

import io.osmigrate.dialect.Dialect;

/**
 * Streams a source table in identifier order, one row at a time, on a connection of its own: memory
 * does not depend on the table's size. {@link #cancel()} ends the stream early (a fatal error), so a
 * splitter that drains its iterator on stop reads nothing more. Single-threaded; close it.
 */
public final class RowStream implements Iterator<SourceRow>, AutoCloseable {

    private final TableRead read;
    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private boolean fetched;
    private boolean more;
    private volatile boolean cancelled;

    private RowStream(TableRead read, Connection connection, Statement statement, ResultSet rows) {
        this.read = read;
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
    }

    public static RowStream open(DataSource source, Dialect dialect, TableRead read, int fetchSize) throws SQLException {
        String columns = read.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
        String id = dialect.quote(read.idColumn());
        String sql = "SELECT " + id + (columns.isEmpty() ? "" : ", " + columns) + " FROM " + dialect.quote(read.table())
                + " ORDER BY " + id;
        Connection c = source.getConnection();
        try {
            dialect.prepareStreamingRead(c);
            Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            s.setFetchSize(fetchSize);
            return new RowStream(read, c, s, s.executeQuery(sql));
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        if (cancelled) {
            return false;
        }
        if (!fetched) {
            try {
                more = rows.next();
            } catch (SQLException e) {
                throw new SourceReadException("reading " + read.table() + " failed: " + e.getMessage(), e);
            }
            fetched = true;
        }
        return more;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        fetched = false;
        try {
            Object id = ValueKind.id(read.idKind().read(rows, 1));
            Object[] values = new Object[read.columns().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = read.kinds().get(i).read(rows, i + 2);
            }
            return new SourceRow(id, values);
        } catch (SQLException e) {
            throw new SourceReadException("reading " + read.table() + " failed: " + e.getMessage(), e);
        }
    }

    /** Ends the stream: {@link #hasNext()} answers false from now on. */
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        try {
            rows.close();
            statement.close();
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // closing a read-only cursor cannot lose anything
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // the pool discards a broken connection
            }
        }
    }
}
