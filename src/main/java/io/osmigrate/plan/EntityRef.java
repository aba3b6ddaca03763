package io.osmigrate.plan;

import io.osmigrate.metamodel.Entity;
import io.osmigrate.metamodel.EntityKey;

/** How a plan names an entity: its module and name for people, its SS_Keys for matching. */
public record EntityRef(String module, String name, String espaceKey, String entityKey) {

    public static EntityRef of(Entity e) {
        return new EntityRef(e.espaceName(), e.name(), e.key().espace(), e.key().entity());
    }

    public EntityKey key() {
        return new EntityKey(espaceKey, entityKey);
    }

    /** "Module.Entity". */
    public String qualifiedName() {
        return module + "." + name;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
