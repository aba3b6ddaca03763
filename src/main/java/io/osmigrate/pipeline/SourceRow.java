package io.osmigrate.pipeline;

/**
 * One source row: its identifier (Long or text) and the values of the columns read, in the order of
 * the {@link TableRead}. Owned by one record message; not shared.
 */
public record SourceRow(Object id, Object[] values) {
}
