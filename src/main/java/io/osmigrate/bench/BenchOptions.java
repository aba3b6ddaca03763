package io.osmigrate.bench;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What one benchmark run does.
 *
 * @param rows            approximate application rows of the sample source ({@code SampleOptions.of(rows)})
 * @param perRowSample    rows of the largest moved table that the per-row recipe inserts
 * @param pgAdminUrl      a PostgreSQL database the benchmark connects to in order to create and drop its two databases
 * @param keep            keep the databases, copy tables and temporary folder for inspection
 * @param spec            the spec over the sample solution (its environment names are pointed at the benchmark's databases)
 * @param dataDir         where the JSON figures go ({@code <dataDir>/bench/<timestamp>.json}); the user's data
 *                        directory, never written otherwise
 * @param workParent      where the temporary folder (state store, run reports, H2 files) is made; null: the system's
 * @param batchSize       osmigrate.batch-size of the benchmark's runtime
 * @param fetchSize       osmigrate.fetch-size of the benchmark's runtime
 * @param keyMapCacheSize osmigrate.keymap.cache-size of the benchmark's runtime
 * @param writers         osmigrate.writers of the benchmark's runtime, and the connections of the parallel copy
 * @param tablesAtOnce    osmigrate.tables-at-once of the benchmark's runtime
 */
public record BenchOptions(BenchEngine engine, long rows, int perRowSample, String pgAdminUrl, String pgUser,
                           String pgPassword, boolean keep, Path spec, Path dataDir, Path workParent, int batchSize,
                           int fetchSize, long keyMapCacheSize, int writers, int tablesAtOnce) {

    public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    /** The environment variable the PostgreSQL password is read from (then PGPASSWORD). */
    public static final String PASSWORD_VARIABLE = "OSM_BENCH_PG_PASSWORD";

    public BenchOptions {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(dataDir, "dataDir");
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be >= 1, was " + rows);
        }
        if (perRowSample < 1) {
            throw new IllegalArgumentException("the per-row sample must be >= 1 row, was " + perRowSample);
        }
        if (writers < 1 || writers > 16) {
            throw new IllegalArgumentException("writers must be 1..16, was " + writers);
        }
        if (tablesAtOnce < 1 || tablesAtOnce > 4) {
            throw new IllegalArgumentException("tables at once must be 1..4, was " + tablesAtOnce);
        }
        pgAdminUrl = pgAdminUrl == null || pgAdminUrl.isBlank() ? DEFAULT_PG_URL : pgAdminUrl;
        pgUser = pgUser == null || pgUser.isBlank() ? "postgres" : pgUser;
        pgPassword = pgPassword == null ? "" : pgPassword;
    }

    /** One table at a time. */
    public BenchOptions(BenchEngine engine, long rows, int perRowSample, String pgAdminUrl, String pgUser, String pgPassword,
                        boolean keep, Path spec, Path dataDir, Path workParent, int batchSize, int fetchSize,
                        long keyMapCacheSize, int writers) {
        this(engine, rows, perRowSample, pgAdminUrl, pgUser, pgPassword, keep, spec, dataDir, workParent, batchSize, fetchSize,
                keyMapCacheSize, writers, 1);
    }

    /** The connections osmigrate's runtime may hold in an environment: one per writer and table at once, plus one. */
    public int poolSize() {
        return writers * tablesAtOnce + 1;
    }

    /** The PostgreSQL password from {@value #PASSWORD_VARIABLE}, else PGPASSWORD, else empty (trust or peer auth). */
    public static String passwordFromEnvironment() {
        for (String name : new String[] {PASSWORD_VARIABLE, "PGPASSWORD"}) {
            String v = System.getenv(name);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return "BenchOptions[" + engine.wire() + ", rows " + rows + ", per-row sample " + perRowSample + ", writers " + writers
                + ", tables at once " + tablesAtOnce + "]";
    }
}
