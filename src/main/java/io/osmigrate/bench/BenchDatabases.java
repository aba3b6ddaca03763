package io.osmigrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.osmigrate.config.EnvironmentSettings;
import io.osmigrate.config.Secrets;
import io.osmigrate.sample.SampleEnvironments;
import io.osmigrate.sample.SampleOptions;

/**
 * The benchmark's two throw-away databases: on PostgreSQL two new databases on the server of an admin URL
 * (dropped on {@link #close()} unless kept), on H2 two files in the benchmark's temporary folder. The main-side
 * counterpart of the tests' {@code PostgresDatabases}; it never touches a database it did not create.
 */
final class BenchDatabases implements AutoCloseable {

    private final BenchEngine engine;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final String sourceUrl;
    private final String destinationUrl;
    private final Path h2Dir;
    private final boolean keep;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BenchDatabases(BenchEngine engine, String adminUrl, String user, String password, String sourceUrl,
                           String destinationUrl, Path h2Dir, boolean keep) {
        this.engine = engine;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.sourceUrl = sourceUrl;
        this.destinationUrl = destinationUrl;
        this.h2Dir = h2Dir;
        this.keep = keep;
    }

    /**
     * Two databases {@code <prefix>_src} and {@code <prefix>_dst} on the admin URL's server, made by {@link #create()}.
     * Register the object for cleanup before creating them: {@link #close()} drops whatever exists of them.
     */
    static BenchDatabases postgres(String adminUrl, String user, String password, String prefix, boolean keep) {
        String base = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return new BenchDatabases(BenchEngine.POSTGRESQL, adminUrl, user, password, withDatabase(adminUrl, base + "_src"),
                withDatabase(adminUrl, base + "_dst"), null, keep);
    }

    /**
     * Creates the two empty PostgreSQL databases (nothing to do for H2). Holds the same lock as {@link #close()}, so a
     * close from a shutdown hook waits for a CREATE in flight and then drops it, and nothing is created once closed.
     */
    synchronized void create() {
        if (engine != BenchEngine.POSTGRESQL) {
            return;
        }
        try (Connection c = admin(adminUrl, user, password); Statement s = c.createStatement()) {
            for (String url : new String[] {sourceUrl, destinationUrl}) {
                if (closed.get()) {
                    throw new IllegalStateException("the benchmark was stopped while creating its databases");
                }
                s.execute("CREATE DATABASE " + name(url));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the benchmark databases on " + Secrets.redactUrl(adminUrl)
                    + " as " + user + ": " + e.getMessage() + ". Give a reachable server with --pg-url, the user with "
                    + "--pg-user and the password in " + BenchOptions.PASSWORD_VARIABLE + "; the user needs CREATEDB", e);
        }
    }

    /** Two H2 file databases under {@code dir}, made when the sample is built. */
    static BenchDatabases h2(Path dir, boolean keep) {
        return new BenchDatabases(BenchEngine.H2, null, SampleEnvironments.H2_USER, SampleEnvironments.H2_PASSWORD,
                null, null, dir, keep);
    }

    /**
     * Builds the sample solution in both databases. For H2 the files are made by
     * {@link SampleEnvironments#createH2Files}, and this object then knows their URLs.
     */
    BenchDatabases build(SampleOptions options) throws SQLException {
        if (engine == BenchEngine.H2) {
            SampleEnvironments.DemoEnvironments envs = SampleEnvironments.createH2Files(h2Dir, options, true);
            return new BenchDatabases(engine, null, user, password, envs.sourceUrl(), envs.destinationUrl(), h2Dir, keep);
        }
        try (Connection c = DriverManager.getConnection(sourceUrl, user, password)) {
            SampleEnvironments.createSource(c, options);
        }
        try (Connection c = DriverManager.getConnection(destinationUrl, user, password)) {
            SampleEnvironments.createDestination(c, options);
        }
        return this;
    }

    BenchEngine engine() {
        return engine;
    }

    String sourceUrl() {
        return sourceUrl;
    }

    String destinationUrl() {
        return destinationUrl;
    }

    Connection source() throws SQLException {
        return DriverManager.getConnection(sourceUrl, user, password);
    }

    Connection destination() throws SQLException {
        return DriverManager.getConnection(destinationUrl, user, password);
    }

    /** The environment osmigrate opens for a spec's environment name, with as many connections as its run may hold. */
    EnvironmentSettings environment(String name, boolean source, int poolSize) {
        return new EnvironmentSettings(name, source ? sourceUrl : destinationUrl, user, password, Math.max(4, poolSize),
                Duration.ofSeconds(10));
    }

    /** The server's version and the settings that govern write speed, for the record. */
    Map<String, String> serverFacts() throws SQLException {
        Map<String, String> facts = new LinkedHashMap<>();
        try (Connection c = destination()) {
            facts.put("product", c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
            facts.put("driver", c.getMetaData().getDriverName() + " " + c.getMetaData().getDriverVersion());
            if (engine == BenchEngine.POSTGRESQL) {
                facts.put("url", Secrets.redactUrl(adminUrl));
                try (Statement s = c.createStatement()) {
                    for (String setting : new String[] {"shared_buffers", "fsync", "synchronous_commit", "wal_level",
                        "max_wal_size", "work_mem"}) {
                        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                            if (rs.next()) {
                                facts.put(setting, rs.getString(1));
                            }
                        }
                    }
                }
            } else {
                facts.put("url", "embedded, files in " + h2Dir);
            }
        }
        return facts;
    }

    /**
     * Drops the PostgreSQL databases unless kept (H2 files go with the temporary folder); also those of a failed
     * {@link #create()}. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (engine != BenchEngine.POSTGRESQL || keep || !closed.compareAndSet(false, true)) {
            return;
        }
        try (Connection c = admin(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name(sourceUrl) + " WITH (FORCE)");
            s.execute("DROP DATABASE IF EXISTS " + name(destinationUrl) + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop the benchmark databases " + name(sourceUrl) + " and " + name(destinationUrl)
                    + ": " + e.getMessage() + "; drop them by hand");
        }
    }

    /** The database name of a URL made by {@link #withDatabase}. */
    static String name(String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The admin URL with another database: {@code jdbc:postgresql://h:p/postgres?x=y} → {@code …/name?x=y}. */
    static String withDatabase(String adminUrl, String database) {
        int query = adminUrl.indexOf('?');
        String path = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String params = query < 0 ? "" : adminUrl.substring(query);
        int slash = path.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            return path + "/" + database + params; // jdbc:postgresql://host:port without a database
        }
        return path.substring(0, slash + 1) + database + params;
    }

    private static Connection admin(String url, String user, String password) throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(url, user, password);
    }

    /** Deletes a folder and everything in it; quietly leaves what cannot be deleted. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a leftover temporary file is harmless
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
