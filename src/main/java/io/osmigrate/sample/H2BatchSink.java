package io.osmigrate.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * H2 path of {@link RowSink}: one prepared INSERT, batches of 1000, and a commit every 50 batches so H2's
 * undo log (and so memory) does not grow with the table. The caller runs with autocommit off.
 */
final class H2BatchSink implements RowSink {

    private static final int BATCH = 1000;
    private static final int BATCHES_PER_COMMIT = 50;

    private final Connection connection;
    private final PreparedStatement insert;
    private final int width;
    private int pending;
    private int batches;

    H2BatchSink(Connection c, String table, List<String> columns) throws SQLException {
        this.connection = c;
        this.width = columns.size();
        this.insert = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(width, "?")) + ")");
    }

    @Override
    public void add(Object... values) throws SQLException {
        if (values.length != width) {
            throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        }
        for (int i = 0; i < width; i++) {
            insert.setObject(i + 1, values[i]);
        }
        insert.addBatch();
        if (++pending == BATCH) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
            if (++batches % BATCHES_PER_COMMIT == 0) {
                connection.commit();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            insert.close();
        }
    }
}
