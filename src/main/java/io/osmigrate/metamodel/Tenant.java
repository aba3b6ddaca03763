package io.osmigrate.metamodel;

/** A tenant (OSSYS_TENANT): matched across environments by (name, user-provider espace SS_Key). */
public record Tenant(long id, String name, String providerEspace, boolean active) {

    public Tenant {
        providerEspace = SsKeys.normalize(providerEspace);
    }

    /** Case-insensitive match key. */
    public String matchKey() {
        return name.trim().toLowerCase(java.util.Locale.ROOT) + "|" + providerEspace;
    }
}
