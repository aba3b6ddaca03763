package io.osmigrate.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.ValueKind;

/**
 * Streams a source table in identifier order, one row at a time, on a connection of its own: memory
 * does not depend on the table's size. A read restricted to listed identifiers ({@link TableRead#only()}) asks
 * for them in chunks of {@link #CHUNK} (within every engine's parameter limit), one query after the other on the
 * same connection, ascending. {@link #cancel()} ends the stream early (a fatal error), so a splitter that drains
 * its iterator on stop reads nothing more. Single-threaded; close it.
 */
public final class RowStream implements Iterator<SourceRow>, AutoCloseable {

    /** Identifiers per query of a restricted read: SQL Server takes at most 2,100 parameters per statement. */
    static final int CHUNK = 1000;

    private final TableRead read;
    private final Dialect dialect;
    private final Connection connection;
    private final int fetchSize;
    private final Iterator<List<Object>> chunks;
    private PreparedStatement statement;
    private ResultSet rows;
    private boolean fetched;
    private boolean more;
    private volatile boolean cancelled;

    private RowStream(TableRead read, Dialect dialect, Connection connection, int fetchSize) {
        this.read = read;
        this.dialect = dialect;
        this.connection = connection;
        this.fetchSize = fetchSize;
        List<List<Object>> parts = read.restricted() ? chunks(read.only()) : Collections.singletonList(null);
        this.chunks = parts.iterator();
    }

    public static RowStream open(DataSource source, Dialect dialect, TableRead read, int fetchSize) throws SQLException {
        Connection c = source.getConnection();
        try {
            dialect.prepareStreamingRead(c);
            RowStream stream = new RowStream(read, dialect, c, fetchSize);
            stream.nextQuery();
            return stream;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static List<List<Object>> chunks(List<Object> ids) {
        List<List<Object>> parts = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            parts.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return parts;
    }

    /** The WHERE clause of the read's filter and a chunk's identifiers, either or both. */
    private String where(String idCondition) {
        String filter = read.filter();
        if (filter == null && idCondition == null) {
            return "";
        }
        return " WHERE " + (filter == null ? idCondition : idCondition == null ? filter : "(" + filter + ") AND " + idCondition);
    }

    /** Runs the query of the next chunk; false when there is none left. */
    private boolean nextQuery() throws SQLException {
        closeQuery();
        if (!chunks.hasNext()) {
            return false;
        }
        List<Object> ids = chunks.next();
        String columns = read.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
        String id = dialect.quote(read.idColumn());
        String sql = "SELECT " + id + (columns.isEmpty() ? "" : ", " + columns) + " FROM " + dialect.quote(read.table())
                + where(ids == null ? null : id + " IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")
                + " ORDER BY " + id;
        statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(fetchSize);
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setObject(i + 1, ids.get(i));
            }
        }
        rows = statement.executeQuery();
        return true;
    }

    @Override
    public boolean hasNext() {
        if (cancelled) {
            return false;
        }
        if (!fetched) {
            try {
                more = rows != null && rows.next();
                while (!more && nextQuery()) {
                    more = rows.next();
                }
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

    private void closeQuery() throws SQLException {
        if (rows != null) {
            rows.close();
            rows = null;
        }
        if (statement != null) {
            statement.close();
            statement = null;
        }
    }

    @Override
    public void close() {
        try {
            closeQuery();
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
