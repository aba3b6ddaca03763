package io.osmigrate.plan;

import io.osmigrate.spec.AnonymizeRule;

/**
 * An attribute of a moved entity whose values are replaced on the way (the spec's {@code anonymize}).
 *
 * @param destinationColumn the column as the destination's catalog spells it
 * @param length            the destination column's character length; 0 when not text or unbounded
 * @param unique            the destination has a unique index on this column alone: values are made to stay distinct
 */
public record AnonymizedAttribute(EntityRef entity, String attribute, String destinationColumn, AnonymizeRule rule,
                                  int length, boolean unique) {
}
