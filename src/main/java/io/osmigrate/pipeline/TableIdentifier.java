package io.osmigrate.pipeline;

import io.osmigrate.plan.EntityRef;
import io.osmigrate.plan.IdentifierKind;

/**
 * How a moved row gets its destination identifier: captured from the destination (autonumber), copied,
 * or remapped through the key map of the table it extends.
 *
 * @param scope for {@link IdentifierKind#REFERENCE}, the key-map scope of {@code target}; else null
 */
public record TableIdentifier(IdentifierKind kind, Integer scope, EntityRef target) {

    public static TableIdentifier of(IdentifierKind kind) {
        return new TableIdentifier(kind, null, null);
    }
}
