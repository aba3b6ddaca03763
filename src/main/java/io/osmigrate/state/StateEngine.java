package io.osmigrate.state;

import java.util.Locale;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.Secrets;

/**
 * The engines a state store may live on, chosen from its JDBC URL. Each keeps the crash-safe
 * protocol's one promise about the store: a commit it acknowledged survives the osmigrate process
 * being killed at any moment. SQLite (the embedded default) does so with its write-ahead log and
 * {@code synchronous=FULL}; PostgreSQL and SQL Server are servers that outlive the process.
 *
 * <p>H2 is refused: an embedded H2 file was measured to lose its last acknowledged commits when the
 * process holding it is killed, and a lost PREPARED batch is a destination batch without pairs,
 * inserted again by the next run (see docs/crash-safety.md).
 */
public enum StateEngine {
    SQLITE("jdbc:sqlite:", "sqlite", "CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)"),
    POSTGRESQL("jdbc:postgresql:", "postgresql", "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"),
    SQLSERVER("jdbc:sqlserver:", "sqlserver", "DATEDIFF_BIG(MILLISECOND, '1970-01-01', SYSUTCDATETIME())");

    private final String prefix;
    private final String schemaFolder;
    private final String nowMillis;

    StateEngine(String prefix, String schemaFolder, String nowMillis) {
        this.prefix = prefix;
        this.schemaFolder = schemaFolder;
        this.nowMillis = nowMillis;
    }

    /** An SQL expression for the store's own clock, in milliseconds since 1970 (UTC): one clock for every host. */
    String nowMillis() {
        return nowMillis;
    }

    /** The Flyway folder of this engine's schema scripts under {@code db/state/}. */
    String schemaFolder() {
        return schemaFolder;
    }

    /**
     * The engine of a state-store URL, or a {@link ConfigException} naming the key (as configured in
     * {@code origin}) and what to do.
     */
    public static StateEngine of(String url, String origin) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (StateEngine e : values()) {
            if (lower.startsWith(e.prefix)) {
                return e;
            }
        }
        String where = origin + ": osmigrate.state.url is " + Secrets.redactUrl(url) + "; ";
        if (lower.startsWith("jdbc:h2:")) {
            throw new ConfigException(where + "an H2 database cannot hold the state store: an embedded H2 file can lose its"
                    + " last acknowledged commits when osmigrate is killed, and with them the key-map pairs of rows already"
                    + " in the destination. Remove the line to use the embedded default (SQLite under osmigrate.data-dir), or"
                    + " name a PostgreSQL or SQL Server database. An H2 state store named osmigrate.mv.db beside the SQLite"
                    + " file is imported into it on first use: move an existing one to <data-dir>/state/osmigrate.mv.db");
        }
        throw new ConfigException(where + "the state store must be a SQLite file (jdbc:sqlite:<file>), a PostgreSQL"
                + " database (jdbc:postgresql:) or a SQL Server database (jdbc:sqlserver:)");
    }
}
