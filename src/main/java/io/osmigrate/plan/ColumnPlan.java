package io.osmigrate.plan;

/**
 * One destination column of a moved entity and where its value comes from.
 *
 * @param attribute         attribute name ("TENANT_ID" for the hidden tenant column)
 * @param ssKey             attribute SS_Key, or null for the tenant column
 * @param sourceColumn      source column as the source catalog spells it; null for {@link ColumnRole#DEFAULT_FILL}
 * @param destinationColumn destination column as the destination catalog spells it
 * @param type              OutSystems type code ("rtText", "bt…")
 * @param target            referenced entity, for references
 * @param deferred          inserted empty, set after the entity's cycle group is loaded
 * @param fill              the default value written for {@link ColumnRole#DEFAULT_FILL}, as text
 * @param soft              a soft key the spec declares: a {@link ColumnRole#REFERENCE} held in an Integer, Long Integer
 *                          or Text attribute, whose "none" values (0, "") are kept as they are ({@link SoftKeyValues})
 */
public record ColumnPlan(String attribute, String ssKey, String sourceColumn, String destinationColumn, String type,
                         ColumnRole role, EntityRef target, boolean mandatory, boolean deferred, String fill, boolean soft) {

    /** A column that is no soft key. */
    public ColumnPlan(String attribute, String ssKey, String sourceColumn, String destinationColumn, String type,
                      ColumnRole role, EntityRef target, boolean mandatory, boolean deferred, String fill) {
        this(attribute, ssKey, sourceColumn, destinationColumn, type, role, target, mandatory, deferred, fill, false);
    }

    public ColumnPlan withDeferred(boolean value) {
        return new ColumnPlan(attribute, ssKey, sourceColumn, destinationColumn, type, role, target, mandatory, value, fill, soft);
    }
}
