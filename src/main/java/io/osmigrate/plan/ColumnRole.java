package io.osmigrate.plan;

/** What the data phase does with one column of a moved entity. */
public enum ColumnRole {
    /** A plain value, copied as is. */
    VALUE,
    /** A reference to a moved or looked-up application entity, replaced through the key map. */
    REFERENCE,
    /** A reference to a static entity, replaced through the static record map. */
    STATIC_REFERENCE,
    /** A reference to the platform's User entity, replaced through the user map. */
    USER_REFERENCE,
    /** A reference to the platform's Tenant entity, replaced through the tenant map. */
    TENANT_REFERENCE,
    /** The hidden TENANT_ID column of a multi-tenant entity, replaced through the tenant map. */
    TENANT_ID,
    /** A reference whose target is skipped or unknown: empty where optional, else the row is dead-lettered. */
    SKIPPED_REFERENCE,
    /** A mandatory destination-only attribute, filled with its default (also a BPT scheduler marker, cleared). */
    DEFAULT_FILL,
    /** A reference to a BPT definition, status or kind, replaced through the map of its definition table (by SS_Key or name). */
    DEFINITION_REFERENCE,
    /** A reference to a group (OSSYS_GROUP), replaced through the group map (tenant and name). */
    GROUP_REFERENCE,
    /**
     * A BPT input's or output's value text: when the row's SS_TYPE names an entity, the text holds one of its ids and is
     * replaced through that entity's key map (or the user or tenant map); otherwise copied.
     */
    VALUE_TEXT;

    /** Whether the value is a reference that must be remapped (or emptied). */
    public boolean isReference() {
        return this != VALUE && this != DEFAULT_FILL && this != VALUE_TEXT;
    }
}
