package io.osmigrate.metamodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.osmigrate.env.Environment;

/**
 * Reads the active metamodel of one environment into an immutable {@link Metamodel}, following the
 * robustness rules of the environment contract: columns by name, names and SS_Keys compared
 * case-insensitively, booleans of any shape, inactive rows (and whatever hangs off them) ignored.
 * Reads only; small tables, so filtering happens here rather than in engine-specific SQL.
 */
public final class MetamodelReader {

    private final Environment env;
    private final MetaQuery query;
    private final List<String> anomalies = new ArrayList<>();

    private MetamodelReader(Environment env) {
        this.env = env;
        this.query = new MetaQuery(env);
    }

    public static Metamodel read(Environment env) {
        return new MetamodelReader(env).read();
    }

    private Metamodel read() {
        Map<Long, Espace> espacesById = readEspaces();
        Map<String, Espace> espaces = new HashMap<>();
        espacesById.values().stream().sorted(Comparator.comparingLong(Espace::id)).forEach(e -> {
            if (espaces.putIfAbsent(e.ssKey(), e) != null) {
                anomalies.add("two active modules share SS_Key " + e.ssKey() + " (" + espaces.get(e.ssKey()).name()
                        + ", " + e.name() + "); using the one with the lower ID");
            }
        });
        Map<EntityKey, Entity> entities = readEntities(espacesById);
        return new Metamodel(env.name(), espaces, entities, readApplications(espacesById), readRecords(espacesById),
                readTenants(espacesById), readRoles(espacesById), anomalies);
    }

    private Map<Long, Espace> readEspaces() {
        Map<Long, Espace> result = new LinkedHashMap<>();
        for (MetaRow r : query.select("OSSYS_ESPACE", List.of("ID", "NAME", "SS_KEY", "IS_ACTIVE"),
                List.of("IS_SYSTEM", "IS_USER_PROVIDER"))) {
            if (r.flag("IS_ACTIVE") && r.text("SS_KEY") != null) {
                result.put(r.number("ID"), new Espace(r.number("ID"), r.text("NAME"), r.text("SS_KEY"),
                        r.flag("IS_SYSTEM"), r.flag("IS_USER_PROVIDER")));
            }
        }
        return result;
    }

    private Map<EntityKey, Entity> readEntities(Map<Long, Espace> espaces) {
        Map<Long, List<Attribute>> attributes = readAttributes();
        Map<EntityKey, Entity> result = new HashMap<>();
        List<MetaRow> rows = query.select("OSSYS_ENTITY",
                List.of("ID", "NAME", "PHYSICAL_TABLE_NAME", "ESPACE_ID", "SS_KEY", "PRIMARYKEY_SS_KEY", "IS_ACTIVE"),
                List.of("IS_SYSTEM", "IS_EXTERNAL", "DATA_KIND", "MULTITENANT", "EXPOSE_PROCESS_EVENTS", "EVENT_TABLE_NAME"));
        rows.sort(Comparator.comparingLong(r -> r.number("ID")));
        for (MetaRow r : rows) {
            Long espaceId = r.optionalNumber("ESPACE_ID");
            Espace espace = espaceId == null ? null : espaces.get(espaceId);
            if (!r.flag("IS_ACTIVE") || espace == null || r.text("SS_KEY") == null) {
                continue; // deleted entity, or one of a deleted module or an extension
            }
            long id = r.number("ID");
            EntityKey key = new EntityKey(espace.ssKey(), r.text("SS_KEY"));
            String eventTable = r.flag("EXPOSE_PROCESS_EVENTS") || r.text("EVENT_TABLE_NAME") != null
                    ? blankToNull(r.text("EVENT_TABLE_NAME")) : null;
            Entity entity = new Entity(key, id, r.text("NAME"), espace.name(), r.text("PHYSICAL_TABLE_NAME"),
                    DataKind.parse(r.text("DATA_KIND")), r.flag("IS_SYSTEM") || espace.system(), r.flag("IS_EXTERNAL"),
                    r.flag("MULTITENANT"), r.text("PRIMARYKEY_SS_KEY"), eventTable,
                    attributes.getOrDefault(id, List.of()));
            if (result.putIfAbsent(key, entity) != null) {
                anomalies.add("two active entities share key " + key + " (" + entity.qualifiedName() + "); using the one with the lower ID");
            }
        }
        return result;
    }

