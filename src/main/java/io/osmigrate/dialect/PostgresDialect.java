package io.osmigrate.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;

/**
 * PostgreSQL. A source session is made read-only by the driver ({@code readOnlyMode=always}), so
 * the server itself rejects any write, even in autocommit mode.
 */
public class PostgresDialect implements Dialect {

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public ErrorKind classify(SQLException e) {
        SQLException root = SqlStates.root(e);
        String state = root.getSQLState();
        if ("40P01".equals(state)) {
            return ErrorKind.DEADLOCK;
        }
        if ("55P03".equals(state)) {
            return ErrorKind.LOCK_TIMEOUT;
        }
        if ("57P01".equals(state) || "57P02".equals(state) || "57P03".equals(state)) {
            return ErrorKind.CONNECTION;
        }
        return SqlStates.classify(state);
    }

    @Override
    public void configureReadOnly(HikariConfig config) {
        config.setReadOnly(true);
        config.addDataSourceProperty("readOnlyMode", "always");
    }

    @Override
    public void verifyReadOnly(Connection connection, String environment) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW transaction_read_only")) {
            if (rs.next() && !"on".equalsIgnoreCase(rs.getString(1))) {
                throw new SQLException("the PostgreSQL session of environment '" + environment + "' is not read-only");
            }
        }
    }

    /** A cursor, not the whole result in memory: pgjdbc streams only with autocommit off and a fetch size. */
    @Override
    public void prepareStreamingRead(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }
}
