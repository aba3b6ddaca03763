package io.osmigrate.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.app.Plans;
import io.osmigrate.config.EnvironmentSettings;
import io.osmigrate.env.Environment;
import io.osmigrate.env.Side;
import io.osmigrate.plan.Plan;
import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.run.RunService;
import io.osmigrate.sample.SampleEnvironments;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.SpecLoader;

/**
 * A source and a destination of the sample solution (H2 files or PostgreSQL databases), a
 * configuration file naming them "src" and "dst", a state store of their own and a spec: what an
 * integration test needs to run osmigrate as a user would and check the result.
 */
public final class MigrationFixture implements AutoCloseable {

    public static final String BASE_SPEC = """
            source: src
            destination: dst
            scope:
              applications: [Orders, Support]
            entities:
              CatalogCore.Product:
                match: [Code]
            """;

    private final Path dir;
    private final String sourceUrl;
    private final String destinationUrl;
    private final String user;
    private final String password;
    private final boolean postgres;
    private final Path config;
    private Path spec;

    private MigrationFixture(Path dir, String sourceUrl, String destinationUrl, String user, String password, boolean postgres)
            throws Exception {
        this.dir = dir;
        this.sourceUrl = sourceUrl;
        this.destinationUrl = destinationUrl;
        this.user = user;
        this.password = password;
        this.postgres = postgres;
        this.config = dir.resolve("application.properties");
        Files.writeString(config, String.join("\n",
                "osmigrate.data-dir = " + dir.resolve("data"),
                "osmigrate.batch-size = 100",
                "osmigrate.env.src.url = " + sourceUrl,
                "osmigrate.env.src.username = " + user,
                "osmigrate.env.src.password = " + password,
                "osmigrate.env.dst.url = " + destinationUrl,
                "osmigrate.env.dst.username = " + user,
                "osmigrate.env.dst.password = " + password, ""));
        spec(BASE_SPEC);
    }

    /** Two H2 files under {@code dir}. */
    public static MigrationFixture h2(Path dir, SampleOptions options) throws Exception {
        SampleEnvironments.DemoEnvironments envs = SampleEnvironments.createH2Files(dir.resolve("db"), options, true);
        return new MigrationFixture(dir, envs.sourceUrl(), envs.destinationUrl(), SampleEnvironments.H2_USER,
                SampleEnvironments.H2_PASSWORD, false);
    }

    /** Two new PostgreSQL databases (dropped on close); skips where no server answers (fails in CI). */
    public static MigrationFixture postgres(Path dir, SampleOptions options) throws Exception {
        String src = PostgresDatabases.create("src");
        String dst = PostgresDatabases.create("dst");
        try (Connection c = DriverManager.getConnection(src, PostgresDatabases.user(), PostgresDatabases.password())) {
            SampleEnvironments.createSource(c, options);
        }
        try (Connection c = DriverManager.getConnection(dst, PostgresDatabases.user(), PostgresDatabases.password())) {
            SampleEnvironments.createDestination(c, options);
        }
        return new MigrationFixture(dir, src, dst, PostgresDatabases.user(), PostgresDatabases.password(), true);
    }

    /** Replaces the spec (its YAML, source and destination included). */
    public MigrationFixture spec(String yaml) throws Exception {
        spec = dir.resolve("spec.yaml");
        Files.writeString(spec, yaml);
        return this;
    }

    public Path config() {
        return config;
    }

