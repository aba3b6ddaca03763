package io.osmigrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariConfig;

/**
 * Everything osmigrate does differently per database engine: identifier quoting, opening a source
 * read-only, streaming reads, error classification and the write path that returns
 * (source id → new id) pairs. One implementation per engine; stateless and thread-safe.
 */
public interface Dialect {

    /** The engine's name for messages: "SQL Server", "PostgreSQL", "H2". */
    String name();

    /** Whether this dialect serves the given JDBC URL. */
    boolean accepts(String jdbcUrl);

    /** Quotes an identifier spelled as the catalog spells it. */
    String quote(String identifier);

    /** Classifies a failure, looking through batch and chained exceptions. */
    ErrorKind classify(SQLException e);

    /** The largest number of bind parameters one statement may carry. */
    default int maxParameters() {
        return 32_767;
    }

    /** Adds whatever makes the engine itself refuse writes on source connections; may rewrite the URL. */
    void configureReadOnly(HikariConfig config);

    /** Settings a destination's pool needs for crash safety, where the engine has any (embedded H2). */
    default void configureForWriting(HikariConfig config) {
        // a server engine makes a commit durable before it acknowledges it
    }

    /**
     * Checks that an open source connection really refuses writes, and throws with a clear message
     * where the engine cannot promise it.
     */
    void verifyReadOnly(Connection connection, String environment) throws SQLException;

    /**
     * Which database the connection reaches, by the server's own account (see {@link DatabaseIdentity}), so that
     * a source and a destination that are one database are told apart from two databases however their URLs
     * are spelled. Reads nothing but the server's and the session's own facts; called in autocommit mode.
     */
    DatabaseIdentity identity(Connection connection) throws SQLException;

    /**
     * Whether a failed first connection may succeed if tried again within the connect timeout (the server is
     * starting, or has no free connection slot). Any other failure (refused, unknown host, wrong password,
     * unknown user or database) is final and is reported at once.
     */
    default boolean isTransientConnectFailure(SQLException e) {
        return false;
    }

    /**
     * The write path for one destination table, prepared on the connection it will run on (it may
     * look up a sequence or create a staging table there).
     */
    InsertPath insertPath(Connection connection, InsertTarget target) throws SQLException;

    /** The set-based update of some columns by identifier (deferred references). */
    UpdatePath updatePath(Connection connection, String table, ColumnInfo idColumn, java.util.List<ColumnInfo> columns)
            throws SQLException;

    /**
     * Takes, inside the caller's open transaction, the lock every osmigrate write transaction on a
     * database holds until it ends. Recovery waits for it ({@link #awaitWriters}) so that a write
     * transaction whose process was killed has surely committed or rolled back before recovery
     * decides what that process wrote.
     */
    default void lockForWriting(Connection connection, String resource) throws SQLException {
        // engines without such locks run embedded: their transactions die with the process
    }

    /** Blocks until no transaction holds the writing lock, then returns without holding it. */
    default void awaitWriters(Connection connection, String resource) throws SQLException {
        // see lockForWriting
    }

    /** Sets up a connection for a streamed read of a whole table (cursor, fetch size). */
    default void prepareStreamingRead(Connection connection) throws SQLException {
        // most drivers stream with their defaults
    }
}
