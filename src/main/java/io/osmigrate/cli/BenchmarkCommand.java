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
 * {@code benchmark [--rows N] [--engine postgresql|h2] [--per-row-sample N] [--pg-url URL] [--pg-user USER] [--keep]
 * [--spec FILE]}: the throughput of the data phase against baselines measured on the same server.
 *
 * <h2>The command</h2>
 * <pre>
 * mvn -q package -DskipTests
 * OSM_BENCH_PG_PASSWORD=… java -Xmx512m -jar target/osmigrate.jar benchmark --rows 1000000            # PostgreSQL
 * java -Xmx512m -jar target/osmigrate.jar benchmark --rows 4000000                                    # the heap target
 * java -Xmx512m -jar target/osmigrate.jar benchmark --rows 1000000 --engine h2
 * </pre>
 * Run it from the project folder (the default spec is {@code config/migrations/demo.yaml}) on a quiet machine.
 * PostgreSQL: two databases {@code osm_bench_<time>_<pid>_src|_dst} are created through {@code --pg-url} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code --pg-user} postgres, password from
 * {@code OSM_BENCH_PG_PASSWORD}, else {@code PGPASSWORD}; the user needs CREATEDB) and dropped at the end unless
 * {@code --keep}. H2: two files in the temporary folder ({@code -Djava.io.tmpdir} moves it). osmigrate runs on a
 * temporary configuration whose data directory (state store, run reports) is that temporary folder, with the
 * batch size, fetch size and key-map cache size of {@code --config}; only the JSON figures are written to the
 * configured data directory, as {@code <data-dir>/bench/<yyyyMMdd-HHmmss>.json} (UTC).
 *
 * <h2>Reading the output</h2>
 * <ol>
 *   <li>The header names the engine, N (the sample generator's approximate application rows; the moved entities
 *       hold about 0.96 N), the heap limit, the load average at the start, then the machine and the server's
 *       settings. Compare runs only at a similar load.</li>
 *   <li>{@code [1/3]} the data phase: osmigrate's {@code RunService} with phases [data] over the spec (its lookup
 *       step, every moved entity through the Camel pipeline, the deferred references). rows/s = rows read of the
 *       moved entities ÷ the wall time from the start of the lookup to the end of the last step; the figure for the
 *       whole call (plan included) follows in brackets. The statics and users phases run first, untimed, so the
 *       referenced users missing in the destination exist and every row moves; any dead letters are counted by
 *       reason on the next line. The heap line: live peak = the largest heap used right after a full GC that
 *       a sampler runs every 5 s (the probes' pauses are in the measured time and printed), the figure compared
 *       between N and N/4; live at end = after a full GC once the data phase returned, when no batch is in
 *       flight; peak used = max(50 ms samples of heap used, heap used before each GC), which follows G1's
 *       heuristics more than what the run keeps. The embedded SQLite state store keeps its pages outside the Java
 *       heap; on {@code --engine h2} the heap holds both embedded databases.</li>
 *   <li>{@code [2/3]} the raw copy baseline of the same rows and columns, no remapping: on PostgreSQL
 *       {@code COPY (SELECT …) TO STDOUT} piped into {@code COPY … FROM STDIN} (pgjdbc CopyManager), on H2 a
 *       streamed read + 1,000-row JDBC batches; (a) into plain copies of the destination tables (no indexes, no keys:
 *       the physical limit), (b) into copies with the destination's primary key and indexes (what the data phase
 *       also pays, foreign keys aside). Columns whose unmapped source values would not fit are listed. (c) the rows
 *       the data phase wrote, copied the same way from the destination tables into copies that also carry the
 *       destination's foreign keys (to the same parent tables): what the destination itself charges for taking
 *       these rows, with no remapping and no key capture, on one connection.</li>
 *   <li>{@code [3/3]} the guide's per-row recipe on {@code --per-row-sample} rows of the largest moved table:
 *       one {@code SELECT} in a real key-map table and one {@code INSERT} with generated keys per row, one commit.</li>
 *   <li>The summary: the five rates, the ratios (data ÷ plain copy, data ÷ indexed copy, data ÷ constrained copy,
 *       data ÷ per-row), the peak
 *       heap, and PASS/MISS against the targets: ≥ 0.35× the plain raw copy, ≥ 10× the per-row recipe,
 *       and live peak heap within 20% of a recorded run at N/4 (same engine, same -Xmx: run 1M first, then 4M;
 *       N/A otherwise).</li>
 * </ol>
 * Exit code 0 when every measurement ran (whatever the verdicts), 4 when one failed, 2 for bad options.
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
            description = "Rows of the largest moved table the per-row recipe inserts (default: ${DEFAULT-VALUE}).")
    int perRowSample;

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
        OsmSettings settings;
        try (OsmRuntime user = OsmRuntime.standalone(parent.config)) {
            settings = user.settings();
        }
        BenchOptions options = new BenchOptions(chosen, rows, perRowSample, pgUrl, pgUser, BenchOptions.passwordFromEnvironment(),
                keep, spec, settings.dataDir(), null, settings.batchSize(), settings.fetchSize(), settings.keyMapCacheSize());
        Benchmark.run(options, System.out);
        return ExitCode.OK.code();
    }
}
