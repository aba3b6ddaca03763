package io.osmigrate.pipeline;

import java.sql.Connection;
import java.sql.SQLException;

import io.osmigrate.dialect.InsertPath;
import io.osmigrate.dialect.UpdatePath;

/**
 * One writer thread's destination connection for one table, in a transaction, with the dialect's write
 * path prepared on it once (a SQL Server stage table, prepared statements). Used by its thread only.
 */
final class WriterConnection implements AutoCloseable {

    private final Connection connection;
    private InsertPath insertPath;
    private UpdatePath updatePath;

    WriterConnection(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    Connection connection() {
        return connection;
    }

    InsertPath insertPath(TableRun table) throws SQLException {
        if (insertPath == null) {
            insertPath = table.run().destination().dialect().insertPath(connection, table.plan().target());
        }
        return insertPath;
    }

    UpdatePath updatePath(TableRun table) throws SQLException {
        if (updatePath == null) {
            updatePath = table.run().destination().dialect().updatePath(connection, table.plan().target().table(),
                    table.plan().target().idColumn(), table.plan().target().columns());
        }
        return updatePath;
    }

    void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // a broken connection: the next batch of this thread opens another
        }
    }

    @Override
    public void close() {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            // the pool discards a broken connection
        }
    }
}
