package io.osmigrate.sample;

/**
 * How many rows each source entity gets for a requested total. Addresses (1 or 2 per customer, about 1.5),
 * customer profiles (about half the customers) and order lines (1 to 4 per order, about 2.25) are drawn per
 * parent row, so only their averages follow from {@code rows}.
 */
public record SampleSizes(long categories, long products, long coupons, long customers, long orders, long tickets,
                          long ticketComments, int endUsers) {

    public static SampleSizes of(long rows) {
        return new SampleSizes(
                Math.max(5, rows / 2000),
                Math.max(20, rows / 200),
                Math.max(10, rows / 500),
                Math.max(20, rows / 20),
                Math.max(40, rows / 5),
                Math.max(20, rows / 10),
                Math.max(20, rows / 12),
                (int) Math.min(Integer.MAX_VALUE / 2, Math.max(20, rows / 500)));
    }
}
