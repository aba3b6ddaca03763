package io.osmigrate.pipeline;

import java.util.List;

/**
 * The reconciliation by value of one moved entity: its paired rows, mapped from the source exactly as an insert maps
 * them, compared with the destination rows their pairs name. Part of a run's report.
 *
 * @param entity        e.g. "OrdersCore.Order"
 * @param sample        the most rows compared ({@code --sample}); null: every paired row
 * @param compared      rows whose destination row was found and compared, the differing ones included
 * @param differing     compared rows with at least one column whose value differs
 * @param missing       rows whose paired destination row is no longer in the destination table
 * @param notComparable paired rows that cannot be mapped today (a reference, static, tenant or user that no longer
 *                      resolves), so there is nothing to compare them with
 * @param differences   the first differing or missing rows found (at most {@link ValueTally#LISTED}), in no set order
 */
public record ValueCheck(String entity, Integer sample, long compared, long differing, long missing, long notComparable,
                         List<Difference> differences) {

    public ValueCheck {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    /** Whether some row differs from its source or is missing. */
    public boolean differs() {
        return differing > 0 || missing > 0;
    }

    /**
     * One row that differs, or is missing.
     *
     * @param columns the columns whose values differ; empty for a missing row
     */
    public record Difference(String sourceId, String destinationId, boolean missing, List<Column> columns) {

        public Difference {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    /**
     * One column that differs. An anonymised attribute shows its anonymised value, never the source's.
     *
     * @param attribute        the attribute (or platform column) the column holds
     * @param column           the destination column
     * @param mappedSourceValue the source's value as osmigrate writes it (mapped, anonymised); null for NULL
     * @param destinationValue the destination row's value; null for NULL
     */
    public record Column(String attribute, String column, String mappedSourceValue, String destinationValue) {
    }
}
