package io.osmigrate.bench;

import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark run, as printed and as written to {@code <data-dir>/bench/<timestamp>.json}.
 * Rates are rows per second of wall time; ratios divide the data phase's rate by a baseline's.
 */
public record BenchResult(String startedAt, Machine machine, Settings settings, Sample sample, DataPhase dataPhase,
                          Cpu cpu, Copy rawCopy, Copy rawCopyIndexed, Copy rawCopyConstrained, Copy rawCopyConstrainedParallel,
                          Copy genericEtl, List<PerRow> perRow, TopUp topUp, Refresh refresh, Heap heap, String heapComparison,
                          Ratios ratios, String jsonFile) {

    /** Where it ran. {@code loadAverage} is the one-minute system load when the benchmark started. */
    public record Machine(String cpu, int cpus, long memoryBytes, String os, String jvm, String gc, long maxHeapBytes,
                          List<String> jvmArguments, double loadAverage, Map<String, String> server) {
    }

    public record Settings(String engine, long requestedRows, int perRowSample, int writers, int tablesAtOnce, int batchSize,
                           int fetchSize, long keyMapCacheSize, String spec) {
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

    /**
     * CPU time while the data phase ran, in seconds, and as shares of all cores over its wall time; the database's
     * figures are -1 where they cannot be measured (see {@link CpuMeter}).
     */
    public record Cpu(double wallSeconds, int cores, double osmigrateSeconds, double databaseSeconds, double osmigrateShare,
                      double databaseShare) {
    }

    /** A baseline over every moved table, on {@code connections} connections at once. */
    public record Copy(String variant, String method, int connections, long rows, double seconds, double rowsPerSecond,
                       List<Table> tables, List<String> adjustedColumns) {
    }

    public record Table(String entity, String sourceTable, String copyTable, long rows, double seconds) {
    }

    /** The guide's per-row recipe on a sample of one table; {@code references} lists what each row looks up. */
    public record PerRow(String entity, String sourceTable, String copyTable, List<String> references, long fksMapPairs,
                         long rows, long lookups, long referencesFound, double seconds, double rowsPerSecond, String method) {

        /** The recipe's rate over all its samples. */
        public static double rate(List<PerRow> samples) {
            return Benchmark.rate(samples.stream().mapToLong(PerRow::rows).sum(),
                    samples.stream().mapToDouble(PerRow::seconds).sum());
        }
    }

    /**
     * The top-up: rows added to the source after the first run, then the data phase run again (the whole
     * RunService call of each, planning included); {@code ratio} = second ÷ first.
     */
    public record TopUp(Map<String, Long> addedByTable, long added, long inserted, String state, double firstSeconds,
                        double secondSeconds, double ratio, List<Step> steps) {
    }

    /**
     * The refresh: rows already moved changed in the source, then the data phase run again with the refresh of
     * every moved row (the whole RunService call, planning included); {@code ratio} = refresh run ÷ first run.
     */
    public record Refresh(Map<String, Long> changedByTable, long changed, long updated, String state, double firstSeconds,
                          double refreshSeconds, double ratio, List<Step> steps) {
    }

    /** Heap figures in bytes; see {@link HeapMonitor} for the method. */
    public record Heap(long peakUsedBytes, long sampledPeakBytes, long beforeGcPeakBytes, long afterGcPeakBytes,
                       long poolPeakSumBytes, long committedPeakBytes, long baselineBytes, long maxHeapBytes, int samples,
                       long sampleIntervalMillis, int collections, long livePeakBytes, int liveProbes,
                       double liveProbeSeconds, long liveAtEndBytes, String method) {
    }

    /** The data phase's rate divided by each baseline's (the per-row recipe's over all its samples). */
    public record Ratios(double dataOverConstrainedParallel, double dataOverConstrained, double dataOverPerRow,
                         double dataOverGenericEtl, double dataOverRawCopy, double dataOverRawCopyIndexed) {
    }

    BenchResult withJsonFile(String file) {
        return new BenchResult(startedAt, machine, settings, sample, dataPhase, cpu, rawCopy, rawCopyIndexed, rawCopyConstrained,
                rawCopyConstrainedParallel, genericEtl, perRow, topUp, refresh, heap, heapComparison, ratios, file);
    }
}
