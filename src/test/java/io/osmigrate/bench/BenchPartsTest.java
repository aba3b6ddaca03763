package io.osmigrate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.osmigrate.cli.OsMigrate;

/** The benchmark's small parts: database URLs, fill literals, the heap comparison across runs, the command's options. */
class BenchPartsTest {

    @TempDir
    Path dir;

    @Test
    void databaseUrlsKeepHostAndParameters() {
        assertThat(BenchDatabases.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "osm_x_src"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/osm_x_src");
        assertThat(BenchDatabases.withDatabase("jdbc:postgresql://db:5433/admin?sslmode=disable&user=u", "b"))
                .isEqualTo("jdbc:postgresql://db:5433/b?sslmode=disable&user=u");
        assertThat(BenchDatabases.withDatabase("jdbc:postgresql://db:5433", "b")).isEqualTo("jdbc:postgresql://db:5433/b");
        assertThat(BenchDatabases.name("jdbc:postgresql://db:5433/b?sslmode=disable")).isEqualTo("b");
    }

    @Test
    void fillsBecomeLiterals() {
        assertThat(TableCopy.literal("web")).isEqualTo("'web'");
        assertThat(TableCopy.literal("it's")).isEqualTo("'it''s'");
        assertThat(TableCopy.literal(null)).isEqualTo("NULL");
        assertThat(TableCopy.literal("@now")).isEqualTo("LOCALTIMESTAMP");
    }

    @Test
    void heapComparisonIsWithTheLatestRunAtAQuarterOfTheRows() throws Exception {
        long max = Runtime.getRuntime().maxMemory();
        BenchOptions at4m = options(4_000_000);
        BenchResult.Heap heap = heap(110, max);
        assertThat(BenchReport.heapComparison(at4m, heap)).startsWith("no recorded");

        record(dir.resolve("data/bench/20260101-000000.json"), "h2", 1_000_000, max, 100); // another engine
        record(dir.resolve("data/bench/20260101-000001.json"), "postgresql", 1_000_000, max + 1, 100); // another -Xmx
        record(dir.resolve("data/bench/20260101-000004.json"), "postgresql", 1_000_000, max, 100,
                "other.yaml"); // another spec, later
        assertThat(BenchReport.heapComparison(at4m, heap)).startsWith("no recorded");

        record(dir.resolve("data/bench/20260101-000002.json"), "postgresql", 1_000_000, max, 80); // older
        record(dir.resolve("data/bench/20260101-000003.json"), "postgresql", 1_000_000, max, 100); // latest measured
        record(dir.resolve("data/bench/20260101-000005.json"), "postgresql", 1_000_000, max, 0); // no live probes: skipped
        assertThat(BenchReport.heapComparison(at4m, heap)).contains("1.10×", "20260101-000003");
        assertThat(BenchReport.heapComparison(at4m, heap(121, max))).contains("1.21×");
        assertThat(BenchReport.heapComparison(options(1_000_001), heap)).startsWith("no recorded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--engine=oracle", "--writers=0", "--writers=17"})
    void commandRejectsABadOptionBeforeMakingAnything(String option) throws Exception {
        Path config = Files.writeString(dir.resolve("app.properties"), "osmigrate.data-dir = " + dir.resolve("data")
                .toString().replace('\\', '/') + "\n");
        assertThat(OsMigrate.execute("--config", config.toString(), "benchmark", option, "--rows", "10")).isEqualTo(2);
        assertThat(dir.resolve("data")).doesNotExist();
    }

    private BenchOptions options(long rows) {
        return new BenchOptions(BenchEngine.POSTGRESQL, rows, 10, null, null, null, false, Path.of("spec.yaml"),
                dir.resolve("data"), null, 5000, 5000, 500_000, 2);
    }

    /** A heap whose live peak is {@code mb}; peak used is the same large figure in every run, as G1 makes it. */
    private static BenchResult.Heap heap(long mb, long max) {
        long live = mb << 20;
        long used = 400L << 20;
        return new BenchResult.Heap(used, used, 0, used / 2, used, used, 1, max, 1, 50, 0, live, mb == 0 ? 0 : 3, 0.1,
                live / 2, HeapMonitor.METHOD);
    }

    private static void record(Path file, String engine, long rows, long max, long peakMb) throws Exception {
        record(file, engine, rows, max, peakMb, "spec.yaml");
    }

    private static void record(Path file, String engine, long rows, long max, long peakMb, String spec) throws Exception {
        String name = file.getFileName().toString();
        BenchResult r = new BenchResult("2026-01-01T00:00:0" + name.charAt(name.length() - 6) + "Z",
                new BenchResult.Machine("cpu", 2, 1, "os", "jvm", "gc", max, List.of(), 0, Map.of()),
                new BenchResult.Settings(engine, rows, 10, 2, 1, 5000, 5000, 500_000,
                        Path.of(spec).toAbsolutePath().normalize().toString()), null, null, null, null, null, null, null,
                null, List.of(), null, null, heap(peakMb, max), null, null, file.toString());
        BenchReport.writeJson(file, r);
    }
}
