package io.osmigrate.host;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.osmigrate.meters.Meters;

/**
 * osmigrate's meters in the host's Micrometer registry, which {@code /observe/metrics} shows in Prometheus format:
 * <ul>
 *   <li>{@code osmigrate_rows_total{phase, entity, kind}}: rows read, inserted, matched, dead_lettered;</li>
 *   <li>{@code osmigrate_batch_write_seconds{phase, entity}}: a batch's insert and pair recording (count, sum, max);</li>
 *   <li>{@code osmigrate_keymap_cache_total{result}}: key-map batches found in the cache (hit) or loaded (miss);</li>
 *   <li>{@code osmigrate_run_seconds{outcome}}: runs by outcome, with their duration (count, sum, max).</li>
 * </ul>
 * Labels stay bounded: phases and kinds are fixed sets, entity names are capped at {@link #MAX_ENTITIES} (later ones
 * count as "other"), outcomes at {@link #MAX_OUTCOMES}; no run id is a label. Thread-safe.
 */
final class MicrometerMeters implements Meters {

    static final int MAX_ENTITIES = 1000;
    static final int MAX_OUTCOMES = 20;

    private final MeterRegistry registry;
    private final BoundedLabels entities = new BoundedLabels(MAX_ENTITIES);
    private final BoundedLabels outcomes = new BoundedLabels(MAX_OUTCOMES);
    private final Counter hits;
    private final Counter misses;

    MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
        this.hits = cache("hit");
        this.misses = cache("miss");
    }

    private Counter cache(String result) {
        return Counter.builder("osmigrate.keymap.cache").description("Key-map batches of pairs found in the cache or loaded")
                .tag("result", result).register(registry);
    }

    @Override
    public LongConsumer rows(String phase, String entity, Rows kind) {
        Counter counter = Counter.builder("osmigrate.rows").description("Rows by phase, entity and what became of them")
                .tag("phase", phase).tag("entity", entities.of(entity)).tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .register(registry);
        return counter::increment;
    }

    @Override
    public void batchWritten(String phase, String entity, long nanos) {
        Timer.builder("osmigrate.batch.write").description("Writing a batch: insert, pairs prepared, commit, pairs committed")
                .tag("phase", phase).tag("entity", entities.of(entity)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void keyMapCache(long hitCount, long missCount) {
        hits.increment(hitCount);
        misses.increment(missCount);
    }

    @Override
    public void runEnded(String outcome, Duration duration) {
        Timer.builder("osmigrate.run").description("Runs by outcome, and how long they took")
                .tag("outcome", outcomes.of(outcome)).register(registry).record(duration);
    }
}