    private Map<Long, List<Attribute>> readAttributes() {
        Map<Long, List<Attribute>> result = new HashMap<>();
        List<MetaRow> rows = query.select("OSSYS_ENTITY_ATTR",
                List.of("ID", "ENTITY_ID", "NAME", "SS_KEY", "TYPE", "IS_ACTIVE"),
                List.of("DATABASE_NAME", "LENGTH", "DECIMALS", "IS_MANDATORY", "IS_AUTONUMBER", "DELETE_RULE",
                        "DEFAULT_VALUE", "ORDER_NUM"));
        rows.sort(Comparator.comparingLong((MetaRow r) -> r.get("ORDER_NUM") == null ? 0 : r.number("ORDER_NUM"))
                .thenComparingLong(r -> r.number("ID")));
        for (MetaRow r : rows) {
            if (!r.flag("IS_ACTIVE") || r.text("SS_KEY") == null) {
                continue; // a deleted attribute: its stale column stays in the table, never copied
            }
            String column = blankToNull(r.text("DATABASE_NAME"));
            Attribute attribute = new Attribute(r.text("SS_KEY"), r.text("NAME"), column == null ? r.text("NAME") : column,
                    AttributeType.parse(r.text("TYPE")), (int) optional(r, "LENGTH"), (int) optional(r, "DECIMALS"),
                    r.flag("IS_MANDATORY"), r.flag("IS_AUTONUMBER"), DeleteRule.parse(r.text("DELETE_RULE")),
                    r.text("DEFAULT_VALUE"));
            result.computeIfAbsent(r.number("ENTITY_ID"), k -> new ArrayList<>()).add(attribute);
        }
        return result;
    }

    private List<Application> readApplications(Map<Long, Espace> espaces) {
        Map<Long, Long> moduleToEspace = new HashMap<>();
        for (MetaRow r : query.select("OSSYS_MODULE", List.of("ID"), List.of("ESPACE_ID"))) {
            Long espaceId = r.optionalNumber("ESPACE_ID");
            if (espaceId != null) {
                moduleToEspace.put(r.number("ID"), espaceId);
            }
        }
        Map<Long, List<String>> appEspaces = new HashMap<>();
        for (MetaRow r : query.select("OSSYS_APP_DEFINITION_MODULE", List.of("APPLICATION_ID", "MODULE_ID"), List.of())) {
            Long espaceId = moduleToEspace.get(r.number("MODULE_ID"));
            Espace espace = espaceId == null ? null : espaces.get(espaceId);
            if (espace != null) {
                appEspaces.computeIfAbsent(r.number("APPLICATION_ID"), k -> new ArrayList<>()).add(espace.ssKey());
            }
        }
        List<Application> result = new ArrayList<>();
        for (MetaRow r : query.select("OSSYS_APPLICATION", List.of("ID", "NAME", "IS_ACTIVE"), List.of("KEY"))) {
            if (r.flag("IS_ACTIVE")) {
                long id = r.number("ID");
                result.add(new Application(id, r.text("NAME"), r.text("KEY"), appEspaces.getOrDefault(id, List.of())));
            }
        }
        result.sort(Comparator.comparingLong(Application::id));
        return result;
    }

    private Map<EntityKey, List<StaticRecord>> readRecords(Map<Long, Espace> espaces) {
        Map<EntityKey, List<StaticRecord>> result = new HashMap<>();
        for (MetaRow r : query.select("OSSYS_ENTITY_RECORD",
                List.of("ESPACE_ID", "ENTITY_SS_KEY", "SS_KEY", "DATA_ID", "IS_ACTIVE"), List.of("NAME"))) {
            Espace espace = espaces.get(r.number("ESPACE_ID"));
            if (espace == null || r.text("ENTITY_SS_KEY") == null || r.text("SS_KEY") == null) {
                continue;
            }
            EntityKey key = new EntityKey(espace.ssKey(), r.text("ENTITY_SS_KEY"));
            String dataId = r.text("DATA_ID") == null ? null : r.text("DATA_ID").trim();
            result.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new StaticRecord(r.text("SS_KEY"), r.text("NAME"), dataId, r.flag("IS_ACTIVE")));
        }
        return result;
    }

    private List<Tenant> readTenants(Map<Long, Espace> espaces) {
        List<Tenant> result = new ArrayList<>();
        for (MetaRow r : query.select("OSSYS_TENANT", List.of("ID", "NAME", "ESPACE_ID", "IS_ACTIVE"), List.of())) {
            Espace provider = espaces.get(r.number("ESPACE_ID"));
            if (provider != null && r.text("NAME") != null) {
                result.add(new Tenant(r.number("ID"), r.text("NAME"), provider.ssKey(), r.flag("IS_ACTIVE")));
            }
        }
        result.sort(Comparator.comparingLong(Tenant::id));
        return result;
    }

    private List<Role> readRoles(Map<Long, Espace> espaces) {
        List<Role> result = new ArrayList<>();
        for (MetaRow r : query.select("OSSYS_ROLE", List.of("ID", "NAME", "SS_KEY", "ESPACE_ID", "IS_ACTIVE"), List.of())) {
            Espace espace = espaces.get(r.number("ESPACE_ID"));
            if (espace != null && r.flag("IS_ACTIVE") && r.text("SS_KEY") != null) {
                result.add(new Role(r.number("ID"), r.text("NAME"), r.text("SS_KEY"), espace.ssKey(), true));
            }
        }
        result.sort(Comparator.comparingLong(Role::id));
        return result;
    }

    private static long optional(MetaRow r, String column) {
        return r.get(column) == null ? 0 : r.number(column);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
