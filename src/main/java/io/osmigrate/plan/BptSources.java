package io.osmigrate.plan;

import java.util.function.UnaryOperator;

import io.osmigrate.metamodel.BptDefinitions;

/**
 * What the BPT part of a plan is made from besides the metamodels: both environments' BPT definitions, and how
 * the source's instance rows are selected (its quoting) and counted.
 *
 * @param sourceQuote quotes an identifier as the source's SQL does
 * @param sourceRows  counts a source table's rows that a condition selects
 */
public record BptSources(BptDefinitions source, BptDefinitions destination, UnaryOperator<String> sourceQuote,
                         FilteredRows sourceRows) {

    /** Counts the rows of a source table (as the catalog spells it) that a condition selects. */
    @FunctionalInterface
    public interface FilteredRows {
        long count(String table, String condition);
    }
}
