package io.osmigrate.dialect;

/**
 * One row to insert.
 *
 * @param sourceId   the source identifier, returned with the new one
 * @param explicitId the identifier to write when the destination does not generate it; else null
 * @param values     values of {@link InsertTarget#columns()}, in order
 */
public record InsertRow(Object sourceId, Object explicitId, Object[] values) {
}
