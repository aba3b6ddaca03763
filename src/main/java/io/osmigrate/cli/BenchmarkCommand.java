package io.osmigrate.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.OsmRuntime;
import io.osmigrate.bench.BenchEngine;
import io.osmigrate.bench.BenchOptions;
import io.osmigrate.bench.Benchmark;
import io.osmigrate.config.ConfigException;
import io.osmigrate.config.OsmSettings;

/**
 * {@code benchmark [--rows N] [--engine postgresql|h2] [--writers N] [--tables-at-once N] [--per-row-sample N] [--pg-url URL] [--pg-user USER]
 * [--keep] [--spec FILE]}: the throughput of the data phase against baselines measured in the same run, on the same
 * server. The README's "Benchmark" section says how to run it and read it; {@link io.osmigrate.bench.Benchmark} what
 * each figure measures. PostgreSQL: two databases {@code osm_bench_<time>_<pid>_src|_dst} are created through
 * {@code --pg-url} (the user needs CREATEDB; password from {@code OSM_BENCH_PG_PASSWORD}, else {@code PGPASSWORD}) and
 * dropped at the end unless {@code --keep}. H2: two files in the temporary folder. osmigrate runs on a temporary
 * configuration whose data directory is that folder, with the batch size, fetch size and key-map cache size of
 * {@code --config}; only the JSON figures go to the configured data directory, as
 * {@code <data-dir>/bench/<yyyyMMdd-HHmmss>.json} (UTC). Exit code 0 when every measurement ran, 4 when one failed,
 * 2 for bad options.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Measures the data phase on the sample solution against a raw COPY and the"
        + " per-row recipe on the same server; prints rows/s, ratios, heap and PASS/MISS.")
final class BenchmarkCommand implements Callable<Integer> {

    @ParentCommand
    OsMigrate parent;

    @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N",
            description = "Approximate application rows of the sample source (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--engine", defaultValue = "postgresql", paramLabel = "ENGINE",
            description = "postgresql or h2 (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--per-row-sample", defaultValue = "20000", paramLabel = "N",
            description = "Rows of each of the two sampled tables the per-row recipe inserts (default: ${DEFAULT-VALUE}).")
    int perRowSample;

    @Option(names = "--writers", paramLabel = "N",
            description = "osmigrate's writers (1..16), and the connections of the destination-cost copy (default: the"
                    + " configuration's osmigrate.writers).")
    Integer writers;

    @Option(names = "--tables-at-once", paramLabel = "N",
            description = "osmigrate.tables-at-once of the benchmark's runtime (1..4; default: the configuration's).")
    Integer tablesAtOnce;

    @Option(names = "--pg-url", defaultValue = BenchOptions.DEFAULT_PG_URL, paramLabel = "URL",
            description = "PostgreSQL admin URL the benchmark creates its databases through (default: ${DEFAULT-VALUE});"
                    + " password from " + BenchOptions.PASSWORD_VARIABLE + " or PGPASSWORD.")
    String pgUrl;

    @Option(names = "--pg-user", defaultValue = "postgres", paramLabel = "USER",
            description = "PostgreSQL user with CREATEDB (default: ${DEFAULT-VALUE}).")
    String pgUser;

    @Option(names = "--keep", description = "Keep the databases, copy tables and temporary folder for inspection.")
    boolean keep;

    @Option(names = "--spec", defaultValue = "config/migrations/demo.yaml", paramLabel = "FILE",
            description = "The spec over the sample solution (default: ${DEFAULT-VALUE}).")
    Path spec;

    @Override
    public Integer call() throws Exception {
        BenchEngine chosen = switch (engine.trim().toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "pg" -> BenchEngine.POSTGRESQL;
            case "h2" -> BenchEngine.H2;
            default -> throw new ConfigException("--engine is '" + engine + "'; allowed: postgresql, h2");
        };
        if (rows < 1 || perRowSample < 1) {
            throw new ConfigException("--rows and --per-row-sample must be at least 1");
        }
        if (writers != null && (writers < 1 || writers > 16)) {
            throw new ConfigException("--writers is " + writers + "; allowed: 1..16");
        }
        if (tablesAtOnce != null && (tablesAtOnce < 1 || tablesAtOnce > 4)) {
            throw new ConfigException("--tables-at-once is " + tablesAtOnce + "; allowed: 1..4");
        }
        OsmSettings settings;
        try (OsmRuntime user = OsmRuntime.standalone(parent.config)) {
            settings = user.settings();
        }
        BenchOptions options = new BenchOptions(chosen, rows, perRowSample, pgUrl, pgUser, BenchOptions.passwordFromEnvironment(),
                keep, spec, settings.dataDir(), null, settings.batchSize(), settings.fetchSize(), settings.keyMapCacheSize(),
                writers == null ? settings.writers() : writers, tablesAtOnce == null ? settings.tablesAtOnce() : tablesAtOnce);
        Benchmark.run(options, System.out);
        return ExitCode.OK.code();
    }
}
