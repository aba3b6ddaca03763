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

    static void printDataPhase(PrintStream out, BenchResult.DataPhase d, BenchResult.Heap h) {
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
        out.flush();
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
        out.printf("      %s: %,d rows in %.2f s → %,.0f rows/s (lookup %s in bench_keymap of %,d pairs: %,d found)%n",
                p.entity(), p.rows(), p.seconds(), p.rowsPerSecond(), p.reference(), p.keyMapPairs(), p.referencesFound());
        out.flush();
    }

    static void printSummary(PrintStream out, BenchResult r) {
        out.println();
        out.printf("Summary (%s, N = %,d, %d CPUs, -Xmx %s)%n", r.settings().engine(), r.settings().requestedRows(),
                r.machine().cpus(), mb(r.machine().maxHeapBytes()));
        out.printf("  %-34s %12s %9s %12s%n", "figure", "rows", "seconds", "rows/s");
        line(out, "data phase (osmigrate)", r.dataPhase().movedRows(), r.dataPhase().seconds(), r.dataPhase().rowsPerSecond());
        line(out, "raw copy, plain copies", r.rawCopy().rows(), r.rawCopy().seconds(), r.rawCopy().rowsPerSecond());
        line(out, "raw copy, indexed copies", r.rawCopyIndexed().rows(), r.rawCopyIndexed().seconds(),
                r.rawCopyIndexed().rowsPerSecond());
        line(out, "copy into constrained copies", r.rawCopyConstrained().rows(), r.rawCopyConstrained().seconds(),
                r.rawCopyConstrained().rowsPerSecond());
        line(out, "per-row recipe (sample)", r.perRow().rows(), r.perRow().seconds(), r.perRow().rowsPerSecond());
        out.printf(Locale.ROOT, "  ratios: data ÷ raw copy %.2f×, data ÷ indexed raw copy %.2f×, data ÷ constrained copy %.2f×,"
                        + " data ÷ per-row %.1f×%n", r.ratios().dataOverRawCopy(), r.ratios().dataOverRawCopyIndexed(),
                r.ratios().dataOverRawCopyConstrained(), r.ratios().dataOverPerRow());
        out.printf("  heap during the data phase: live peak %s, live at end %s, peak used %s (max after GC %s) with max heap %s%n",
                mb(r.heap().livePeakBytes()), mb(r.heap().liveAtEndBytes()), mb(r.heap().peakUsedBytes()),
                mb(r.heap().afterGcPeakBytes()), mb(r.heap().maxHeapBytes()));
        for (BenchResult.Target t : r.targets()) {
            out.printf("  %-4s %s: %s (target %s)%n", t.verdict(), t.name(), t.actual(), t.target());
        }
        out.println("Figures: " + r.jsonFile());
        out.flush();
    }

    private static void line(PrintStream out, String name, long rows, double seconds, double rate) {
        out.printf("  %-34s %,12d %9.2f %,12.0f%n", name, rows, seconds, rate);
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
     * The heap target compares two runs: this one at N with the latest recorded run at N/4 on the same engine, spec
     * and max heap (the issue: 4M against 1M with -Xmx512m). Not decidable from a single run otherwise.
     */
    static BenchResult.Target heapTarget(BenchOptions o, BenchResult.Heap heap) {
        String name = "live heap at N within 20% of that at N/4 (issue: 4M vs 1M rows, -Xmx512m)";
        String target = "≤ " + Benchmark.TARGET_HEAP_GROWTH + "× the run at N/4";
        JsonNode earlier = o.rows() % 4 == 0 ? latest(o.dataDir().resolve("bench"), o.engine(), specName(o), o.rows() / 4,
                heap.maxHeapBytes())
                : null;
        if (earlier == null) {
            return new BenchResult.Target(name, target, String.format(Locale.ROOT,
                    "%s live (peak used %s); no recorded %s run at N/4 = %,d rows with the same spec and max heap to"
                            + " compare with", mb(heap.livePeakBytes()), mb(heap.peakUsedBytes()), o.engine().wire(),
                    o.rows() / 4), "N/A");
        }
        long before = earlier.path("heap").path("livePeakBytes").asLong();
        long beforeUsed = earlier.path("heap").path("peakUsedBytes").asLong();
        double growth = before <= 0 ? Double.POSITIVE_INFINITY : heap.livePeakBytes() / (double) before;
        String actual = String.format(Locale.ROOT, "%s vs %s live at %,d rows (%s): %.2f×; live at end %s vs %s; peak used"
                + " %s vs %s", mb(heap.livePeakBytes()), mb(before), earlier.path("settings").path("requestedRows").asLong(),
                earlier.path("jsonFile").asText(), growth, mb(heap.liveAtEndBytes()),
                mb(earlier.path("heap").path("liveAtEndBytes").asLong()), mb(heap.peakUsedBytes()), mb(beforeUsed));
        return new BenchResult.Target(name, target, actual, growth <= Benchmark.TARGET_HEAP_GROWTH ? "PASS" : "MISS");
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
