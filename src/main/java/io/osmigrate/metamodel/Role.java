package io.osmigrate.metamodel;

/** A role (OSSYS_ROLE): matched by (espace SS_Key, role SS_Key); created by publishing, never written. */
public record Role(long id, String name, String ssKey, String espace, boolean active) {

    public Role {
        ssKey = SsKeys.normalize(ssKey);
        espace = SsKeys.normalize(espace);
    }
}