    /**
     * Sets one property of this fixture's configuration file, replacing the line that sets it; a null value
     * removes the line, so the packaged default applies.
     */
    public MigrationFixture configure(String key, String value) throws java.io.IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(config));
        lines.removeIf(l -> l.startsWith(key + " =") || l.startsWith(key + "="));
        if (value != null) {
            lines.add(key + " = " + value);
        }
        Files.write(config, lines);
        return this;
    }

    /**
     * A second configuration file, beside {@link #config()}, that names this fixture's source and destination
     * as given (e.g. demo-source and demo-destination), so that a spec written for other names, such as
     * config/migrations/demo.yaml, plans against this fixture as it is.
     */
    public Path configNaming(String sourceName, String destinationName) throws java.io.IOException {
        Path named = dir.resolve("application-" + sourceName + "-" + destinationName + ".properties");
        Files.writeString(named, Files.readString(config).replace("osmigrate.env.src.", "osmigrate.env." + sourceName + ".")
                .replace("osmigrate.env.dst.", "osmigrate.env." + destinationName + "."));
        return named;
    }

    /** The source's JDBC URL as the configuration gives it (H2 URLs carry the user and password of the sample). */
    public String sourceUrl() {
        return sourceUrl;
    }

    public Path specFile() {
        return spec;
    }

    public Path dir() {
        return dir;
    }

    public MigrationSpec loadSpec() {
        return SpecLoader.load(spec);
    }

    public RunReport run(RunOptions options) throws Exception {
        try (OsmRuntime runtime = OsmRuntime.standalone(config)) {
            return RunService.run(runtime, loadSpec(), options);
        }
    }

    public RunReport run() throws Exception {
        return run(RunOptions.defaults());
    }

    /** Key-map batches left PREPARED in this fixture's state store (a run that stopped mid-protocol). */
    public long preparedBatches() throws SQLException {
        try (OsmRuntime runtime = OsmRuntime.standalone(config);
             Connection c = runtime.state().dataSource().getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM OSM_KEY_BATCH WHERE STATE = 'PREPARED'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public Plan plan() {
        try (OsmRuntime runtime = OsmRuntime.standalone(config)) {
            return Plans.make(runtime, loadSpec());
        }
    }

    /** Destination row counts of the moved entities (before a run). */
    public Map<String, Long> destinationCounts() throws SQLException {
        Plan plan = plan();
        try (Environment dst = destination()) {
            return MigrationCheck.counts(plan, dst);
        }
    }

    /** Checks the destination against the source, row by row. */
    public MigrationCheck.Result check(Map<String, Long> before) throws Exception {
        try (OsmRuntime runtime = OsmRuntime.standalone(config)) {
            Plan plan = Plans.make(runtime, loadSpec());
            return MigrationCheck.check(plan, runtime.environment("src", Side.SOURCE), runtime.environment("dst", Side.DESTINATION),
                    runtime.state(), before);
        }
    }

    public Environment source() {
        return Environment.open(settings("src", sourceUrl), Side.SOURCE);
    }

    public Environment destination() {
        return Environment.open(settings("dst", destinationUrl), Side.DESTINATION);
    }

    /** A writable connection to the source, for tests that change it between runs (never while osmigrate runs). */
    public Connection writableSource() throws SQLException {
        return DriverManager.getConnection(sourceUrl, user, password);
    }

    public Connection writableDestination() throws SQLException {
        return DriverManager.getConnection(destinationUrl, user, password);
    }

    /**
     * Gives every source user a destination twin (same tenant name, same username), so tests of the
     * data phase do not depend on the users phase.
     */
    public MigrationFixture addMissingUsersToDestination() throws SQLException {
        Map<Long, String> sourceTenants = new java.util.HashMap<>();
        Map<String, Long> destinationTenants = new java.util.HashMap<>();
        java.util.Set<String> present = new java.util.HashSet<>();
        try (Connection s = writableSource(); Connection d = writableDestination()) {
            try (var rs = s.createStatement().executeQuery("SELECT ID, NAME FROM OSSYS_TENANT")) {
                while (rs.next()) {
                    sourceTenants.put(rs.getLong(1), rs.getString(2));
                }
            }
            try (var rs = d.createStatement().executeQuery("SELECT ID, NAME FROM OSSYS_TENANT")) {
                while (rs.next()) {
                    destinationTenants.put(rs.getString(2), rs.getLong(1));
                }
            }
            try (var rs = d.createStatement().executeQuery("SELECT TENANT_ID, USERNAME FROM OSSYS_USER")) {
                while (rs.next()) {
                    present.add(rs.getLong(1) + "|" + rs.getString(2).toLowerCase(java.util.Locale.ROOT));
                }
            }
            try (var rs = s.createStatement().executeQuery("SELECT TENANT_ID, USERNAME, NAME FROM OSSYS_USER");
                 var insert = d.prepareStatement("INSERT INTO OSSYS_USER (TENANT_ID, USERNAME, NAME, IS_ACTIVE) VALUES (?, ?, ?, ?)")) {
                while (rs.next()) {
                    Long tenant = destinationTenants.get(sourceTenants.get(rs.getLong(1)));
                    if (tenant != null && present.add(tenant + "|" + rs.getString(2).toLowerCase(java.util.Locale.ROOT))) {
                        insert.setLong(1, tenant);
                        insert.setString(2, rs.getString(2));
                        insert.setString(3, rs.getString(3));
                        insert.setObject(4, postgres ? (Object) 1 : (Object) Boolean.TRUE);
                        insert.executeUpdate();
                    }
                }
            }
        }
        return this;
    }

    public boolean isPostgres() {
        return postgres;
    }

    private EnvironmentSettings settings(String name, String url) {
        return new EnvironmentSettings(name, url, user, password, 2, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        if (postgres) {
            PostgresDatabases.drop(sourceUrl);
            PostgresDatabases.drop(destinationUrl);
        }
    }
}
