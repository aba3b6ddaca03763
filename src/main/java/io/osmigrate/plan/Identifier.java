package io.osmigrate.plan;

/**
 * The identifier column of a planned entity.
 *
 * @param target for {@link IdentifierKind#REFERENCE}, the entity the identifier references
 */
public record Identifier(String attribute, String sourceColumn, String destinationColumn, String type,
                         IdentifierKind kind, EntityRef target) {
}
