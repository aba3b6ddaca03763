package io.osmigrate.sample;

import static io.osmigrate.sample.SampleSolution.CATALOG_CORE;

import io.osmigrate.sample.ModelTypes.Entity;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * CatalogCore's categories and products, in both environments: the destination holds the same Codes (so
 * osmigrate can match products by Code) under other ids, inserted in the opposite order, plus a few products
 * of its own. Source row {@code i} has id {@code i}; its destination twin has id {@code 2n + 1 - i}.
 */
final class CatalogData {

    private CatalogData() {
    }

    static void write(Generation g) throws SQLException {
        long categories = g.sizes.categories();
        long products = g.sizes.products();
        boolean source = g.side.isSource();
        Entity category = g.model.entity(CATALOG_CORE, "Category");
        try (RowSink sink = g.sink(category, "Id", "Name", "Code")) {
            for (long n = 1; n <= categories; n++) {
                long i = source ? n : categories + 1 - n;
                SplittableRandom r = RowRandom.of(g.seed(), "Category", i);
                sink.add(categoryId(g, i), g.pools.department(r) + " " + i, ValuePools.padded("CAT-", i, 5));
            }
        }
        Entity kind = g.model.entity(CATALOG_CORE, "ProductKind");
        int[] kinds = {kind.record("Physical").dataId(), kind.record("Digital").dataId(), kind.record("Service").dataId()};
        Entity product = g.model.entity(CATALOG_CORE, "Product");
        try (RowSink sink = g.sink(product, "Id", "Code", "Name", "CategoryId", "KindId", "Price", "IsActive")) {
            for (long n = 1; n <= products; n++) {
                long i = source ? n : products + 1 - n;
                SplittableRandom r = RowRandom.of(g.seed(), "Product", i);
                sink.add(productId(g, i), ValuePools.padded("PRD-", i, 7), g.pools.product(r),
                        categoryId(g, 1 + r.nextLong(categories)), kinds[r.nextInt(kinds.length)],
                        ValuePools.omit(r, i, 5) ? null : ValuePools.amount8(r, 5000),
                        ValuePools.omit(r, i, 5) ? null : (Object) (r.nextInt(10) != 0));
            }
            if (!source) {
                long own = Math.max(3, products / 100);
                for (long j = 1; j <= own; j++) {
                    SplittableRandom r = RowRandom.of(g.seed(), "DestinationProduct", j);
                    sink.add(2 * products + j, ValuePools.padded("PRD-D", j, 6), g.pools.product(r),
                            categoryId(g, 1 + r.nextLong(categories)), kinds[r.nextInt(kinds.length)],
                            ValuePools.amount8(r, 5000), Boolean.TRUE);
                }
            }
        }
    }

    /** This environment's id of the {@code i}-th category (1-based). */
    static long categoryId(Generation g, long i) {
        return g.side.isSource() ? i : 2 * g.sizes.categories() + 1 - i;
    }

    /** This environment's id of the product with Code number {@code i} (1-based). */
    static long productId(Generation g, long i) {
        return g.side.isSource() ? i : 2 * g.sizes.products() + 1 - i;
    }
}
