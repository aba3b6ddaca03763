package io.osmigrate.plan;

import io.osmigrate.dialect.PhysicalCatalog;
import io.osmigrate.metamodel.Metamodel;

/**
 * What the planner sees of one environment: its metamodel, its physical catalog and row counts.
 *
 * @param rows counts the rows of a table given as the catalog spells it
 */
public record EnvironmentView(String name, String engine, Metamodel metamodel, PhysicalCatalog catalog, RowCounter rows) {

    /** Counts the rows of a table. */
    @FunctionalInterface
    public interface RowCounter {
        long count(String table);
    }
}
