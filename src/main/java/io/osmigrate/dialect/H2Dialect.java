package io.osmigrate.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;

/**
 * H2 2.x, used in MSSQLServer mode for the demo and quick tests. H2 refuses writes only when the
 * database itself is opened read-only ({@code ACCESS_MODE_DATA=r}), which it ignores when the same
 * database is already open for writing in this JVM: {@link #verifyReadOnly} checks for that.
 */
public class H2Dialect implements Dialect {

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public ErrorKind classify(SQLException e) {
        SQLException root = SqlStates.root(e);
        int code = root.getErrorCode();
        if (code == 50200 || "HYT00".equals(root.getSQLState())) {
            return ErrorKind.LOCK_TIMEOUT;
        }
        if (code == 90067 || code == 90098 || code == 90121) {
            return ErrorKind.CONNECTION;
        }
        return SqlStates.classify(root.getSQLState());
    }

    @Override
    public void configureReadOnly(HikariConfig config) {
        String url = config.getJdbcUrl();
        if (!url.toUpperCase(java.util.Locale.ROOT).contains("ACCESS_MODE_DATA")) {
            config.setJdbcUrl(url + ";ACCESS_MODE_DATA=r;LAZY_QUERY_EXECUTION=TRUE");
        }
        config.setReadOnly(true);
    }

    /**
     * An embedded H2 database lives in osmigrate's own process and by default writes a commit to its file up
     * to half a second later (WRITE_DELAY): a kill -9 in that window would lose rows whose pairs the key map
     * already holds. WRITE_DELAY=0 hands every commit to the operating system before osmigrate goes on.
     * A server-mode URL (tcp, ssl) is left alone: the server outlives osmigrate.
     */
    @Override
    public void configureForWriting(HikariConfig config) {
        String url = config.getJdbcUrl();
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        boolean server = upper.startsWith("JDBC:H2:TCP:") || upper.startsWith("JDBC:H2:SSL:");
        boolean memory = upper.startsWith("JDBC:H2:MEM:");
        if (!server && !memory && !upper.contains("WRITE_DELAY")) {
            config.setJdbcUrl(url + ";WRITE_DELAY=0");
        }
    }

    @Override
    public InsertPath insertPath(Connection connection, InsertTarget target) {
        return new JdbcBatchInsertPath(this, target);
    }

    @Override
    public UpdatePath updatePath(Connection connection, String table, ColumnInfo idColumn, java.util.List<ColumnInfo> columns) {
        return new JdbcBatchUpdatePath(this, table, idColumn, columns);
    }

    @Override
    public void verifyReadOnly(Connection connection, String environment) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("CALL READONLY()")) {
            if (rs.next() && !rs.getBoolean(1)) {
                throw new SQLException("the H2 database of environment '" + environment + "' is already open for writing"
                        + " in this process, so it cannot be opened read-only as a source; close the other connection first");
            }
        }
    }
}
