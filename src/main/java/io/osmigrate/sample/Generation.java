package io.osmigrate.sample;

import io.osmigrate.sample.ModelTypes.Entity;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Everything one environment's generation shares: the connection, engine, side, options, model, value
 * pools and sizes, plus the rule that gives metamodel rows different local ids in the two environments
 * (source: 1, 2, 3… in definition order; destination: from another base, inserted in reverse order).
 */
final class Generation {

    final Connection connection;
    final Engine engine;
    final Side side;
    final SampleOptions options;
    final SampleModel model;
    final ValuePools pools;
    final SampleSizes sizes;

    Generation(Connection connection, Engine engine, Side side, SampleOptions options, ValuePools pools) {
        this.connection = connection;
        this.engine = engine;
        this.side = side;
        this.options = options;
        this.model = SampleModel.build(side, options);
        this.pools = pools;
        this.sizes = SampleSizes.of(options.rows());
    }

    long seed() {
        return options.seed();
    }

    Object flag(boolean value) {
        return engine.flag(value);
    }

    RowSink sink(String table, String... columns) throws SQLException {
        return RowSink.open(connection, engine, table, List.of(columns));
    }

    /** A sink on an entity's table, columns named by attribute (or TENANT_ID). */
    RowSink sink(Entity entity, String... attributes) throws SQLException {
        return RowSink.open(connection, engine, entity.sqlTable(), entity.columns(engine, attributes));
    }

    /** The local id of the {@code index}-th of {@code count} metamodel rows in this environment. */
    int localId(int index, int count, int destinationBase) {
        return side.isSource() ? index + 1 : destinationBase + (count - 1 - index);
    }

    /** The order rows are inserted in: definition order in the source, reversed in the destination. */
    int[] insertionOrder(int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = side.isSource() ? i : count - 1 - i;
        }
        return order;
    }
}
