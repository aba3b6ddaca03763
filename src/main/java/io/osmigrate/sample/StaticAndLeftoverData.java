package io.osmigrate.sample;

import static io.osmigrate.sample.SampleSolution.ORDERS_CORE;

import io.osmigrate.sample.ModelTypes.Entity;
import io.osmigrate.sample.ModelTypes.StaticRecord;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * Physical rows of the static entities (ids = each environment's DATA_IDs; a record whose physical row was
 * deleted gets none) and the data left behind by deletions: rows in the tables of inactive entities, which
 * osmigrate must never read.
 */
final class StaticAndLeftoverData {

    private StaticAndLeftoverData() {
    }

    static void write(Generation g) throws SQLException {
        for (Entity e : g.model.entities()) {
            if (!e.isStatic() || !e.active()) {
                continue;
            }
            try (RowSink sink = g.sink(e, "Id", "Label", "Order", "Is_Active")) {
                for (int i : g.insertionOrder(e.records().size())) {
                    StaticRecord r = e.records().get(i);
                    if (r.physical()) {
                        sink.add(r.dataId(), r.name(), r.order(), Boolean.TRUE);
                    }
                }
            }
        }
        for (Entity e : g.model.entities()) {
            if (!e.active() && e.module().equals(ORDERS_CORE)) {
                leftovers(g, e);
            }
        }
    }

    private static void leftovers(Generation g, Entity e) throws SQLException {
        boolean archive = e.name().equals("OrderArchive");
        try (RowSink sink = archive ? g.sink(e, "Id", "OrderNumber", "ArchivedOn") : g.sink(e, "Id", "Name", "Email")) {
            for (int i = 1; i <= 5; i++) {
                SplittableRandom r = RowRandom.of(g.seed(), e.ssKey(), i);
                if (archive) {
                    sink.add((long) i, ValuePools.padded("ARC-", i, 6), ValuePools.dateTime(r));
                } else {
                    sink.add((long) i, g.pools.displayName(r), g.pools.handle(r) + "@old.example.com");
                }
            }
        }
    }
}
