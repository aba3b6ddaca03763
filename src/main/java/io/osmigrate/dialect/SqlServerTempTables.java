package io.osmigrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import com.microsoft.sqlserver.jdbc.SQLServerConnection;

import io.osmigrate.dialect.SqlServerStatements.TempTable;

/**
 * Remembers, per SQL Server session, which temp table of each kind ({@code osm_stage},
 * {@code osm_map}, {@code osm_upd}) it currently holds, so that writing a table of another shape
 * drops the previous one instead of leaving one empty temp table per table written on a pooled
 * connection. The memory is only an optimisation for tidiness: {@link #prepare} always runs the
 * guarded CREATE and a TRUNCATE, so a table that a rollback took away is recreated, and a table a
 * rollback brought back merely lingers until the session ends.
 *
 * <p>Sessions are the physical driver connections (pool proxies unwrapped), held weakly.
 * Thread-safe.
 */
final class SqlServerTempTables {

    private static final Map<Object, Map<String, String>> CURRENT = new WeakHashMap<>();

    private SqlServerTempTables() {
    }

    /** Makes the tables the session's current ones of their kinds; returns the names they replace. */
    static synchronized List<String> replace(Object session, List<TempTable> tables) {
        Map<String, String> current = CURRENT.computeIfAbsent(session, s -> new HashMap<>());
        List<String> replaced = new ArrayList<>();
        for (TempTable table : tables) {
            String previous = current.put(table.kind(), table.name());
            if (previous != null && !previous.equals(table.name())) {
                replaced.add(previous);
            }
        }
        return replaced;
    }

    /** Ensures the tables exist on the connection's session and are empty (one round trip). */
    static void prepare(Connection connection, List<TempTable> tables) throws SQLException {
        Object session = connection.unwrap(SQLServerConnection.class);
        execute(connection, SqlServerStatements.prepare(replace(session, tables), tables));
    }

    /** Runs a statement batch and reads all its results, so that an error in a later statement is not lost. */
    static int execute(Connection connection, String sql) throws SQLException {
        int updated = 0;
        try (Statement s = connection.createStatement()) {
            boolean resultSet = s.execute(sql);
            while (true) {
                if (!resultSet) {
                    int count = s.getUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    updated += count;
                }
                resultSet = s.getMoreResults();
            }
        }
        return updated;
    }
}
