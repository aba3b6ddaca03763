package io.osmigrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

import com.zaxxer.hikari.HikariConfig;

/**
 * PostgreSQL. A source session is made read-only by the driver ({@code readOnlyMode=always}), so
 * the server itself rejects any write, even in autocommit mode.
 */
public class PostgresDialect implements Dialect {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PostgresDialect.class);

    /** What every login may read: the database's name, and the server by its port and the moment it started. */
    static final String IDENTITY = "SELECT current_database(), current_setting('port'),"
            + " extract(epoch FROM pg_postmaster_start_time())::text, pg_postmaster_start_time()::text";

    /**
     * The cluster's system identifier, fixed by initdb and shared only with its physical standbys. EXECUTE on
     * pg_control_system() is granted to PUBLIC by default (PostgreSQL 9.6 and later), but an administrator may
     * revoke it.
     */
    static final String SYSTEM_IDENTIFIER = "SELECT system_identifier::text FROM pg_control_system()";

    /** insufficient_privilege: EXECUTE on pg_control_system() was revoked. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

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

    /**
     * The database's name with two marks of its server: the system identifier, which also ties a physical
     * standby to its primary, where the login may read it; and the server's port and start time, which every
     * login may read and which two running servers never share. Two logins with different privileges on one
     * server thus still compare equal.
     */
    @Override
    public DatabaseIdentity identity(Connection connection) throws SQLException {
        String database;
        String port;
        String startedEpoch;
        String started;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(IDENTITY)) {
            rs.next();
            database = rs.getString(1);
            port = rs.getString(2);
            startedEpoch = rs.getString(3);
            started = rs.getString(4);
        }
        String system = systemIdentifier(connection);
        Set<String> marks = new LinkedHashSet<>();
        marks.add("PostgreSQL|server started " + startedEpoch + " on port " + port + "|" + database);
        if (system != null) {
            marks.add("PostgreSQL|system " + system + "|" + database);
        }
        return new DatabaseIdentity("PostgreSQL database '" + database + "' of the server " + (system != null
                ? "with system identifier " + system : "on port " + port + " started at " + started), marks);
    }

    /** The system identifier, or null where the login may not read it. */
    private static String systemIdentifier(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(SYSTEM_IDENTIFIER)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw e;
            }
            LOG.debug("pg_control_system() is not granted to this login; the database is identified by its server's"
                    + " port and start time only");
            return null;
        }
    }

    /** cannot_connect_now (the server is starting or shutting down), too_many_connections: both may pass. */
    @Override
    public boolean isTransientConnectFailure(SQLException e) {
        return "57P03".equals(e.getSQLState()) || "53300".equals(e.getSQLState());
    }

    /**
     * Sequence-drawn identifiers plus COPY when the table's identity sequence may be used; otherwise
     * the portable JDBC batch with generated keys (about 3× slower, equally correct).
     */
    @Override
    public InsertPath insertPath(Connection connection, InsertTarget target) throws SQLException {
        if (!target.generatedId()) {
            return new PostgresCopyInsertPath(this, target, null);
        }
        String sequence = null;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT s, has_sequence_privilege(s, 'USAGE') FROM pg_get_serial_sequence(?, ?) AS s")) {
            ps.setString(1, quote(target.table()));
            ps.setString(2, target.idColumn().name());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null && rs.getBoolean(2)) {
                    sequence = rs.getString(1);
                }
            }
        }
        if (sequence == null) {
            LOG.warn("No usable identity sequence on {}: writing with JDBC batches and generated keys (slower). Grant USAGE"
                    + " on the table's sequence for the COPY path.", target.table());
            return new JdbcBatchInsertPath(this, target);
        }
        return new PostgresCopyInsertPath(this, target, sequence);
    }

    @Override
    public UpdatePath updatePath(Connection connection, String table, ColumnInfo idColumn, java.util.List<ColumnInfo> columns) {
        return new PostgresUnnestUpdatePath(this, table, idColumn, columns);
    }

    /**
     * A shared, transaction-scoped advisory lock: writers do not wait for each other, and PostgreSQL
     * releases it when the transaction ends, however it ends. Recovery takes it exclusively.
     */
    @Override
    public void lockForWriting(Connection connection, String resource) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_xact_lock_shared(hashtext(?))")) {
            ps.setString(1, resource);
            ps.executeQuery().close();
        }
    }

    @Override
    public void awaitWriters(Connection connection, String resource) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(hashtext(?))");
             PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            lock.setString(1, resource);
            lock.executeQuery().close();
            unlock.setString(1, resource);
            unlock.executeQuery().close();
        }
    }

    /** A cursor, not the whole result in memory: pgjdbc streams only with autocommit off and a fetch size. */
    @Override
    public void prepareStreamingRead(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }
}
