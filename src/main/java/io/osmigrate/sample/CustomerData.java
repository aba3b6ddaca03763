package io.osmigrate.sample;

import static io.osmigrate.sample.SampleSolution.ORDERS_CORE;
import static io.osmigrate.sample.SampleSolution.TENANT_ACME;
import static io.osmigrate.sample.SampleSolution.TENANT_GLOBEX;

import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * OrdersCore's customers, their addresses and profiles. Each customer has 1 or 2 addresses written after it
 * (so with higher ids), and ~80% point back at their last address through the optional PrimaryAddressId:
 * the Customer ↔ Address cycle osmigrate has to break. About half the customers have a CustomerProfile,
 * whose identifier is the customer's id.
 */
final class CustomerData {

    private static final String[] COLUMNS = {"Id", "TENANT_ID", "Name", "Email", "Phone", "BirthDate", "CreditLimit",
        "IsVip", "CreatedOn", "PrimaryAddressId", "CreatedBy", "LegacyCode"};

    private CustomerData() {
    }

    /** The structural facts of customer {@code c}, drawn from their own stream so every writer agrees. */
    private record Shape(int addresses, boolean primary, boolean profile) {
        static Shape of(long seed, long c) {
            SplittableRandom r = RowRandom.of(seed, "Customer.shape", c);
            int addresses = 1 + r.nextInt(2);
            // the first customer has two addresses, so each customer's last address id exceeds its own id
            return new Shape(c == 1 ? 2 : addresses, r.nextInt(10) < 8, r.nextBoolean());
        }
    }

    static void writeSource(Generation g, UserDirectory users) throws SQLException {
        long customers = g.sizes.customers();
        try (RowSink sink = g.sink(g.model.entity(ORDERS_CORE, "Customer"), COLUMNS)) {
            long lastAddress = 0;
            for (long c = 1; c <= customers; c++) {
                Shape shape = Shape.of(g.seed(), c);
                lastAddress += shape.addresses();
                sink.add(customer(g, users, RowRandom.of(g.seed(), "Customer", c), c, shape.primary() ? lastAddress : null));
            }
        }
        try (RowSink sink = g.sink(g.model.entity(ORDERS_CORE, "Address"), "Id", "CustomerId", "Street", "City", "Country")) {
            long id = 0;
            for (long c = 1; c <= customers; c++) {
                int count = Shape.of(g.seed(), c).addresses();
                for (int k = 0; k < count; k++) {
                    id++;
                    sink.add(address(g, RowRandom.of(g.seed(), "Address", id), id, c));
                }
            }
        }
        try (RowSink sink = g.sink(g.model.entity(ORDERS_CORE, "CustomerProfile"), "Id", "Bio", "Avatar")) {
            long written = 0; // profiles are sparse: count them, so the every-50th-row NULLs still happen
            for (long c = 1; c <= customers; c++) {
                if (Shape.of(g.seed(), c).profile()) {
                    SplittableRandom r = RowRandom.of(g.seed(), "CustomerProfile", c);
                    written++;
                    sink.add(c, ValuePools.omit(r, written, 10) ? null : g.pools.longText(r, 2000),
                            ValuePools.omit(r, written, 10) ? null : ValuePools.bytes(r, 64, 512));
                }
            }
        }
    }

    /** {@code count} customers already in the destination, ids 1…count, each with one (primary) address. */
    static void writeDestination(Generation g, UserDirectory users, int count) throws SQLException {
        try (RowSink sink = g.sink(g.model.entity(ORDERS_CORE, "Customer"), COLUMNS)) {
            for (long c = 1; c <= count; c++) {
                sink.add(customer(g, users, RowRandom.of(g.seed(), "DestinationCustomer", c), c, c));
            }
        }
        try (RowSink sink = g.sink(g.model.entity(ORDERS_CORE, "Address"), "Id", "CustomerId", "Street", "City", "Country")) {
            for (long c = 1; c <= count; c++) {
                sink.add(address(g, RowRandom.of(g.seed(), "DestinationAddress", c), c, c));
            }
        }
    }

    private static Object[] customer(Generation g, UserDirectory users, SplittableRandom r, long id, Long primaryAddress) {
        return new Object[] {
            id,
            users.tenantId(r.nextBoolean() ? TENANT_ACME : TENANT_GLOBEX),
            g.pools.displayName(r),
            ValuePools.omit(r, id, 5) ? null : g.pools.handle(r) + id + "@mail.example.com",
            ValuePools.omit(r, id, 10) ? null : ValuePools.phone(r),
            ValuePools.omit(r, id, 10) ? null : ValuePools.birthDate(r),
            ValuePools.omit(r, id, 5) ? null : ValuePools.amount8(r, 100_000),
            ValuePools.omit(r, id, 5) ? null : (Object) (r.nextInt(10) == 0),
            ValuePools.omit(r, id, 5) ? null : ValuePools.dateTime(r),
            primaryAddress,
            ValuePools.omit(r, id, 10) ? null : (Object) users.endUser(r),
            r.nextInt(3) == 0 ? null : "LC-" + id // the stale column of the deleted LegacyCode attribute
        };
    }

    private static Object[] address(Generation g, SplittableRandom r, long id, long customer) {
        return new Object[] {id, customer,
            ValuePools.omit(r, id, 5) ? null : g.pools.street(r),
            ValuePools.omit(r, id, 5) ? null : g.pools.city(r),
            ValuePools.omit(r, id, 5) ? null : g.pools.country(r)};
    }
}
