package io.osmigrate.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run going on in one process, as far as it has come, for whoever shows it while it runs (the host's status
 * page): its phases (waiting, running, done) with rows done of planned and rows/s, and each table it has started
 * with rows read of its source rows, rows/s and an ETA. Fed by the run's steps and by {@link Progress}; the last
 * run stays on the board until the next begins. Thread-safe; a {@link Snapshot} is immutable.
 */
public final class RunBoard {

    /** One table of the run: rows read of its source rows; {@code eta} empty when done or not yet measurable. */
    public record EntityLine(String phase, String entity, String state, long done, long total, double rowsPerSecond,
                             Optional<Duration> eta) {
    }

    /** One phase of the run: rows read of the rows planned (0 of 0 for a phase that moves no rows table by table). */
    public record PhaseLine(String phase, String state, long done, long total, double rowsPerSecond, Optional<Duration> eta) {
    }

    /**
     * The run as it stands.
     *
     * @param runId   empty until the run has taken its environments
     * @param outcome empty while it runs; then its final state, e.g. SUCCEEDED, DEAD_LETTERS, FAILED
     */
    public record Snapshot(Optional<String> runId, String spec, Instant startedAt, Optional<String> outcome,
                           List<PhaseLine> phases, List<EntityLine> entities) {

        public boolean running() {
            return outcome.isEmpty();
        }
    }

    private static final String WAITING = "waiting";
    private static final String RUNNING = "running";
    private static final String DONE = "done";

    private String runId;
    private String spec;
    private Instant startedAt;
    private String outcome;
    private String current;
    private final Map<String, PhaseState> phases = new LinkedHashMap<>();
    private final List<Table> tables = new ArrayList<>();

    /** A run begins: the board forgets the last one. */
    public synchronized void begin(String specName, List<String> phaseNames) {
        runId = null;
        spec = specName;
        startedAt = Instant.now();
        outcome = null;
        current = null;
        phases.clear();
        tables.clear();
        phaseNames.forEach(p -> phases.put(p, new PhaseState()));
    }

    public synchronized void runId(String id) {
        runId = id;
    }

    /** The phase now running; the one before it is done. Steps of a phase (lookup, deferred) count as phases here. */
    public synchronized void phase(Phase phase) {
        phases.values().stream().filter(p -> p.state.equals(RUNNING)).forEach(PhaseState::finish);
        current = phase.wire();
        phases.computeIfAbsent(current, k -> new PhaseState()).start();
    }

    /** The rows the running phase plans to read, over all its tables. */
    synchronized void planned(long rows) {
        if (current != null) {
            phases.get(current).planned = rows;
        }
    }

    /** A table starts; a step of the phase that ran before it (the lookups before the data's tables) is done. */
    synchronized void started(EntityStats stats, long expectedRows) {
        tables.add(new Table(stats, expectedRows));
        String name = stats.phase().wire();
        phases.forEach((n, p) -> {
            if (p.state.equals(RUNNING) && !n.equals(current) && !n.equals(name)) {
                p.finish();
            }
        });
        PhaseState phase = phases.computeIfAbsent(name, k -> new PhaseState());
        if (phase.state.equals(WAITING)) {
            phase.start();
        }
    }

    synchronized void finished(EntityStats stats) {
        tables.stream().filter(t -> t.stats == stats).forEach(t -> t.finishedNanos = System.nanoTime());
    }

    /** The run ended with this outcome; every phase that ran is done. */
    public synchronized void end(String finalState) {
        if (spec == null || outcome != null) {
            return;
        }
        outcome = finalState;
        phases.values().stream().filter(p -> p.state.equals(RUNNING)).forEach(PhaseState::finish);
    }

    /** The run going on, or the last one; empty before any. */
    public synchronized Optional<Snapshot> snapshot() {
        if (spec == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        List<EntityLine> entities = tables.stream().map(t -> t.line(now)).toList();
        List<PhaseLine> lines = new ArrayList<>();
        phases.forEach((name, p) -> lines.add(p.line(name, entities, now)));
        lines.sort(Comparator.comparingInt(l -> order(l.phase())));
        return Optional.of(new Snapshot(Optional.ofNullable(runId), spec, startedAt, Optional.ofNullable(outcome),
                List.copyOf(lines), entities));
    }

    /** Phases in the order they run (a step such as lookup beside its phase). */
    private static int order(String wire) {
        for (Phase p : Phase.values()) {
            if (p.wire().equals(wire)) {
                return p.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    private static double rate(long rows, long fromNanos, long toNanos) {
        double seconds = (toNanos - fromNanos) / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }

    private static Optional<Duration> eta(long done, long total, double rate) {
        return rate <= 0 || done >= total ? Optional.empty()
                : Optional.of(Duration.ofSeconds(Math.round((total - done) / rate)));
    }

    private static final class PhaseState {
        String state = WAITING;
        long planned = -1;
        long startNanos;
        long endNanos;

        void start() {
            state = RUNNING;
            startNanos = System.nanoTime();
        }

        void finish() {
            state = DONE;
            endNanos = System.nanoTime();
        }

        PhaseLine line(String name, List<EntityLine> entities, long now) {
            long done = 0;
            long total = 0;
            for (EntityLine e : entities) {
                if (e.phase().equals(name)) {
                    done += e.done();
                    total += e.total();
                }
            }
            total = Math.max(total, planned);
            double rate = state.equals(WAITING) ? 0 : rate(done, startNanos, state.equals(DONE) ? endNanos : now);
            return new PhaseLine(name, state, done, total, rate, state.equals(RUNNING) ? eta(done, total, rate) : Optional.empty());
        }
    }

    private static final class Table {
        final EntityStats stats;
        final long expected;
        final long startNanos = System.nanoTime();
        volatile long finishedNanos;

        Table(EntityStats stats, long expected) {
            this.stats = stats;
            this.expected = expected;
        }

        EntityLine line(long now) {
            long done = stats.read();
            boolean finished = finishedNanos != 0;
            double rate = rate(done, startNanos, finished ? finishedNanos : now);
            String state = finished ? stats.figures().state() : RUNNING;
            return new EntityLine(stats.phase().wire(), stats.entity(), state, done, Math.max(expected, done), rate,
                    finished ? Optional.empty() : eta(done, expected, rate));
        }
    }
}
