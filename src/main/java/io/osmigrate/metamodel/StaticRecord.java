package io.osmigrate.metamodel;

/**
 * A static entity record (OSSYS_ENTITY_RECORD). {@code dataId} is the identifier value in the static
 * table in this environment, kept as text.
 */
public record StaticRecord(String ssKey, String name, String dataId, boolean active) {

    public StaticRecord {
        ssKey = SsKeys.normalize(ssKey);
    }
}
