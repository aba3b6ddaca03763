package io.osmigrate.metamodel;

import java.util.Objects;

/**
 * The identity of an entity across environments: (espace SS_Key, entity SS_Key). An entity SS_Key
 * alone is not unique (a cloned module keeps its entities' keys). Both parts are normalised.
 */
public record EntityKey(String espace, String entity) {

    public EntityKey {
        espace = SsKeys.normalize(Objects.requireNonNull(espace, "espace SS_Key"));
        entity = SsKeys.normalize(Objects.requireNonNull(entity, "entity SS_Key"));
    }

    @Override
    public String toString() {
        return espace + "*" + entity;
    }
}
