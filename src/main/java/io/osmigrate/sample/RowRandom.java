package io.osmigrate.sample;

import java.util.SplittableRandom;

/**
 * The random stream of one row: a function of (seed, stream name, row index) only. So any row can be
 * regenerated anywhere (a customer's address count when writing customers and again when writing
 * addresses; a destination product from its source index), rows never depend on the order they are
 * written in, and the same options give the same bytes on every engine.
 */
final class RowRandom {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private RowRandom() {
    }

    static SplittableRandom of(long seed, String stream, long index) {
        long base = mix(seed ^ (((long) stream.hashCode()) * GOLDEN));
        // mixed again: SplittableRandom seeds one golden step apart would give shifted copies of one stream
        return new SplittableRandom(mix(base + index * GOLDEN));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as SplittableRandom itself uses. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
