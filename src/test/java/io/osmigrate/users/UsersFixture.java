package io.osmigrate.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.app.Plans;
import io.osmigrate.config.EnvironmentSettings;
import io.osmigrate.env.Environment;
import io.osmigrate.env.Side;
import io.osmigrate.plan.Plan;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.run.RunService;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.SpecLoader;

/**
 * One destination environment made by the sample generator next to a shared source, with an osmigrate
 * runtime around them (its own state store in memory and data directory under target/), for tests that
 * run the users phase through {@link RunService} as the command line does. Close it to release both.
 */
final class UsersFixture implements AutoCloseable {

    static final String SOURCE = "users-src";
    static final String DESTINATION = "users-dst";

    private final Path dir;
    private final OsmRuntime runtime;
    private final DropDatabase dropDestination;

    UsersFixture(EnvironmentSettings source, EnvironmentSettings destination, DropDatabase dropDestination) throws IOException {
        this.dir = Path.of("target", "users-it", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Files.createDirectories(dir);
        Path config = dir.resolve("osmigrate.properties");
        Files.writeString(config, "osmigrate.data-dir = " + dir.resolve("data").toString().replace('\\', '/') + "\n");
        this.runtime = OsmRuntime.standalone(config);
        runtime.override(rename(source, SOURCE));
        runtime.override(rename(destination, DESTINATION));
        this.dropDestination = dropDestination;
    }

    private static EnvironmentSettings rename(EnvironmentSettings s, String name) {
        return new EnvironmentSettings(name, s.url(), s.username(), s.password(), 4, Duration.ofSeconds(10));
    }

    /** A spec moving the Orders and Support applications, with the given extra YAML (a users: section…). */
    MigrationSpec spec(String extra) throws IOException {
        String yaml = "source: " + SOURCE + "\ndestination: " + DESTINATION + "\n"
                + "scope:\n  applications: [Orders, Support]\n"
                + "entities:\n  CatalogCore.Product:\n    match: [Code]\n" + extra;
        Path file = dir.resolve("spec-" + UUID.randomUUID().toString().substring(0, 6) + ".yaml");
        Files.writeString(file, yaml);
        return SpecLoader.load(file);
    }

    Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    Plan plan(MigrationSpec spec) {
        return Plans.make(runtime, spec);
    }

    RunReport run(MigrationSpec spec, Phase... phases) throws Exception {
        return RunService.run(runtime, spec, new RunOptions(List.of(phases), false));
    }

    OsmRuntime runtime() {
        return runtime;
    }

    Environment source() {
        return runtime.environment(SOURCE, Side.SOURCE);
    }

    Environment destination() {
        return runtime.environment(DESTINATION, Side.DESTINATION);
    }

    /** Runs statements on the destination (test set-up), outside osmigrate. */
    void onDestination(String... sql) throws SQLException {
        try (Connection c = destination().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.executeUpdate(q);
            }
        }
    }

    List<Object[]> rows(Environment env, String sql, Object... params) throws SQLException {
        try (Connection c = env.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    long count(Environment env, String sql, Object... params) throws SQLException {
        return ((Number) rows(env, sql, params).get(0)[0]).longValue();
    }

    /** Users of one side by id: "tenant name|lower-case username" (the identity osmigrate matches by). */
    Map<Long, String> identities(Environment env) throws SQLException {
        Map<Long, String> result = new TreeMap<>();
        for (Object[] r : rows(env, "SELECT u.ID, t.NAME, u.USERNAME FROM OSSYS_USER u JOIN OSSYS_TENANT t ON t.ID = u.TENANT_ID")) {
            result.put(((Number) r[0]).longValue(), r[1] + "|" + r[2].toString().toLowerCase(java.util.Locale.ROOT));
        }
        return result;
    }

    /** Every row of the five user tables and the tenants, as text, to compare a destination before and after. */
    String userTablesSnapshot() throws SQLException {
        StringBuilder b = new StringBuilder();
        for (String sql : new String[] {
            "SELECT ID, NAME, ESPACE_ID FROM OSSYS_TENANT ORDER BY ID",
            "SELECT ID, TENANT_ID, USERNAME, NAME, EMAIL, MOBILEPHONE, EXTERNAL_ID, PASSWORD, IS_ACTIVE FROM OSSYS_USER ORDER BY ID",
            "SELECT USER_ID, ROLE_ID, TENANT_ID FROM OSSYS_USER_ROLE ORDER BY USER_ID, ROLE_ID",
            "SELECT ID, TENANT_ID, NAME, CREATED_BY FROM OSSYS_GROUP ORDER BY ID",
            "SELECT GROUP_ID, USER_ID FROM OSSYS_GROUP_USER ORDER BY GROUP_ID, USER_ID",
            "SELECT GROUP_ID, ROLE_ID FROM OSSYS_GROUP_ROLE ORDER BY GROUP_ID, ROLE_ID"}) {
            for (Object[] r : rows(destination(), sql)) {
                b.append(java.util.Arrays.toString(r)).append('\n');
            }
            b.append("--\n");
        }
        return b.toString();
    }

    @Override
    public void close() throws java.sql.SQLException, java.io.IOException {
        runtime.close();
        dropDestination.drop();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Drops the destination database a fixture made. */
    @FunctionalInterface
    interface DropDatabase {
        void drop() throws java.sql.SQLException;
    }
}
