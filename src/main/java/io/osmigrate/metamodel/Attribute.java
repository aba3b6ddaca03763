package io.osmigrate.metamodel;

/**
 * One active attribute of an entity (OSSYS_ENTITY_ATTR), in one environment.
 *
 * @param ssKey        attribute SS_Key, normalised; matches attributes across environments
 * @param name         logical name
 * @param column       physical column name as the metamodel spells it (DATABASE_NAME)
 * @param length       text length (0 when not text)
 * @param defaultValue OutSystems default expression text (e.g. {@code "web"} with its quotes), or null
 */
public record Attribute(String ssKey, String name, String column, AttributeType type, int length, int decimals,
                        boolean mandatory, boolean autonumber, DeleteRule deleteRule, String defaultValue) {

    public Attribute {
        ssKey = SsKeys.normalize(ssKey);
    }

    public boolean isReference() {
        return type.isReference();
    }
}
