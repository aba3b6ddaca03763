package io.osmigrate.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.osmigrate.text.Json;

/** Prints the benchmark's figures for a person and writes them as JSON. */
final class BenchReport {

    private static final ObjectMapper JSON = Json.FILES;

    private BenchReport() {
    }

    static void printMachine(PrintStream out, BenchResult.Machine m, double buildSeconds) {
        out.printf("Machine: %s, %d CPUs, %s RAM; %s; %s, GC %s, max heap %s%n", m.cpu(), m.cpus(), mb(m.memoryBytes()), m.os(),
                m.jvm(), m.gc(), mb(m.maxHeapBytes()));
        StringBuilder server = new StringBuilder();
        for (Map.Entry<String, String> e : m.server().entrySet()) {
            server.append(server.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        out.println("Server: " + server);
        out.printf("Sample solution built in source and destination in %.1f s%n", buildSeconds);
        out.flush();
    }

    static void printDataPhase(PrintStream out, BenchResult.DataPhase d, BenchResult.Heap h, BenchResult.Cpu cpu) {
        out.printf("      %s: %,d rows read of the moved entities (%,d inserted, %,d dead letters, %,d references nulled);"
                + " lookup %,d rows (%,d matched); %,d deferred updates%n", d.state(), d.movedRows(), d.inserted(),
                d.deadLettered(), d.nulled(), d.lookupRows(), d.lookupMatched(), d.deferredUpdates());
        if (!d.deadLettersByReason().isEmpty()) {
            StringBuilder reasons = new StringBuilder();
            d.deadLettersByReason().forEach((k, v) -> reasons.append(reasons.length() == 0 ? "" : ", ").append(k).append(' ')
                    .append(String.format("%,d", v)));
            out.println("      dead letters by reason: " + reasons);
        }
        if (d.movedRows() > 0 && d.deadLettered() * 100 > d.movedRows()) {
            out.printf("      NOTE: %.0f%% of the moved rows were dead-lettered, so the rate below is largely that of the"
                    + " dead-letter path%n", 100.0 * d.deadLettered() / d.movedRows());
        }
        out.printf("      data phase %.2f s → %,.0f rows/s   (whole run call incl. plan: %.2f s → %,.0f rows/s)%n", d.seconds(),
                d.rowsPerSecond(), d.runSeconds(), d.runRowsPerSecond());
        for (BenchResult.Step s : d.steps()) {
            out.printf("        %-8s %-28s %,10d read %,10d inserted %,8d dead letters %8.2f s%n", s.phase(), s.entity(), s.read(),
                    s.inserted(), s.deadLettered(), s.seconds());
        }
        out.printf("      heap: live peak %s (%d full-GC probes, %.2f s of pauses), live at end %s, peak used %s (sampled %s,"
                + " before-GC %s), max after GC %s, pool-peak sum %s, committed %s, %d samples, %d GCs%n",
                mb(h.livePeakBytes()), h.liveProbes(), h.liveProbeSeconds(), mb(h.liveAtEndBytes()), mb(h.peakUsedBytes()), mb(h.sampledPeakBytes()), mb(h.beforeGcPeakBytes()),
                mb(h.afterGcPeakBytes()), mb(h.poolPeakSumBytes()), mb(h.committedPeakBytes()), h.samples(), h.collections());
        out.println("      " + cpu(cpu));
        out.flush();
    }

    /** Where the CPU went during the data phase, as shares of all the machine's cores. */
    static String cpu(BenchResult.Cpu c) {
        String osm = String.format(Locale.ROOT, "osmigrate %.1f s (%.0f%%)", c.osmigrateSeconds(), 100 * c.osmigrateShare());
        String db = c.databaseSeconds() < 0 ? "the database not measured (not a PostgreSQL server on this machine)"
                : String.format(Locale.ROOT, "the database %.1f s (%.0f%%)", c.databaseSeconds(), 100 * c.databaseShare());
        return String.format(Locale.ROOT, "CPU over %.1f s on %d cores: %s, %s, idle or elsewhere %.0f%%", c.wallSeconds(),
                c.cores(), osm, db, 100 * Math.max(0, 1 - c.osmigrateShare() - Math.max(0, c.databaseShare())));
    }

    static void printCopy(PrintStream out, String label, BenchResult.Copy c, BenchEngine engine, CopyTables.Variant v) {
        out.printf("      %s: %,d rows in %.2f s → %,.0f rows/s%n", label, c.rows(), c.seconds(), c.rowsPerSecond());
        out.println("         " + CopyTables.describe(engine, v));
        if (!c.adjustedColumns().isEmpty()) {
            out.println("         columns given the source's type so unmapped values fit: " + String.join("; ", c.adjustedColumns()));
        }
        out.flush();
    }

    static void printPerRow(PrintStream out, BenchResult.PerRow p) {
        out.printf("      %s: %,d rows in %.2f s → %,.0f rows/s (%,d lookups in %s of %,d pairs, %,d found: %s)%n",
                p.entity(), p.rows(), p.seconds(), p.rowsPerSecond(), p.lookups(), PerRowRecipe.FKS_MAP, p.fksMapPairs(),
                p.referencesFound(), String.join(", ", p.references()));
        out.flush();
    }

    static void printTopUp(PrintStream out, BenchResult.TopUp t) {
        StringBuilder tables = new StringBuilder();
        t.addedByTable().forEach((k, v) -> tables.append(tables.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        out.printf("      added %,d rows (%s); the re-run %s, %,d inserted%n", t.added(), tables, t.state(), t.inserted());
        for (BenchResult.Step s : t.steps()) {
            out.printf("        %-8s %-28s %,10d read %,10d inserted %8.2f s%n", s.phase(), s.entity(), s.read(), s.inserted(),
                    s.seconds());
        }
        out.printf(Locale.ROOT, "      first run %.2f s, re-run %.2f s: %.3f× (whole data-phase runs, planning included)%n",
                t.firstSeconds(), t.secondSeconds(), t.ratio());
        out.flush();
    }

    static void printRefresh(PrintStream out, BenchResult.Refresh r) {
        StringBuilder tables = new StringBuilder();
        r.changedByTable().forEach((k, v) -> tables.append(tables.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        out.printf("      changed %,d rows (%s); the refresh run %s, %,d rows updated%n", r.changed(), tables, r.state(),
                r.updated());
        for (BenchResult.Step s : r.steps()) {
            if (s.phase().equals("refresh")) {
                out.printf("        %-8s %-28s %,10d read %8.2f s%n", s.phase(), s.entity(), s.read(), s.seconds());
            }
        }
        out.printf(Locale.ROOT, "      first run %.2f s, refresh run %.2f s: %.3f× (whole data-phase runs, planning included)%n",
                r.firstSeconds(), r.refreshSeconds(), r.ratio());
        out.flush();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    static void printSummary(PrintStream out, BenchResult r) {
        out.println();
        out.printf("Summary (%s, N = %,d, %d CPUs, -Xmx %s)%n", r.settings().engine(), r.settings().requestedRows(),
                r.machine().cpus(), mb(r.machine().maxHeapBytes()));
        out.printf("  %-44s %12s %9s %12s %14s%n", "figure", "rows", "seconds", "rows/s", "data phase ÷");
        BenchResult.Ratios x = r.ratios();
        line(out, "data phase (osmigrate, " + count(r.settings().writers(), "writer") + (r.settings().tablesAtOnce() == 1 ? ""
                : ", " + r.settings().tablesAtOnce() + " at once") + ")", r.dataPhase().movedRows(),
                r.dataPhase().seconds(), r.dataPhase().rowsPerSecond(), 1);
        copy(out, "destination's own cost, " + count(r.rawCopyConstrainedParallel().connections(), "connection"),
                r.rawCopyConstrainedParallel(), x.dataOverConstrainedParallel());
        copy(out, "destination's own cost, 1 connection", r.rawCopyConstrained(), x.dataOverConstrained());
        long perRowRows = r.perRow().stream().mapToLong(BenchResult.PerRow::rows).sum();
        line(out, "per-row recipe (" + r.perRow().size() + " samples)", perRowRows,
                r.perRow().stream().mapToDouble(BenchResult.PerRow::seconds).sum(), BenchResult.PerRow.rate(r.perRow()),
                x.dataOverPerRow());
        copy(out, "generic ETL", r.genericEtl(), x.dataOverGenericEtl());
        copy(out, "plain copies (information)", r.rawCopy(), x.dataOverRawCopy());
        copy(out, "indexed copies (information)", r.rawCopyIndexed(), x.dataOverRawCopyIndexed());
        out.printf(Locale.ROOT, "  top-up of %,d rows: re-run %.2f s ÷ first run %.2f s = %.3f×%n", r.topUp().added(),
                r.topUp().secondSeconds(), r.topUp().firstSeconds(), r.topUp().ratio());
        if (r.refresh() != null) {
            out.printf(Locale.ROOT, "  refresh of %,d changed rows (%,d updated): refresh run %.2f s ÷ first run %.2f s = %.3f×%n",
                    r.refresh().changed(), r.refresh().updated(), r.refresh().refreshSeconds(), r.refresh().firstSeconds(),
                    r.refresh().ratio());
        }
        out.println("  data phase " + cpu(r.cpu()));
        out.printf("  heap during the data phase: live peak %s, live at end %s, peak used %s (max after GC %s) with max heap %s%n",
                mb(r.heap().livePeakBytes()), mb(r.heap().liveAtEndBytes()), mb(r.heap().peakUsedBytes()),
                mb(r.heap().afterGcPeakBytes()), mb(r.heap().maxHeapBytes()));
        out.println("  live heap against the run at N/4: " + r.heapComparison());
        out.println("Figures: " + r.jsonFile());
        out.flush();
    }

    private static void copy(PrintStream out, String name, BenchResult.Copy c, double ratio) {
        line(out, name, c.rows(), c.seconds(), c.rowsPerSecond(), ratio);
    }

    private static void line(PrintStream out, String name, long rows, double seconds, double rate, double ratio) {
        out.printf(Locale.ROOT, "  %-44s %,12d %9.2f %,12.0f %13.2f×%n", name, rows, seconds, rate, ratio);
    }

    static String mb(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes >= 10L << 30) {
            return String.format(Locale.ROOT, "%.0f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }

    /** Writes the figures; a second run in the same second gets a suffix rather than overwrite the first. */
    static Path writeJson(Path file, BenchResult result) throws IOException {
        Files.createDirectories(file.getParent());
        Path target = file;
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling(file.getFileName().toString().replace(".json", "-" + n + ".json"));
        }
        JSON.writeValue(target.toFile(), result.withJsonFile(target.toString()));
        return target;
    }

    /**
     * This run's live heap against the latest recorded run at N/4 on the same engine, spec and max heap (run 1M,
     * then 4M): whether memory stays flat as the data grows. Says so when there is nothing to compare with.
     */
    static String heapComparison(BenchOptions o, BenchResult.Heap heap) {
        JsonNode earlier = o.rows() % 4 == 0 ? latest(o.dataDir().resolve("bench"), o.engine(), specName(o), o.rows() / 4,
                heap.maxHeapBytes())
                : null;
        if (earlier == null) {
            return String.format(Locale.ROOT, "no recorded %s run at N/4 = %,d rows with the same spec and max heap",
                    o.engine().wire(), o.rows() / 4);
        }
        long before = earlier.path("heap").path("livePeakBytes").asLong();
        double growth = before <= 0 ? Double.POSITIVE_INFINITY : heap.livePeakBytes() / (double) before;
        return String.format(Locale.ROOT, "%s vs %s live peak at %,d rows (%s): %.2f×", mb(heap.livePeakBytes()), mb(before),
                earlier.path("settings").path("requestedRows").asLong(), earlier.path("jsonFile").asText(), growth);
    }

    /** The spec as recorded: its absolute, normalised path. */
    static String specName(BenchOptions o) {
        return o.spec().toAbsolutePath().normalize().toString();
    }

    private static JsonNode latest(Path dir, BenchEngine engine, String spec, long rows, long maxHeap) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        JsonNode best = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                JsonNode n;
                try {
                    n = JSON.readTree(f.toFile());
                } catch (IOException e) {
                    continue; // not one of ours
                }
                if (n.path("settings").path("engine").asText().equals(engine.wire())
                        && n.path("settings").path("spec").asText().equals(spec)
                        && n.path("settings").path("requestedRows").asLong() == rows
                        && n.path("machine").path("maxHeapBytes").asLong() == maxHeap
                        && n.path("heap").path("livePeakBytes").asLong() > 0 // recorded before live probes existed
                        && (best == null || n.path("startedAt").asText().compareTo(best.path("startedAt").asText()) > 0)) {
                    best = n;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return best;
    }
}
