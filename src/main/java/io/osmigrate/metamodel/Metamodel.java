package io.osmigrate.metamodel;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The active metamodel of one environment: modules, entities with their attributes, applications,
 * static records, tenants and roles. Inactive rows are not here. Immutable and thread-safe.
 *
 * @param anomalies things the reader noticed and worked around (e.g. two active rows with one SS_Key)
 */
public record Metamodel(String environment, Map<String, Espace> espaces, Map<EntityKey, Entity> entities,
                        List<Application> applications, Map<EntityKey, List<StaticRecord>> staticRecords,
                        List<Tenant> tenants, List<Role> roles, List<String> anomalies) {

    /** Physical table of the platform's User entity. */
    public static final String USER_TABLE = "OSSYS_USER";
    /** Physical table of the platform's Tenant entity. */
    public static final String TENANT_TABLE = "OSSYS_TENANT";

    public Metamodel {
        espaces = Map.copyOf(espaces);
        entities = Map.copyOf(entities);
        applications = List.copyOf(applications);
        staticRecords = Map.copyOf(staticRecords);
        tenants = List.copyOf(tenants);
        roles = List.copyOf(roles);
        anomalies = List.copyOf(anomalies);
    }

    public Optional<Espace> espace(String ssKey) {
        return Optional.ofNullable(espaces.get(SsKeys.normalize(ssKey)));
    }

    public Optional<Espace> espaceNamed(String name) {
        return espaces.values().stream().filter(e -> e.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    public Optional<Entity> entity(EntityKey key) {
        return Optional.ofNullable(entities.get(key));
    }

    /** An entity by "Module.Entity" names, compared case-insensitively. */
    public Optional<Entity> entityNamed(String module, String entity) {
        return entities.values().stream()
                .filter(e -> e.espaceName().equalsIgnoreCase(module.trim()) && e.name().equalsIgnoreCase(entity.trim()))
                .findFirst();
    }

    public List<Entity> entitiesOf(String espaceSsKey) {
        String k = SsKeys.normalize(espaceSsKey);
        return entities.values().stream().filter(e -> e.key().espace().equals(k))
                .sorted(java.util.Comparator.comparing(Entity::name)).toList();
    }

    public Optional<Application> application(String name) {
        return applications.stream().filter(a -> a.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    public List<StaticRecord> records(EntityKey staticEntity) {
        return staticRecords.getOrDefault(staticEntity, List.of());
    }

    /** The system entity stored in the given physical table (User, Tenant…), if the metamodel has it. */
    public Optional<Entity> systemEntityByTable(String physicalTable) {
        String t = physicalTable.toUpperCase(Locale.ROOT);
        return entities.values().stream()
                .filter(e -> e.system() && e.physicalTable().toUpperCase(Locale.ROOT).equals(t)).findFirst();
    }

    public Collection<Entity> allEntities() {
        return entities.values();
    }

    /** Active tenants by their cross-environment match key (name | provider espace SS_Key). */
    public Map<String, Tenant> tenantsByMatchKey() {
        return tenants.stream().filter(Tenant::active)
                .collect(Collectors.toMap(Tenant::matchKey, t -> t, (a, b) -> a.id() <= b.id() ? a : b));
    }
}
