package io.osmigrate.meters;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * What osmigrate counts while it works, told to whoever keeps the figures: the route host keeps them in
 * Micrometer for {@code /observe/metrics}; a command-line run keeps nothing ({@link #NONE}). It sits below every
 * package that counts (the key map, the pipeline, the run), so each feeds it from where its figures already are.
 *
 * <p>Contract: implementations are thread-safe and cheap (rows are counted from the writer threads, one call per
 * row or batch), never throw, and keep the number of distinct label values bounded whatever the entities and
 * runs are: a run id is never a label.
 */
public interface Meters {

    /** The kinds of rows counted per phase and entity. */
    enum Rows {
        READ, INSERTED, MATCHED, DEAD_LETTERED
    }

    /**
     * The counter of one kind of row of one entity in one phase; asked for once per table, then added to.
     *
     * @param phase  the phase's wire name, e.g. "data"
     * @param entity Module.Entity
     */
    LongConsumer rows(String phase, String entity, Rows kind);

    /** A batch was written and its pairs recorded (the crash-safe protocol's four steps) in {@code nanos}. */
    void batchWritten(String phase, String entity, long nanos);

    /** Key-map lookups found this many batches of pairs in the cache, and loaded this many from the state store. */
    void keyMapCache(long hits, long misses);

    /**
     * A run ended.
     *
     * @param outcome the run's final state, e.g. "SUCCEEDED", "DEAD_LETTERS", "FAILED"
     */
    void runEnded(String outcome, Duration duration);

    /** Keeps nothing. */
    Meters NONE = new Meters() {
        @Override
        public LongConsumer rows(String phase, String entity, Rows kind) {
            return n -> { };
        }

        @Override
        public void batchWritten(String phase, String entity, long nanos) {
            // nothing kept
        }

        @Override
        public void keyMapCache(long hits, long misses) {
            // nothing kept
        }

        @Override
        public void runEnded(String outcome, Duration duration) {
            // nothing kept
        }
    };
}
