package io.osmigrate.sample;

import static io.osmigrate.sample.SampleSolution.ORDERS_CORE;

import io.osmigrate.sample.ModelTypes.Entity;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * OrdersCore's coupons, orders and order lines. Coupons have text (GUID) identifiers; Order.CouponId has
 * delete rule Ignore, so with {@code danglingIgnoreReferences} ~1% of orders point at coupons that do not
 * exist. Order lines reference CatalogCore's products, across modules.
 */
final class OrderData {

    private static final String[] STATUSES = {"Draft", "Placed", "Shipped", "Delivered", "Cancelled"};

    private OrderData() {
    }

    static void writeSource(Generation g, UserDirectory users) throws SQLException {
        long coupons = g.sizes.coupons();
        try (RowSink sink = g.sink(g.model.entity(ORDERS_CORE, "Coupon"), "Id", "Code", "DiscountPercent", "ValidUntil")) {
            for (long j = 1; j <= coupons; j++) {
                sink.add(coupon(couponId(g.seed(), "Coupon.id", j), j, RowRandom.of(g.seed(), "Coupon", j)));
            }
        }
        Entity status = g.model.entity(ORDERS_CORE, "OrderStatus");
        int[] statuses = statusIds(status);
        Integer onHold = g.options.unmatchedStaticRecord() ? status.record("OnHold").dataId() : null;
        long customers = g.sizes.customers();
        long orders = g.sizes.orders();
        try (RowSink sink = g.sink(g.model.entity(ORDERS_CORE, "Order"), "Id", "OrderNumber", "CustomerId", "StatusId",
                "CouponId", "PlacedOn", "DeliveryTime", "Total", "IsPaid", "Notes", "CreatedBy")) {
            for (long o = 1; o <= orders; o++) {
                SplittableRandom r = RowRandom.of(g.seed(), "Order", o);
                int hold = r.nextInt(100); // drawn either way, so the option changes nothing else in the row
                Object state = onHold != null && hold == 0 ? onHold : (Object) statuses[r.nextInt(statuses.length)];
                int pick = r.nextInt(100);
                String coupon;
                if (g.options.danglingIgnoreReferences() && pick == 0) {
                    coupon = couponId(g.seed(), "Coupon.id", coupons + 1 + r.nextLong(coupons)); // never inserted
                } else {
                    coupon = pick < 30 ? couponId(g.seed(), "Coupon.id", 1 + r.nextLong(coupons)) : null;
                }
                sink.add(o, ValuePools.padded("ORD-", o, 8), 1 + r.nextLong(customers), state, coupon,
                        ValuePools.omit(r, o, 5) ? null : ValuePools.dateTime(r),
                        ValuePools.omit(r, o, 10) ? null : ValuePools.time(r),
                        ValuePools.omit(r, o, 5) ? null : ValuePools.amount8(r, 10_000),
                        ValuePools.omit(r, o, 5) ? null : (Object) r.nextBoolean(),
                        ValuePools.omit(r, o, 40) ? null : g.pools.longText(r, 600),
                        users.endUser(r));
            }
        }
        try (RowSink sink = lines(g)) {
            long id = 0;
            for (long o = 1; o <= orders; o++) {
                int count = lineCount(g.seed(), o);
                for (int n = 1; n <= count; n++) {
                    id++;
                    sink.add(line(g, RowRandom.of(g.seed(), "OrderLine", id), id, o, n));
                }
            }
        }
    }

    /**
     * The destination's own orders (two per destination customer, two lines each, with the mandatory Channel
     * that only the destination has) and, with {@code conflictingCoupons}, 3 coupons whose Codes equal those
     * of source coupons 1–3 under other ids.
     */
    static void writeDestination(Generation g, UserDirectory users, int customers) throws SQLException {
        if (g.options.conflictingCoupons()) {
            try (RowSink sink = g.sink(g.model.entity(ORDERS_CORE, "Coupon"), "Id", "Code", "DiscountPercent", "ValidUntil")) {
                for (long j = 1; j <= 3; j++) {
                    sink.add(coupon(couponId(g.seed(), "DestinationCoupon.id", j), j,
                            RowRandom.of(g.seed(), "DestinationCoupon", j)));
                }
            }
        }
        if (customers == 0) {
            return;
        }
        int[] statuses = statusIds(g.model.entity(ORDERS_CORE, "OrderStatus"));
        try (RowSink sink = g.sink(g.model.entity(ORDERS_CORE, "Order"), "Id", "OrderNumber", "CustomerId", "StatusId",
                "CouponId", "PlacedOn", "DeliveryTime", "Total", "IsPaid", "Notes", "CreatedBy", "Channel")) {
            for (long o = 1; o <= 2L * customers; o++) {
                SplittableRandom r = RowRandom.of(g.seed(), "DestinationOrder", o);
                sink.add(o, ValuePools.padded("QA-", o, 8), (o + 1) / 2, statuses[r.nextInt(statuses.length)], null,
                        ValuePools.dateTime(r), ValuePools.time(r), ValuePools.amount8(r, 10_000), r.nextBoolean(),
                        g.pools.longText(r, 300), users.endUser(r), r.nextBoolean() ? "web" : "store");
            }
        }
        try (RowSink sink = lines(g)) {
            for (long id = 1; id <= 4L * customers; id++) {
                sink.add(line(g, RowRandom.of(g.seed(), "DestinationOrderLine", id), id, (id + 1) / 2, 2 - id % 2));
            }
        }
    }

    /** 1 to 4 lines, about 2.25 on average. */
    private static int lineCount(long seed, long order) {
        int p = RowRandom.of(seed, "Order.lines", order).nextInt(100);
        return p < 25 ? 1 : p < 65 ? 2 : p < 85 ? 3 : 4;
    }

    private static RowSink lines(Generation g) throws SQLException {
        return g.sink(g.model.entity(ORDERS_CORE, "OrderLine"), "Id", "OrderId", "ProductId", "Quantity", "UnitPrice",
                "LineNumber");
    }

    private static Object[] line(Generation g, SplittableRandom r, long id, long order, long number) {
        return new Object[] {id, order, CatalogData.productId(g, 1 + r.nextLong(g.sizes.products())),
            ValuePools.omit(r, id, 5) ? null : (Object) (1 + r.nextInt(20)),
            ValuePools.omit(r, id, 5) ? null : BigDecimal.valueOf(r.nextLong(1_000_000_000L), 4),
            ValuePools.omit(r, id, 5) ? null : (Object) number};
    }

    private static Object[] coupon(String id, long code, SplittableRandom r) {
        return new Object[] {id, ValuePools.padded("CPN-", code, 6),
            ValuePools.omit(r, code, 10) ? null : BigDecimal.valueOf(1 + r.nextInt(5000), 2),
            ValuePools.omit(r, code, 10) ? null : ValuePools.birthDate(r).plusYears(80)};
    }

    private static int[] statusIds(Entity status) {
        int[] ids = new int[STATUSES.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = status.record(STATUSES[i]).dataId();
        }
        return ids;
    }

    /** A version-4-shaped GUID string drawn from (stream, index): a coupon's id, computable anywhere. */
    static String couponId(long seed, String stream, long index) {
        SplittableRandom r = RowRandom.of(seed, stream, index);
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
