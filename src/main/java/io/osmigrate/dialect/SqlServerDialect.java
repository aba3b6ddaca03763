package io.osmigrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;

/**
 * SQL Server, the engine of OutSystems 11 production databases. SQL Server has no read-only session:
 * the source's safety rests on osmigrate never writing to it and, as advised in the README, on a
 * login that only holds db_datareader there. {@link #verifyReadOnly} warns when the login can write.
 */
public class SqlServerDialect implements Dialect {

    private static final Logger LOG = LoggerFactory.getLogger(SqlServerDialect.class);

    /** SQL Server caps a request at 2,100 parameters; stay one below for the driver's own. */
    public static final int MAX_PARAMETERS = 2099;

    /**
     * The server by its own name (machine and instance; the logical server on Azure SQL), which, unlike
     * {@code @@SERVERNAME}, follows a renamed or cloned machine; {@code @@SERVERNAME} only where the property is
     * missing. Any login may read both and the name of its database.
     */
    static final String IDENTITY = "SELECT CAST(SERVERPROPERTY('ServerName') AS NVARCHAR(256)), @@SERVERNAME, DB_NAME()";

    /**
     * Errors a first connection may outgrow within its timeout, from Azure SQL's list of transient errors: service
     * busy (40501), database unavailable or moving (40613, 40197, 4221), resource limits (10928, 10929) and elastic
     * pool limits (49918 to 49920). A login failure (18456) or an unknown database (4060) is final.
     */
    private static final Set<Integer> TRANSIENT_CONNECT_ERRORS = Set.of(40501, 40613, 40197, 4221, 10928, 10929, 49918,
            49919, 49920);

    @Override
    public String name() {
        return "SQL Server";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlserver:");
    }

    @Override
    public String quote(String identifier) {
        return '[' + identifier.replace("]", "]]") + ']';
    }

    @Override
    public int maxParameters() {
        return MAX_PARAMETERS;
    }

    /**
     * Classifies by SQL Server's error number, taken from the first exception in the chain (next
     * exceptions, then causes) that carries a known one: a failed batch reports the server's error
     * on a chained exception, not on the BatchUpdateException. Falls back to the SQLSTATE.
     */
    @Override
    public ErrorKind classify(SQLException e) {
        java.util.Set<SQLException> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (SQLException cur = e; cur != null && seen.add(cur); cur = next(cur)) {
            ErrorKind kind = byErrorNumber(cur.getErrorCode());
            if (kind != null) {
                return kind;
            }
        }
        SQLException root = SqlStates.root(e);
        return "08S01".equals(root.getSQLState()) ? ErrorKind.CONNECTION : SqlStates.classify(root.getSQLState());
    }

    private static SQLException next(SQLException e) {
        if (e.getNextException() != null) {
            return e.getNextException();
        }
        return e.getCause() instanceof SQLException cause ? cause : null;
    }

    /**
     * SQL Server error numbers: 2601/2627 duplicate key; 547 constraint (FK) conflict; 515 NULL into
     * NOT NULL, 8152/2628 truncation, 8115/8114/245/241/242 conversion and overflow, 4815 a too-long
     * value in a bulk load (how truncation shows while loading a stage); 1205 deadlock victim; 1222
     * lock request timeout.
     */
    static ErrorKind byErrorNumber(int number) {
        return switch (number) {
            case 2601, 2627 -> ErrorKind.UNIQUE_VIOLATION;
            case 547 -> ErrorKind.FOREIGN_KEY_VIOLATION;
            case 515, 8152, 2628, 8115, 245, 241, 242, 8114, 4815 -> ErrorKind.DATA;
            case 1205 -> ErrorKind.DEADLOCK;
            case 1222 -> ErrorKind.LOCK_TIMEOUT;
            default -> null;
        };
    }

    @Override
    public InsertPath insertPath(Connection connection, InsertTarget target) {
        return new SqlServerInsertPath(this, target);
    }

    @Override
    public UpdatePath updatePath(Connection connection, String table, ColumnInfo idColumn, java.util.List<ColumnInfo> columns) {
        return new SqlServerUpdatePath(this, table, idColumn, columns);
    }

    /**
     * A shared application lock owned by the transaction: writers do not wait for each other, and SQL
     * Server releases it when the transaction ends. Recovery takes it exclusively.
     */
    @Override
    public void lockForWriting(Connection connection, String resource) throws SQLException {
        appLock(connection, resource, "Shared");
    }

    @Override
    public void awaitWriters(Connection connection, String resource) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            appLock(connection, resource, "Exclusive");
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void appLock(Connection connection, String resource, String mode) throws SQLException {
        try (var ps = connection.prepareStatement(SqlServerStatements.appLock(mode))) {
            ps.setString(1, resource);
            ps.execute();
        }
    }

    @Override
    public void configureReadOnly(HikariConfig config) {
        config.setReadOnly(true);
        config.addDataSourceProperty("applicationIntent", "ReadOnly");
    }

    @Override
    public void verifyReadOnly(Connection connection, String environment) throws SQLException {
        try (var s = connection.createStatement();
             var rs = s.executeQuery("SELECT HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', 'INSERT')")) {
            if (rs.next() && rs.getInt(1) == 1) {
                LOG.warn("The login of source environment '{}' may write to it. osmigrate never writes to a source, "
                        + "but a login with db_datareader only makes that a guarantee.", environment);
            }
        }
    }

    @Override
    public DatabaseIdentity identity(Connection connection) throws SQLException {
        try (var s = connection.createStatement(); var rs = s.executeQuery(IDENTITY)) {
            rs.next();
            return identity(rs.getString(1), rs.getString(2), rs.getString(3));
        }
    }

    /**
     * The identity from what {@link #IDENTITY} returned. Server and database names compare case-insensitively, as
     * SQL Server resolves them.
     */
    static DatabaseIdentity identity(String serverProperty, String atAtServerName, String database) throws SQLException {
        String server = serverProperty != null ? serverProperty : atAtServerName;
        if (server == null || database == null) {
            throw new SQLException("the server did not tell its name and database (SERVERPROPERTY('ServerName'),"
                    + " @@SERVERNAME, DB_NAME())");
        }
        return new DatabaseIdentity("SQL Server database '" + database + "' on server " + server,
                Set.of("SQL Server|" + server.toUpperCase(Locale.ROOT) + "|" + database.toUpperCase(Locale.ROOT)));
    }

    @Override
    public boolean isTransientConnectFailure(SQLException e) {
        return TRANSIENT_CONNECT_ERRORS.contains(e.getErrorCode());
    }
}
