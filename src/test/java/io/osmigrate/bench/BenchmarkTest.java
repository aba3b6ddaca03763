package io.osmigrate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.osmigrate.testsupport.PostgresDatabases;

/**
 * The benchmark end to end at ~2,000 rows, on H2 and on PostgreSQL (skipped where no server answers, failing in
 * CI): the structure of its figures, never their values.
 */
class BenchmarkTest {

    private static final long ROWS = 2_000;
    private static final int SAMPLE = 300;

    @TempDir
    Path dir;

    @Test
    void h2() throws Exception {
        check(run(options(BenchEngine.H2, null, null, null)), BenchEngine.H2);
    }

    @Test
    void postgres() throws Exception {
        PostgresDatabases.assumeAvailable();
        String url = System.getenv("OSM_TEST_PG_URL");
        url = url == null || url.isBlank() ? BenchOptions.DEFAULT_PG_URL : url;
        BenchResult r = run(options(BenchEngine.POSTGRESQL, url, PostgresDatabases.user(), PostgresDatabases.password()));
        check(r, BenchEngine.POSTGRESQL);
        assertThat(r.machine().server()).containsKeys("product", "shared_buffers", "fsync");
        // its two databases are gone
        try (Connection c = DriverManager.getConnection(url, PostgresDatabases.user(), PostgresDatabases.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'osm\\_bench\\_%\\_"
                     + ProcessHandle.current().pid() + "\\_%'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    private BenchOptions options(BenchEngine engine, String url, String user, String password) {
        return new BenchOptions(engine, ROWS, SAMPLE, url, user, password, false, Path.of("config/migrations/demo.yaml"),
                dir.resolve("data"), dir.resolve("work"), 5000, 5000, 500_000, 2);
    }

    private BenchResult run(BenchOptions o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchResult r;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            r = Benchmark.run(o, out);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("[1/6]", "[2/6]", "[3/6]", "[4/6]", "[5/6]", "[6/6]", "Summary", "data phase ÷", "live peak", "CPU over",
                "Figures: " + r.jsonFile());
        assertThat(dir.resolve("work")).isEmptyDirectory(); // the temporary folder is gone
        return r;
    }

    private void check(BenchResult r, BenchEngine engine) throws Exception {
        assertThat(r.settings().engine()).isEqualTo(engine.wire());
        assertThat(r.settings().requestedRows()).isEqualTo(ROWS);

        BenchResult.DataPhase d = r.dataPhase();
        assertThat(d.state()).isIn("SUCCEEDED", "DEAD_LETTERS");
        assertThat(d.movedRows()).isPositive();
        assertThat(d.inserted()).isPositive().isLessThanOrEqualTo(d.movedRows());
        assertThat(d.lookupRows()).isPositive();
        assertThat(d.deadLettersByReason().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(d.deadLettered());
        assertThat(d.seconds()).isPositive().isLessThanOrEqualTo(d.runSeconds());
        assertThat(d.rowsPerSecond()).isCloseTo(d.movedRows() / d.seconds(), within(1e-6));
        assertThat(d.runRowsPerSecond()).isCloseTo(d.movedRows() / d.runSeconds(), within(1e-6));
        assertThat(d.steps()).extracting(BenchResult.Step::phase).contains("lookup", "data");
        assertThat(r.settings().writers()).isEqualTo(2);
        assertThat(r.cpu().osmigrateSeconds()).isPositive();
        assertThat(r.cpu().osmigrateShare()).isCloseTo(r.cpu().osmigrateSeconds() / (r.cpu().wallSeconds() * r.cpu().cores()),
                within(1e-9));
        if (engine == BenchEngine.H2) {
            assertThat(r.cpu().databaseSeconds()).isEqualTo(-1); // in the JVM: counted as osmigrate's
        }

        // every baseline copies exactly the rows the data phase read: those of the moved tables
        long tableRows = r.sample().movedTableRows().values().stream().mapToLong(Long::longValue).sum();
        assertThat(d.movedRows()).isEqualTo(tableRows);
        for (BenchResult.Copy c : new BenchResult.Copy[] {r.rawCopy(), r.rawCopyIndexed(), r.rawCopyConstrained(),
                r.rawCopyConstrainedParallel(), r.genericEtl()}) {
            assertThat(c.rows()).as(c.variant()).isEqualTo(d.movedRows());
            assertThat(c.seconds()).isPositive();
            assertThat(c.rowsPerSecond()).isCloseTo(c.rows() / c.seconds(), within(1e-6));
            assertThat(c.tables()).hasSize(r.sample().movedTableRows().size());
            for (BenchResult.Table t : c.tables()) {
                assertThat(t.rows()).as(t.entity()).isEqualTo(r.sample().movedTableRows().get(t.entity()));
            }
        }
        assertThat(r.rawCopy().variant()).isEqualTo("plain");
        assertThat(r.rawCopyIndexed().variant()).isEqualTo("indexed");
        assertThat(r.rawCopyConstrained().variant()).isEqualTo("constrained");
        assertThat(r.rawCopyConstrained().connections()).isEqualTo(1);
        assertThat(r.rawCopyConstrainedParallel().variant()).isEqualTo("constrained-2");
        assertThat(r.rawCopyConstrainedParallel().connections()).isEqualTo(2);
        assertThat(r.genericEtl().variant()).isEqualTo("generic-etl");

        // two samples: the largest table with a reference, then the one with the most references
        assertThat(r.perRow()).extracting(BenchResult.PerRow::entity).containsExactly("OrdersCore.OrderLine", "SupportCore.Ticket");
        assertThat(r.perRow().get(1).references().size()).isGreaterThan(1);
        for (BenchResult.PerRow p : r.perRow()) {
            assertThat(p.rows()).isEqualTo(Math.min(SAMPLE, r.sample().movedTableRows().get(p.entity())));
            assertThat(p.fksMapPairs()).isPositive();
            assertThat(p.referencesFound()).isPositive().isLessThanOrEqualTo(p.lookups());
            assertThat(p.lookups()).isGreaterThanOrEqualTo(p.rows());
            assertThat(p.seconds()).isPositive();
            assertThat(p.rowsPerSecond()).isCloseTo(p.rows() / p.seconds(), within(1e-6));
        }
        // the top-up moved exactly the rows added, and read no more of the source
        BenchResult.TopUp u = r.topUp();
        assertThat(u.added()).isPositive().isEqualTo(u.addedByTable().values().stream().mapToLong(Long::longValue).sum());
        assertThat(u.inserted()).isEqualTo(u.added());
        assertThat(u.steps().stream().filter(s -> s.phase().equals("data")).mapToLong(BenchResult.Step::read).sum())
                .isEqualTo(u.added());
        assertThat(u.ratio()).isCloseTo(u.secondSeconds() / u.firstSeconds(), within(1e-9));
        // the refresh updated exactly the rows changed, and inserted none
        BenchResult.Refresh f = r.refresh();
        assertThat(f.changed()).isPositive().isEqualTo(f.changedByTable().values().stream().mapToLong(Long::longValue).sum());
        assertThat(f.updated()).isEqualTo(f.changed());
        assertThat(f.state()).isEqualTo("SUCCEEDED");
        assertThat(f.steps()).anyMatch(s -> s.phase().equals("refresh"));
        assertThat(f.steps().stream().filter(s -> s.phase().equals("data")).mapToLong(BenchResult.Step::inserted).sum()).isZero();
        assertThat(f.ratio()).isCloseTo(f.refreshSeconds() / f.firstSeconds(), within(1e-9));

        double perRowRate = r.perRow().stream().mapToLong(BenchResult.PerRow::rows).sum()
                / r.perRow().stream().mapToDouble(BenchResult.PerRow::seconds).sum();

        BenchResult.Ratios x = r.ratios();
        assertThat(x.dataOverRawCopy()).isCloseTo(d.rowsPerSecond() / r.rawCopy().rowsPerSecond(), within(1e-9));
        assertThat(x.dataOverRawCopyIndexed()).isCloseTo(d.rowsPerSecond() / r.rawCopyIndexed().rowsPerSecond(), within(1e-9));
        assertThat(x.dataOverConstrained()).isCloseTo(d.rowsPerSecond() / r.rawCopyConstrained().rowsPerSecond(), within(1e-9));
        assertThat(x.dataOverConstrainedParallel())
                .isCloseTo(d.rowsPerSecond() / r.rawCopyConstrainedParallel().rowsPerSecond(), within(1e-9));
        assertThat(x.dataOverGenericEtl()).isCloseTo(d.rowsPerSecond() / r.genericEtl().rowsPerSecond(), within(1e-9));
        assertThat(x.dataOverPerRow()).isCloseTo(d.rowsPerSecond() / perRowRate, within(1e-9));

        BenchResult.Heap h = r.heap();
        assertThat(h.peakUsedBytes()).isPositive().isEqualTo(Math.max(h.sampledPeakBytes(), h.beforeGcPeakBytes()));
        assertThat(h.afterGcPeakBytes()).isPositive().isGreaterThanOrEqualTo(h.baselineBytes());
        assertThat(h.maxHeapBytes()).isEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(h.samples()).isPositive();
        assertThat(h.livePeakBytes()).isGreaterThanOrEqualTo(h.baselineBytes()).isLessThanOrEqualTo(h.maxHeapBytes());
        assertThat(h.liveProbeSeconds()).isGreaterThanOrEqualTo(0);
        assertThat(h.liveAtEndBytes()).isPositive().isLessThanOrEqualTo(h.maxHeapBytes());

        assertThat(r.heapComparison()).startsWith("no recorded"); // nothing recorded at N/4 in a fresh data folder

        Path json = Path.of(r.jsonFile());
        assertThat(json).exists().hasParent(dir.resolve("data").resolve("bench"));
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertThat(n.path("settings").path("engine").asText()).isEqualTo(engine.wire());
        assertThat(n.path("dataPhase").path("movedRows").asLong()).isEqualTo(d.movedRows());
        assertThat(n.path("jsonFile").asText()).isEqualTo(r.jsonFile());
        assertThat(Files.readString(json)).contains("\"rawCopyIndexed\"", "\"rawCopyConstrained\"", "\"perRow\"", "\"heap\"",
                "\"genericEtl\"", "\"rawCopyConstrainedParallel\"", "\"cpu\"");
    }
}
