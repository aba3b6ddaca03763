package io.osmigrate.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.app.Plans;
import io.osmigrate.env.Environment;
import io.osmigrate.env.Side;
import io.osmigrate.plan.Plan;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.run.RunService;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.SpecLoader;
import io.osmigrate.state.EntityFigures;

/**
 * Builds the sample solution with N rows in fresh databases, runs osmigrate's data phase over it, then measures on
 * the same server the baselines a user compares it with: the destination's own cost of taking the same rows (copies
 * with its keys, indexes and foreign keys, over as many connections as osmigrate writes with and over one), the
 * guide's per-row recipe, and what a generic ETL tool does; plain and indexed copies as information. Reports rows/s,
 * the ratios, where the CPU went and the heap of the data phase.
 * Never touches the user's state store or databases: osmigrate runs on a temporary configuration whose data
 * directory (state store, run reports) is a temporary folder; only the JSON figures go to the user's data
 * directory. See {@code BenchmarkCommand} for the command and how to read its output.
 */
public final class Benchmark {

    /** New source rows of the top-up measurement: 0.1% of the default 1M. */
    static final int TOP_UP_ROWS = 1000;
    static final int CHANGED_ROWS = 1000;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private Benchmark() {
    }

    public static BenchResult run(BenchOptions o, PrintStream out) throws Exception {
        Instant started = Instant.now();
        String stamp = STAMP.format(started);
        MigrationSpec spec = SpecLoader.load(o.spec());
        Path work = o.workParent() == null ? Files.createTempDirectory("osm-bench-")
                : Files.createTempDirectory(Files.createDirectories(o.workParent()), "osm-bench-");
        BenchDatabases dbs = null;
        // an interrupted benchmark (Ctrl-C during a long run) still drops its databases and folder
        AtomicReference<BenchDatabases> made = new AtomicReference<>();
        Thread cleanup = new Thread(() -> {
            if (made.get() != null) {
                made.get().close();
            }
            if (!o.keep()) {
                BenchDatabases.deleteTree(work);
            }
        }, "osm-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            dbs = o.engine() == BenchEngine.H2 ? BenchDatabases.h2(work.resolve("h2"), o.keep())
                    : BenchDatabases.postgres(o.pgAdminUrl(), o.pgUser(), o.pgPassword(),
                            "osm_bench_" + stamp.replace('-', '_') + "_" + ProcessHandle.current().pid(), o.keep());
            made.set(dbs);
            dbs.create();
            out.printf("osmigrate benchmark: %s, N = %,d requested rows, %d writers, %d table(s) at once, per-row sample %,d, -Xmx %s,"
                    + " load average %.2f%n", o.engine().wire(), o.rows(), o.writers(), o.tablesAtOnce(), o.perRowSample(), BenchReport.mb(Runtime.getRuntime().maxMemory()),
                    load);
            out.flush();
            long t = System.nanoTime();
            dbs = dbs.build(SampleOptions.of(o.rows()));
            made.set(dbs);
            double buildSeconds = seconds(t);
            BenchResult.Machine machine = machine(dbs, load);
            BenchReport.printMachine(out, machine, buildSeconds);
            Path config = writeConfig(work, o);
            BenchResult.DataPhase data;
            BenchResult.Heap heap;
            BenchResult.Copy plain;
            BenchResult.Copy indexed;
            BenchResult.Copy constrained;
            BenchResult.Copy parallel;
            BenchResult.Copy etl;
            BenchResult.Cpu cpu;
            List<BenchResult.PerRow> perRow;
            BenchResult.TopUp topUp;
            BenchResult.Refresh refresh;
            Map<String, Long> movedTables = new LinkedHashMap<>();
            List<TableCopy> tables;
            try (OsmRuntime runtime = OsmRuntime.standalone(config)) {
                runtime.override(dbs.environment(spec.source(), true, o.poolSize()));
                runtime.override(dbs.environment(spec.destination(), false, o.poolSize()));
                // the users phase first, untimed: it creates the referenced users missing in the destination,
                // so the data phase measured next moves every row instead of dead-lettering their rows; triggers
                // off before it, as in a full run, so the destination's BPT triggers queue no event for them
                RunReport users = RunService.run(runtime, spec, new RunOptions(List.of(Phase.STATICS, Phase.TRIGGERS_OFF,
                        Phase.USERS), false));
                out.println();
                out.println("Users phase (untimed, before the data phase): " + users.state());
                out.println("[1/6] osmigrate data phase (RunService, phases [data], spec " + o.spec() + "; the lookup step included)");
                out.flush();
                HeapMonitor monitor = HeapMonitor.start(Duration.ofMillis(50));
                CpuMeter meter = CpuMeter.start(o.engine(), o.pgAdminUrl());
                RunReport report;
                long r = System.nanoTime();
                try {
                    report = RunService.run(runtime, spec, new RunOptions(List.of(Phase.DATA), false));
                } finally {
                    cpu = meter.stop();
                    heap = monitor.stop();
                }
                double runSeconds = seconds(r);
                if (!report.state().equals("SUCCEEDED") && !report.state().equals("DEAD_LETTERS")) {
                    throw new IllegalStateException("the data phase ended " + report.state() + ": " + report.message());
                }
                data = dataPhase(report, runSeconds, deadLetterReasons(runtime, report.runId()));
                BenchReport.printDataPhase(out, data, heap, cpu);

                Plan plan = Plans.make(runtime, spec);
                Environment src = runtime.environment(spec, Side.SOURCE);
                Environment dst = runtime.environment(spec, Side.DESTINATION);
                // the benchmark's run has no bpt phase, so its data phase moves the application tables only
                tables = TableCopy.of(plan.moved().stream().filter(e -> !plan.isBptTable(e.entity())).toList(), src.catalog(),
                        src.dialect(), dst.catalog(), dst.dialect());
                tables.forEach(tc -> movedTables.put(tc.name(), tc.entity().sourceRows()));
                long planned = movedTables.values().stream().mapToLong(Long::longValue).sum();
                if (planned != data.movedRows()) {
                    out.printf("      WARNING: the data phase read %,d rows but the moved tables hold %,d%n", data.movedRows(), planned);
                }

                out.println();
                out.println("[2/6] the destination's own cost: the rows the data phase wrote, copied as they are into copies"
                        + " with the destination's keys, indexes and foreign keys (" + RawCopy.method(o.engine()) + ")");
                out.flush();
                parallel = RawCopy.run(dbs, tables, CopyTables.Variant.CONSTRAINED, o.writers(), o.fetchSize());
                BenchReport.printCopy(out, "a) over " + o.writers() + " connections, as many as osmigrate writes with", parallel,
                        o.engine(), CopyTables.Variant.CONSTRAINED);
                constrained = RawCopy.run(dbs, tables, CopyTables.Variant.CONSTRAINED, 1, o.fetchSize());
                BenchReport.printCopy(out, "b) over one connection", constrained, o.engine(), CopyTables.Variant.CONSTRAINED);
                out.println("      for information, the source rows unmapped into copies without foreign keys:");
                plain = RawCopy.run(dbs, tables, CopyTables.Variant.PLAIN, o.fetchSize());
                BenchReport.printCopy(out, "c) plain copies (no keys, no indexes)", plain, o.engine(), CopyTables.Variant.PLAIN);
                indexed = RawCopy.run(dbs, tables, CopyTables.Variant.INDEXED, o.fetchSize());
                BenchReport.printCopy(out, "d) indexed copies (primary key and indexes)", indexed, o.engine(),
                        CopyTables.Variant.INDEXED);

                out.println();
                out.println("[3/6] the guide's per-row recipe (an FKs-Map lookup per reference, an INSERT with its generated"
                        + " key, the new pair inserted; per row)");
                out.flush();
                perRow = PerRowRecipe.run(dbs, plan, tables, runtime.state().keyMap(), o.perRowSample(), o.fetchSize());
                perRow.forEach(p -> BenchReport.printPerRow(out, p));

                out.println();
                out.println("[4/6] a generic ETL tool (" + GenericEtl.METHOD + ")");
                out.flush();
                etl = GenericEtl.run(dbs, tables, o.batchSize(), o.fetchSize());
                BenchReport.printCopy(out, "generic ETL", etl, o.engine(), CopyTables.Variant.ETL);
            }
            out.println();
            out.println("[5/6] a top-up: " + TOP_UP_ROWS + " new source rows across the tables, then the data phase again,"
                    + " as a new process would run it");
            out.flush();
            // once osmigrate's read-only connections are closed: an embedded H2 source takes writes again
            Map<String, Long> added = TopUpRows.add(dbs, tables, TOP_UP_ROWS);
            Rerun topUpRun = rerun(config, dbs, spec, new RunOptions(List.of(Phase.DATA), false), o.poolSize());
            BenchResult.DataPhase second = dataPhase(topUpRun.report(), topUpRun.seconds(), Map.of());
            topUp = new BenchResult.TopUp(added, added.values().stream().mapToLong(Long::longValue).sum(), second.inserted(),
                    second.state(), data.runSeconds(), topUpRun.seconds(), ratio(topUpRun.seconds(), data.runSeconds()),
                    second.steps());
            BenchReport.printTopUp(out, topUp);
            out.println();
            out.println("[6/6] a refresh: " + CHANGED_ROWS + " source rows already moved changed (a number each), then the data"
                    + " phase again with --refresh, as a new process would run it");
            out.flush();
            Map<String, Long> changed = ChangedRows.change(dbs, tables, CHANGED_ROWS);
            Rerun refreshRun = rerun(config, dbs, spec, new RunOptions(List.of(Phase.DATA), false, true), o.poolSize());
            long updated = refreshRun.report().entities().stream().filter(f -> f.phase().equals(Phase.REFRESH.wire()))
                    .mapToLong(EntityFigures::deferredUpdates).sum();
            refresh = new BenchResult.Refresh(changed, changed.values().stream().mapToLong(Long::longValue).sum(), updated,
                    refreshRun.report().state(), data.runSeconds(), refreshRun.seconds(),
                    ratio(refreshRun.seconds(), data.runSeconds()), dataPhase(refreshRun.report(), refreshRun.seconds(),
                    Map.of()).steps());
            BenchReport.printRefresh(out, refresh);
            double rate = data.rowsPerSecond();
            BenchResult.Settings settings = new BenchResult.Settings(o.engine().wire(), o.rows(), o.perRowSample(), o.writers(), o.tablesAtOnce(),
                    o.batchSize(), o.fetchSize(), o.keyMapCacheSize(), BenchReport.specName(o));
            BenchResult.Ratios ratios = new BenchResult.Ratios(ratio(rate, parallel.rowsPerSecond()),
                    ratio(rate, constrained.rowsPerSecond()), ratio(rate, BenchResult.PerRow.rate(perRow)),
                    ratio(rate, etl.rowsPerSecond()), ratio(rate, plain.rowsPerSecond()), ratio(rate, indexed.rowsPerSecond()));
            BenchResult result = new BenchResult(started.toString(), machine, settings,
                    new BenchResult.Sample(buildSeconds, movedTables), data, cpu, plain, indexed, constrained, parallel, etl,
                    perRow, topUp, refresh, heap, BenchReport.heapComparison(o, heap), ratios, null);
            Path json = BenchReport.writeJson(o.dataDir().resolve("bench").resolve(stamp + ".json"),
                    result);
            result = result.withJsonFile(json.toString());
            BenchReport.printSummary(out, result);
            return result;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook does the cleaning
            }
            if (dbs != null) {
                dbs.close();
            }
            if (o.keep()) {
                out.println("Kept: " + work + (dbs != null && o.engine() == BenchEngine.POSTGRESQL
                        ? " and databases " + BenchDatabases.name(dbs.sourceUrl()) + ", " + BenchDatabases.name(dbs.destinationUrl())
                        : ""));
            } else {
                BenchDatabases.deleteTree(work);
            }
            out.flush();
        }
    }

    /** The benchmark's own configuration: a temporary data directory (state store, run reports) and the user's tuning. */
    private static Path writeConfig(Path work, BenchOptions o) throws IOException {
        Path data = Files.createDirectories(work.resolve("data"));
        String text = "# written by the benchmark; osmigrate's state and reports of this run live beside it\n"
                + "osmigrate.data-dir = " + data.toAbsolutePath().toString().replace('\\', '/') + "\n"
                + "osmigrate.batch-size = " + o.batchSize() + "\n"
                + "osmigrate.writers = " + o.writers() + "\n"
                + "osmigrate.tables-at-once = " + o.tablesAtOnce() + "\n"
                + "osmigrate.fetch-size = " + o.fetchSize() + "\n"
                + "osmigrate.keymap.cache-size = " + o.keyMapCacheSize() + "\n";
        Path file = work.resolve("benchmark.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A run's report and its seconds (the whole RunService call). */
    private record Rerun(RunReport report, double seconds) {
    }

    /**
     * The data phase run again by a new runtime, as a new process would run it; once the benchmark's own read-only
     * connections are closed, so an embedded H2 source has taken the changes.
     */
    private static Rerun rerun(Path config, BenchDatabases dbs, MigrationSpec spec, RunOptions options, int poolSize)
            throws Exception {
        try (OsmRuntime runtime = OsmRuntime.standalone(config)) {
            runtime.override(dbs.environment(spec.source(), true, poolSize));
            runtime.override(dbs.environment(spec.destination(), false, poolSize));
            long started = System.nanoTime();
            RunReport report = RunService.run(runtime, spec, options);
            return new Rerun(report, seconds(started));
        }
    }

    private static BenchResult.DataPhase dataPhase(RunReport report, double runSeconds, Map<String, Long> reasons) {
        List<EntityFigures> figures = report.entities();
        long moved = sum(figures, "data", EntityFigures::read);
        Instant first = figures.stream().map(EntityFigures::startedAt).min(Instant::compareTo).orElse(report.startedAt());
        Instant last = figures.stream().map(EntityFigures::finishedAt).max(Instant::compareTo).orElse(report.finishedAt());
        double seconds = Duration.between(first, last).toNanos() / 1e9;
        List<BenchResult.Step> steps = figures.stream().map(f -> new BenchResult.Step(f.entity(), f.phase(), f.read(), f.inserted(),
                f.deadLettered(), f.duration().toNanos() / 1e9)).toList();
        return new BenchResult.DataPhase(report.state(), moved, sum(figures, "data", EntityFigures::inserted),
                report.deadLetters(), reasons, figures.stream().mapToLong(EntityFigures::nulled).sum(),
                sum(figures, "lookup", EntityFigures::read), sum(figures, "lookup", EntityFigures::matched),
                figures.stream().mapToLong(EntityFigures::deferredUpdates).sum(), seconds, rate(moved, seconds), runSeconds,
                rate(moved, runSeconds), steps,
                "rows/s = rows read by the data step of every moved entity ÷ wall time from the start of the data phase's"
                        + " first step (the lookup) to the end of its last (deferred references); the whole RunService call"
                        + " (plan, recovery check, bookkeeping) is runSeconds");
    }

    /**
     * The run's dead letters counted by reason, in the benchmark's own state store. Counted in SQL: listing them
     * would hold every dead letter in memory.
     */
    private static Map<String, Long> deadLetterReasons(OsmRuntime runtime, String runId) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        try (Connection c = runtime.state().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT REASON, COUNT(*) FROM OSM_DEAD_LETTER WHERE RUN_ID = ?"
                     + " GROUP BY REASON ORDER BY COUNT(*) DESC, REASON")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reasons.put(String.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            reasons.put("(could not count: " + e.getMessage() + ")", -1L);
        }
        return reasons;
    }

    private static long sum(List<EntityFigures> figures, String phase, java.util.function.ToLongFunction<EntityFigures> f) {
        return figures.stream().filter(x -> x.phase().equals(phase)).mapToLong(f).sum();
    }

    private static BenchResult.Machine machine(BenchDatabases dbs, double load) throws java.sql.SQLException {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X")).toList();
        return new BenchResult.Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")),
                Runtime.getRuntime().maxMemory(), args, load, dbs.serverFacts());
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    static double rate(long rows, double seconds) {
        return seconds <= 0 ? 0 : rows / seconds;
    }

    private static double ratio(double a, double b) {
        return b <= 0 ? 0 : a / b;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
