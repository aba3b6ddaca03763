package io.osmigrate.bench;

import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark run, as printed and as written to {@code <data-dir>/bench/<timestamp>.json}.
 * Rates are rows per second of wall time; ratios divide the data phase's rate by a baseline's.
 */
public record BenchResult(String startedAt, Machine machine, Settings settings, Sample sample, DataPhase dataPhase,
                          Copy rawCopy, Copy rawCopyIndexed, Copy rawCopyConstrained, PerRow perRow, Heap heap, Ratios ratios,
                          List<Target> targets, String jsonFile) {

    /** Where it ran. {@code loadAverage} is the one-minute system load when the benchmark started. */
    public record Machine(String cpu, int cpus, long memoryBytes, String os, String jvm, String gc, long maxHeapBytes,
                          List<String> jvmArguments, double loadAverage, Map<String, String> server) {
    }

    public record Settings(String engine, long requestedRows, int perRowSample, int batchSize, int fetchSize,
                           long keyMapCacheSize, String spec) {
    }

    /** The sample solution: how long it took to build, and the source rows of every moved table. */
    public record Sample(double buildSeconds, Map<String, Long> movedTableRows) {
    }

    /**
     * The data phase. {@code movedRows} = rows read of the moved entities (the data step of each, not the
     * lookup or the deferred updates); {@code seconds} = wall time from the start of the first step of the data
     * phase (the lookup) to the end of its last; {@code runSeconds} = the whole RunService call (plan, recovery
     * check, data phase, bookkeeping). {@code deadLettersByReason} counts the run's dead letters by their reason
     * (user-unmatched, parent-failed…).
     */
    public record DataPhase(String state, long movedRows, long inserted, long deadLettered,
                            Map<String, Long> deadLettersByReason, long nulled, long lookupRows,
                            long lookupMatched, long deferredUpdates, double seconds, double rowsPerSecond,
                            double runSeconds, double runRowsPerSecond, List<Step> steps, String method) {
    }

    public record Step(String entity, String phase, long read, long inserted, long deadLettered, double seconds) {
    }

    /** A raw-copy baseline over every moved table. */
    public record Copy(String variant, String method, long rows, double seconds, double rowsPerSecond, List<Table> tables,
                       List<String> adjustedColumns) {
    }

    public record Table(String entity, String sourceTable, String copyTable, long rows, double seconds) {
    }

    /** The guide's per-row recipe on a sample of one table. */
    public record PerRow(String entity, String sourceTable, String copyTable, String reference, String keyMapOf,
                         long keyMapPairs, long rows, long referencesFound, double seconds, double rowsPerSecond,
                         String method) {
    }

    /** Heap figures in bytes; see {@link HeapMonitor} for the method. */
    public record Heap(long peakUsedBytes, long sampledPeakBytes, long beforeGcPeakBytes, long afterGcPeakBytes,
                       long poolPeakSumBytes, long committedPeakBytes, long baselineBytes, long maxHeapBytes, int samples,
                       long sampleIntervalMillis, int collections, long livePeakBytes, int liveProbes,
                       double liveProbeSeconds, long liveAtEndBytes, String method) {
    }

    public record Ratios(double dataOverRawCopy, double dataOverRawCopyIndexed, double dataOverRawCopyConstrained,
                         double dataOverPerRow) {
    }

    /** A target of the issue, with this run's figure and PASS, MISS or N/A (not decidable from this run). */
    public record Target(String name, String target, String actual, String verdict) {
    }

    BenchResult withJsonFile(String file) {
        return new BenchResult(startedAt, machine, settings, sample, dataPhase, rawCopy, rawCopyIndexed, rawCopyConstrained,
                perRow, heap, ratios,
                targets, file);
    }
}
