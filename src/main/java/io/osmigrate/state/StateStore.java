package io.osmigrate.state;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.OsmSettings;
import io.osmigrate.config.Secrets;

/**
 * The state store: runs, the key map, dead letters and saved BPT subscriptions, in an embedded SQLite file by default or a
 * PostgreSQL or SQL Server database by configuration; never the destination. Its schema is versioned
 * with Flyway ({@code db/state/<engine>}), migrated on open. An embedded store is held by one process
 * at a time ({@link StateFileLock}) and opened with the settings that keep every acknowledged commit
 * through kill -9 ({@link SqliteFile}); an H2 store from before is imported into it on first use.
 * Thread-safe.
 */
public final class StateStore implements AutoCloseable {

    private final HikariDataSource pool;
    private final StateEngine engine;
    private final StateFileLock lock;
    private final KeyMap keyMap;
    private final Runs runs;
    private final DeadLetterStore deadLetters;
    private final RunLocks runLocks;
    private final SavedEvents savedEvents;
    private final DeferredMarks deferredMarks;

    private StateStore(HikariDataSource pool, StateEngine engine, StateFileLock lock, long cacheSize) {
        this.pool = pool;
        this.engine = engine;
        this.lock = lock;
        this.keyMap = new KeyMap(pool, cacheSize);
        this.runs = new Runs(pool);
        this.deadLetters = new DeadLetterStore(pool);
        this.runLocks = new RunLocks(pool, engine, keyMap::forgetCached);
        this.savedEvents = new SavedEvents(pool);
        this.deferredMarks = new DeferredMarks(pool);
    }

    public static StateStore open(OsmSettings settings) {
        return open(settings.stateUrl(), settings.stateUsername(), settings.statePassword(), settings.keyMapCacheSize(),
                settings.origin());
    }

    public static StateStore open(String url, String username, String password, long cacheSize) {
        return open(url, username, password, cacheSize, "the configuration");
    }

    private static StateStore open(String url, String username, String password, long cacheSize, String origin) {
        StateEngine engine = StateEngine.of(url, origin);
        SqliteFile sqlite = engine == StateEngine.SQLITE ? SqliteFile.of(url, origin) : null;
        StateFileLock lock = sqlite == null ? null : StateFileLock.acquire(sqlite.file());
        HikariConfig config = new HikariConfig();
        config.setPoolName("osm-state");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        if (sqlite != null) {
            config.setDataSourceProperties(SqliteFile.durableProperties());
        }
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(config);
            try (Connection c = pool.getConnection()) {
                c.isValid(5);
            }
            Flyway.configure().dataSource(pool).locations("classpath:db/state/" + engine.schemaFolder())
                    .table("OSM_SCHEMA_HISTORY").load().migrate();
            if (sqlite != null) {
                LegacyH2Import.importIfPresent(sqlite, pool);
            }
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            if (lock != null) {
                lock.close();
            }
            if (e instanceof StateException) {
                throw (StateException) e;
            }
            String detail = Secrets.mask(Secrets.redactUrl(String.valueOf(e.getMessage())), password);
            throw new ConfigException("cannot open the state store at " + Secrets.redactUrl(url) + ": " + detail
                    + ". Check osmigrate.state.* in " + origin);
        }
        return new StateStore(pool, engine, lock, cacheSize);
    }

    /**
     * Whether the configured state store exists: an embedded store (or an H2 one it would import) has its file;
     * a server store is taken to exist. Lets read-only commands avoid creating an empty store.
     */
    public static boolean exists(OsmSettings settings) {
        if (StateEngine.of(settings.stateUrl(), settings.origin()) != StateEngine.SQLITE) {
            return true;
        }
        SqliteFile file = SqliteFile.of(settings.stateUrl(), settings.origin());
        return java.nio.file.Files.exists(file.file()) || java.nio.file.Files.exists(file.legacyH2File());
    }

    public DataSource dataSource() {
        return pool;
    }

    public StateEngine engine() {
        return engine;
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

    /** Which run holds which two environments: one run between them at a time. */
    public RunLocks runLocks() {
        return runLocks;
    }

    /** The destination's BPT subscriptions that triggers-off saved, until the events phase puts them back. */
    public SavedEvents savedEvents() {
        return savedEvents;
    }

    /** How far each moved entity's deferred references are set, so a top-up sets only what changed. */
    public DeferredMarks deferredMarks() {
        return deferredMarks;
    }

    @Override
    public void close() {
        pool.close();
        if (lock != null) {
            lock.close();
        }
    }
}
