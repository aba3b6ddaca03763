package io.osmigrate.state;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.osmigrate.config.OsmSettings;
import io.osmigrate.config.Secrets;
import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.Dialects;

/**
 * The state store: runs, the key map and dead letters, in an embedded H2 file by default or any
 * JDBC database by configuration; never the destination. Its schema is versioned with Flyway
 * ({@code db/state/<vendor>}), migrated on open. Thread-safe.
 */
public final class StateStore implements AutoCloseable {

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final KeyMap keyMap;
    private final Runs runs;
    private final DeadLetterStore deadLetters;

    private StateStore(HikariDataSource pool, Dialect dialect, long cacheSize) {
        this.pool = pool;
        this.dialect = dialect;
        this.keyMap = new KeyMap(pool, cacheSize);
        this.runs = new Runs(pool);
        this.deadLetters = new DeadLetterStore(pool);
    }

    public static StateStore open(OsmSettings settings) {
        return open(settings.stateUrl(), settings.stateUsername(), settings.statePassword(), settings.keyMapCacheSize());
    }

    public static StateStore open(String url, String username, String password, long cacheSize) {
        Dialect dialect = Dialects.forUrl(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("osm-state");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection()) {
            c.isValid(5);
            Flyway.configure().dataSource(pool).locations("classpath:db/state/" + vendorFolder(dialect))
                    .table("OSM_SCHEMA_HISTORY").load().migrate();
        } catch (SQLException | RuntimeException e) {
            pool.close();
            String detail = Secrets.mask(Secrets.redactUrl(String.valueOf(e.getMessage())), password);
            throw new io.osmigrate.config.ConfigException("cannot open the state store at " + Secrets.redactUrl(url) + ": "
                    + detail + ". Check osmigrate.state.* in the configuration");
        }
        return new StateStore(pool, dialect, cacheSize);
    }

    /** The folder of the schema scripts for an engine: the SQL types differ slightly. */
    private static String vendorFolder(Dialect dialect) {
        return switch (dialect.name()) {
            case "PostgreSQL" -> "postgresql";
            case "SQL Server" -> "sqlserver";
            default -> "h2";
        };
    }

    public DataSource dataSource() {
        return pool;
    }

    public Dialect dialect() {
        return dialect;
    }

    public KeyMap keyMap() {
        return keyMap;
    }

    public Runs runs() {
        return runs;
    }

    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    @Override
    public void close() {
        pool.close();
    }
}
