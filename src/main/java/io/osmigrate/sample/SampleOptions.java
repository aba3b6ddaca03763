package io.osmigrate.sample;

/**
 * What to generate. {@code rows} is the approximate total of application rows in the source; the other
 * fields switch on the optional traps osmigrate must handle. Equal options always give equal data.
 *
 * @param rows                     approximate number of application rows (entity sizes derive from it)
 * @param seed                     seed of every random choice
 * @param conflictingCoupons       the destination gets 3 coupons whose Code equals a source coupon's Code
 * @param unmatchedStaticRecord    the source gets an active OrderStatus {@code OnHold} (used by ~1% of orders)
 *                                 whose destination record is inactive and has no physical row
 * @param danglingIgnoreReferences ~1% of the source's Order.CouponId (delete rule Ignore) point nowhere
 * @param destinationCustomers     customers (each with an address and orders) already in the destination
 * @param pendingDestinationEvents the destination's OSSYS_BPM_EVENT_QUEUE holds 3 events its scheduler has not
 *                                 processed yet
 */
public record SampleOptions(long rows, long seed, boolean conflictingCoupons, boolean unmatchedStaticRecord,
                            boolean danglingIgnoreReferences, int destinationCustomers, boolean pendingDestinationEvents) {

    public SampleOptions {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, was " + rows);
        }
        if (destinationCustomers < 0) {
            throw new IllegalArgumentException("destinationCustomers must be >= 0, was " + destinationCustomers);
        }
    }

    /** Seed 42, no traps, no destination customers, no pending destination events. */
    public static SampleOptions of(long rows) {
        return new SampleOptions(rows, 42, false, false, false, 0, false);
    }

    public SampleOptions withRows(long value) {
        return new SampleOptions(value, seed, conflictingCoupons, unmatchedStaticRecord, danglingIgnoreReferences,
                destinationCustomers, pendingDestinationEvents);
    }

    public SampleOptions withSeed(long value) {
        return new SampleOptions(rows, value, conflictingCoupons, unmatchedStaticRecord, danglingIgnoreReferences,
                destinationCustomers, pendingDestinationEvents);
    }

    public SampleOptions withConflictingCoupons(boolean value) {
        return new SampleOptions(rows, seed, value, unmatchedStaticRecord, danglingIgnoreReferences,
                destinationCustomers, pendingDestinationEvents);
    }

    public SampleOptions withUnmatchedStaticRecord(boolean value) {
        return new SampleOptions(rows, seed, conflictingCoupons, value, danglingIgnoreReferences,
                destinationCustomers, pendingDestinationEvents);
    }

    public SampleOptions withDanglingIgnoreReferences(boolean value) {
        return new SampleOptions(rows, seed, conflictingCoupons, unmatchedStaticRecord, value, destinationCustomers,
                pendingDestinationEvents);
    }

    public SampleOptions withDestinationCustomers(int value) {
        return new SampleOptions(rows, seed, conflictingCoupons, unmatchedStaticRecord, danglingIgnoreReferences,
                value, pendingDestinationEvents);
    }

    public SampleOptions withPendingDestinationEvents(boolean value) {
        return new SampleOptions(rows, seed, conflictingCoupons, unmatchedStaticRecord, danglingIgnoreReferences,
                destinationCustomers, value);
    }
}
