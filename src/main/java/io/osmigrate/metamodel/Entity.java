package io.osmigrate.metamodel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One active entity (OSSYS_ENTITY) with its active attributes, in one environment. Immutable.
 *
 * @param physicalTable the table name as the metamodel spells it; resolve it against the catalog
 * @param identifier    SS_Key of the identifier attribute (PRIMARYKEY_SS_KEY), normalised
 * @param eventTable    the OSEVT_ table of BPT-triggered entities, or null
 */
public record Entity(EntityKey key, long id, String name, String espaceName, String physicalTable, DataKind kind,
                     boolean system, boolean external, boolean multitenant, String identifier,
                     String eventTable, List<Attribute> attributes) {

    public Entity {
        identifier = SsKeys.normalize(identifier);
        attributes = List.copyOf(attributes);
    }

    /** "Module.Entity", the name people use in specs and reports. */
    public String qualifiedName() {
        return espaceName + "." + name;
    }

    public boolean isStatic() {
        return kind == DataKind.STATIC_ENTITY;
    }

    public Optional<Attribute> attribute(String ssKey) {
        String k = SsKeys.normalize(ssKey);
        return attributes.stream().filter(a -> a.ssKey().equals(k)).findFirst();
    }

    public Optional<Attribute> attributeNamed(String attributeName) {
        return attributes.stream().filter(a -> a.name().equalsIgnoreCase(attributeName)).findFirst();
    }

    public Optional<Attribute> identifierAttribute() {
        return identifier == null ? Optional.empty() : attribute(identifier);
    }
}
