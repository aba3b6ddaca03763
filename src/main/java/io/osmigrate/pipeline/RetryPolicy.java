package io.osmigrate.pipeline;

import java.time.Duration;

import io.osmigrate.config.OsmSettings;
import io.osmigrate.dialect.ErrorKind;

/**
 * Which failed writes are tried again, how often, and how long to wait: transient failures only (a
 * deadlock, a lock timeout, a lost connection), backing off exponentially. A batch whose destination
 * commit failed is never tried again: the commit may have landed (recovery settles it). The write
 * step throws {@link TransientWriteException} for what {@link #retries} accepts, and the route
 * configuration redelivers the batch by this policy.
 *
 * @param maxRetries   tries after the first
 * @param firstBackoff the wait before the first retry; each next one waits {@code multiplier} times longer
 */
public record RetryPolicy(int maxRetries, Duration firstBackoff, double multiplier) {

    public RetryPolicy {
        if (maxRetries < 0 || firstBackoff.isNegative() || multiplier < 1) {
            throw new IllegalArgumentException("retry policy out of range: " + maxRetries + ", " + firstBackoff + ", " + multiplier);
        }
    }

    public static RetryPolicy of(OsmSettings settings) {
        return new RetryPolicy(settings.retryMaxRetries(), Duration.ofMillis(settings.retryBackoffMillis()), 2);
    }

    /** Whether a failure of this kind is worth another try (it is nobody's fault and may pass). */
    public boolean retries(ErrorKind kind) {
        return kind == ErrorKind.DEADLOCK || kind == ErrorKind.LOCK_TIMEOUT || kind == ErrorKind.CONNECTION;
    }
}
