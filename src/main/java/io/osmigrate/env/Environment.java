package io.osmigrate.env;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;

import io.osmigrate.config.EnvironmentSettings;
import io.osmigrate.config.Secrets;
import io.osmigrate.config.Setting;
import io.osmigrate.dialect.DatabaseIdentity;
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

    /**
     * Opens the pool and checks a first connection; failures name the environment, the driver's cause and what to
     * check. A failure the driver reports as final (refused, unknown host, wrong password, unknown user or database)
     * is reported at once; only a server that does not answer, or a transient refusal, is waited for up to the
     * connect timeout. An environment declared read-only is refused as a destination before any connection is made.
     */
    public static Environment open(EnvironmentSettings settings, Side side) {
        if (side == Side.DESTINATION && settings.readOnly()) {
            throw new EnvironmentException("environment '" + settings.name() + "' is declared read-only ("
                    + Setting.ENV_READ_ONLY.key(settings.name()) + " = true): it may be a source, never a destination", null);
        }
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
        // the first connection stays open until the pool has its own: an in-memory database lives only while connected
        try (Connection first = env.connectDirectly(config); Connection c = pool.getConnection()) {
            if (side == Side.SOURCE) {
                dialect.verifyReadOnly(c, settings.name());
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw env.connectFailure(e);
        }
        return env;
    }

    /**
     * Whether the environment answers now (a health check): one connection straight from the driver within its
     * connect timeout, checked and closed. No pool is kept, nothing is read, and no side is taken, so it never stands
     * in the way of a run's own connections. When it does not answer, an {@link EnvironmentException} names the
     * environment and the driver's cause, never the password.
     */
    public static void probe(EnvironmentSettings settings, int validSeconds) {
        // an instance only for its messages: it has no pool and is never handed out
        Environment env = new Environment(settings, Side.SOURCE, Dialects.forUrl(settings.url()), null);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        try (Connection c = env.connectDirectly(config)) {
            if (c == null || !c.isValid(validSeconds)) {
                throw env.failure("cannot connect", "no valid connection now", "Check that the server is reachable");
            }
        } catch (SQLException e) {
            throw env.connectFailure(e);
        }
    }

    /**
     * One connection straight from the driver, with the pool's settings: the pool would retry a failed attempt until
     * its timeout and then report only that it timed out. A final failure is thrown as the driver reports it; a
     * transient one gives null, leaving the waiting to the pool.
     */
    private Connection connectDirectly(HikariConfig config) throws SQLException {
        DriverDataSource driver = new DriverDataSource(config.getJdbcUrl(), config.getDriverClassName(),
                config.getDataSourceProperties(), config.getUsername(), config.getPassword());
        driver.setLoginTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        try {
            return driver.getConnection();
        } catch (SQLException e) {
            if (dialect.isTransientConnectFailure(e)) {
                return null;
            }
            throw e;
        }
    }

    /** "cannot connect" with the driver's own cause, however deep the pool or the driver wrapped it. */
    private EnvironmentException connectFailure(Throwable e) {
        StringBuilder detail = new StringBuilder();
        Throwable cause = e;
        if (e instanceof SQLTransientConnectionException && e.getCause() != null) {
            // the pool's timeout: its own text says only that it waited; the driver's last failure says why
            detail.append("no connection within ").append(settings.connectTimeout().toSeconds()).append(" s; ");
            cause = e.getCause();
        }
        detail.append(causes(cause));
        return failure("cannot connect", detail.toString(), "Check that the server is reachable, and the URL, user name and"
                + " password given as osmigrate.env." + settings.name() + ".* in the configuration");
    }

    /** The messages of a throwable and its causes, each once: drivers put the network's reason in a cause. */
    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) >= 0) {
                continue;
            }
            if (text.isEmpty()) {
                text.append(message);
            } else {
                text.append(" (").append(t.getClass().getSimpleName()).append(": ").append(message).append(')');
            }
        }
        return text.toString();
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

    /** Which database this environment reaches, asked of its server (see {@link Dialect#identity}). */
    public DatabaseIdentity identity() {
        try (Connection c = pool.getConnection()) {
            return dialect.identity(c);
        } catch (SQLException e) {
            throw failure("cannot tell which database this is", e, "Check that the user may run the query the "
                    + dialect.name() + " dialect uses for it (see the README, \"Protecting the environments\")");
        }
    }

    /**
     * An exception for this environment whose message is free of the password. The driver's exception
     * is not chained: its text or its own causes may carry the URL with credentials.
     */
    public EnvironmentException failure(String what, Throwable cause, String advice) {
        return failure(what, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), advice);
    }

    private EnvironmentException failure(String what, String detail, String advice) {
        String safe = Secrets.mask(Secrets.redactUrl(detail), settings.password());
        return new EnvironmentException("environment '" + settings.name() + "' (" + dialect.name() + ", " + safeUrl()
                + "): " + what + ": " + safe + (safe.endsWith(".") ? " " : ". ") + advice, null);
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
