package io.osmigrate.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * Builds OutSystems-shaped source and destination environments of the sample solution (see
 * {@code environment-contract.md}): the OSSYS_* metamodel, users, static entities and application data, BPT
 * definitions and instances, OSEVT_* subscriptions (and on PostgreSQL the triggers that turn them into queued
 * events), with the drift between the two environments that osmigrate must detect. Works on H2 and PostgreSQL, detected
 * from the connection; the same options give the same data on both.
 *
 * <p>Each {@code create*} method expects an empty database (default schema), creates every table, commits
 * and leaves the connection open with its auto-commit mode restored. On failure the PostgreSQL transaction is
 * rolled back; an H2 database may be left half-built (H2 commits DDL) and should be discarded.
 */
public final class SampleEnvironments {

    /** H2 credentials of {@link #createH2Files}; they are also in its URLs, so the URL alone connects. */
    public static final String H2_USER = "sa";
    public static final String H2_PASSWORD = "";

    /** JDBC URLs of the two H2 file databases made by {@link #createH2Files}. */
    public record DemoEnvironments(String sourceUrl, String destinationUrl) {
    }

    private SampleEnvironments() {
    }

    public static void createSource(Connection c, SampleOptions o) throws SQLException {
        create(c, o, Side.SOURCE);
    }

    public static void createDestination(Connection c, SampleOptions o) throws SQLException {
        create(c, o, Side.DESTINATION);
    }

    /**
     * Creates {@code dir/source} and {@code dir/destination} H2 file databases ({@code MODE=MSSQLServer}) and
     * returns their URLs; all connections are closed on return. With {@code reset} existing databases are
     * deleted first; without it an existing database is reused as it is (a database only appears under its
     * final name once fully built, so an existing one is complete, though maybe from other options).
     */
    public static DemoEnvironments createH2Files(Path dir, SampleOptions o, boolean reset) throws SQLException {
        Objects.requireNonNull(o, "options");
        try {
            Files.createDirectories(dir);
            String source = h2File(dir, "source", o, reset, Side.SOURCE);
            String destination = h2File(dir, "destination", o, reset, Side.DESTINATION);
            return new DemoEnvironments(source, destination);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare H2 files in " + dir, e);
        }
    }

    private static String h2File(Path dir, String name, SampleOptions o, boolean reset, Side side)
            throws IOException, SQLException {
        Path database = dir.resolve(name + ".mv.db");
        if (reset) {
            deleteH2Files(dir, name);
        }
        if (Files.exists(database)) {
            return h2Url(dir.resolve(name));
        }
        // build under a temporary name, so a crash never leaves a half-built database under the real one
        String building = name + "-building";
        deleteH2Files(dir, building);
        try (Connection c = DriverManager.getConnection(h2Url(dir.resolve(building)))) {
            create(c, o, side);
        }
        Files.move(dir.resolve(building + ".mv.db"), database, StandardCopyOption.ATOMIC_MOVE);
        deleteH2Files(dir, building);
        return h2Url(dir.resolve(name));
    }

    private static String h2Url(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";MODE=MSSQLServer;USER=" + H2_USER + ";PASSWORD=" + H2_PASSWORD;
    }

    private static void deleteH2Files(Path dir, String name) throws IOException {
        for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db", ".mv.db.tempFile"}) {
            Files.deleteIfExists(dir.resolve(name + suffix));
        }
    }

    private static void create(Connection c, SampleOptions o, Side side) throws SQLException {
        Objects.requireNonNull(c, "connection");
        Objects.requireNonNull(o, "options");
        Engine engine = Engine.detect(c);
        requireEmpty(c);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Generation g = new Generation(c, engine, side, o, new ValuePools(o.seed()));
            MetamodelDdl.create(c, engine);
            ApplicationDdl.createTables(c, engine, g.model);
            EventDdl.create(c, engine, g.model);
            BptDdl.create(c, engine);
            MetamodelRows.Ids metamodel = MetamodelRows.write(g);
            UserDirectory users = UserRows.write(g, metamodel);
            StaticAndLeftoverData.write(g);
            CatalogData.write(g);
            if (side.isSource()) {
                CustomerData.writeSource(g, users);
                OrderData.writeSource(g, users);
                SupportData.writeSource(g, users);
            } else {
                CustomerData.writeDestination(g, users, o.destinationCustomers());
                OrderData.writeDestination(g, users, o.destinationCustomers());
            }
            BptDefinitions.Ids bpt = BptDefinitions.write(g, metamodel);
            BptInstances instances = BptInstances.write(g, bpt, users);
            EventRows.write(g, metamodel.espaces(), bpt, instances, users);
            if (side.isSource()) {
                WorkflowData.writeSource(g, instances);
            }
            ApplicationDdl.finish(c, engine, g.model);
            BptDdl.finish(c, engine);
            if (engine == Engine.POSTGRESQL) {
                PgEventTriggers.create(c, g.model); // last: the generator's own rows queue nothing
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE"); // fresh statistics, so osmigrate's first queries plan well
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void requireEmpty(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : new String[] {"OSSYS_ESPACE", "ossys_espace"}) {
            try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    throw new IllegalStateException("the database already holds OSSYS_ESPACE (schema "
                            + rs.getString("TABLE_SCHEM") + "): the sample generator needs an empty database");
                }
            }
        }
    }
}
