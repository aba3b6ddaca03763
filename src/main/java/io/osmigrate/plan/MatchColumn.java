package io.osmigrate.plan;

/** An attribute that identifies a row in both environments (Lookup, match-existing). */
public record MatchColumn(String attribute, String sourceColumn, String destinationColumn, ColumnRole role,
                          EntityRef target) {
}
