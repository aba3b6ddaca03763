package io.osmigrate.env;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.osmigrate.config.EnvironmentSettings;
import io.osmigrate.config.Secrets;
import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.Dialects;
import io.osmigrate.dialect.PhysicalCatalog;

/**
 * One opened environment: a HikariCP pool and its dialect. A source environment's connections
 * refuse writes at the engine level where the engine can (see the dialects). Thread-safe.
 */
public final class Environment implements AutoCloseable {

    private final EnvironmentSettings settings;
    private final Side side;
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final AtomicReference<PhysicalCatalog> catalog = new AtomicReference<>();

    private Environment(EnvironmentSettings settings, Side side, Dialect dialect, HikariDataSource pool) {
        this.settings = settings;
        this.side = side;
        this.dialect = dialect;
        this.pool = pool;
    }

    /** Opens the pool and checks a first connection; failures name the environment and what to check. */
    public static Environment open(EnvironmentSettings settings, Side side) {
        Dialect dialect = Dialects.forUrl(settings.url());
        HikariConfig config = new HikariConfig();
        config.setPoolName("osm-" + settings.name());
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        if (side == Side.SOURCE) {
            dialect.configureReadOnly(config);
        } else {
            dialect.configureForWriting(config);
        }
        HikariDataSource pool = new HikariDataSource(config);
        Environment env = new Environment(settings, side, dialect, pool);
        try (Connection c = pool.getConnection()) {
            if (side == Side.SOURCE) {
                dialect.verifyReadOnly(c, settings.name());
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw env.failure("cannot connect", e, "Check that the server is reachable, and the URL, user name and password"
                    + " given as osmigrate.env." + settings.name() + ".* in the configuration");
        }
        return env;
    }

    public String name() {
        return settings.name();
    }

    public Side side() {
        return side;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The URL without its password, for messages and reports. */
    public String safeUrl() {
        return Secrets.redactUrl(settings.url());
    }

    /** The physical catalog, read on first use. */
    public PhysicalCatalog catalog() {
        PhysicalCatalog c = catalog.get();
        if (c == null) {
            try {
                c = PhysicalCatalog.read(pool);
            } catch (SQLException e) {
                throw failure("cannot read the table list", e, "Check that the user may read the catalog");
            }
            catalog.compareAndSet(null, c);
        }
        return catalog.get();
    }

    /** Forgets the catalog snapshot (after tables were created, e.g. by a test). */
    public void refreshCatalog() {
        catalog.set(null);
    }

    /**
     * An exception for this environment whose message is free of the password. The driver's exception
     * is not chained: its text or its own causes may carry the URL with credentials.
     */
    public EnvironmentException failure(String what, Throwable cause, String advice) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        detail = Secrets.mask(Secrets.redactUrl(detail), settings.password());
        return new EnvironmentException("environment '" + settings.name() + "' (" + dialect.name() + ", " + safeUrl()
                + "): " + what + ": " + detail + ". " + advice, null);
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
