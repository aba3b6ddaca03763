package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.osmigrate.dialect.PhysicalCatalog;
import io.osmigrate.metamodel.Application;
import io.osmigrate.metamodel.Attribute;
import io.osmigrate.metamodel.AttributeType;
import io.osmigrate.metamodel.DataKind;
import io.osmigrate.metamodel.DeleteRule;
import io.osmigrate.metamodel.Entity;
import io.osmigrate.metamodel.EntityKey;
import io.osmigrate.metamodel.Espace;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.metamodel.StaticRecord;

/** A small hand-built environment (metamodel + catalog) for planner unit tests. */
final class MiniModel {

    private final String name;
    private final Map<String, Espace> espaces = new LinkedHashMap<>();
    private final Map<EntityKey, Entity> entities = new LinkedHashMap<>();
    private final List<Application> applications = new ArrayList<>();
    private final Map<EntityKey, List<StaticRecord>> records = new HashMap<>();
    private final Map<String, List<String>> tables = new LinkedHashMap<>();
    private String tableCase = "as-is";

    MiniModel(String name) {
        this.name = name;
    }

    static String key(String text) {
        return java.util.UUID.nameUUIDFromBytes(text.getBytes()).toString();
    }

    MiniModel module(String module, boolean system) {
        espaces.put(key(module), new Espace(espaces.size() + 1, module, key(module), system, system));
        return this;
    }

    MiniModel application(String app, String... modules) {
        applications.add(new Application(applications.size() + 1, app, key(app), java.util.Arrays.stream(modules).map(MiniModel::key).toList()));
        return this;
    }

    /** Physical tables are created in lower case, as a PostgreSQL stand-in holds them. */
    MiniModel lowerCaseCatalog() {
        tableCase = "lower";
        return this;
    }

    EntityBuilder entity(String module, String entity) {
        return new EntityBuilder(module, entity);
    }

    static String ref(String module, String entity) {
        return "bt" + key(module) + "*" + key(module + "." + entity);
    }

    EnvironmentView view() {
        Metamodel mm = new Metamodel(name, espaces, entities, applications, records, List.of(), List.of(), List.of());
        return new EnvironmentView(name, "test", mm, PhysicalCatalog.fixed(tables), t -> 10);
    }

    final class EntityBuilder {
        private final String module;
        private final String entity;
        private final List<Attribute> attributes = new ArrayList<>();
        private String table;
        private DataKind kind = DataKind.ENTITY;
        private boolean system;
        private boolean multitenant;
        private String identifier;

        EntityBuilder(String module, String entity) {
            this.module = module;
            this.entity = entity;
            this.table = "OSUSR_X_" + entity;
            id("rtLongInteger", true);
        }

        EntityBuilder table(String physical) {
            this.table = physical;
            return this;
        }

        EntityBuilder asStatic(String... recordNames) {
            kind = DataKind.STATIC_ENTITY;
            List<StaticRecord> list = new ArrayList<>();
            int i = 1;
            for (String r : recordNames) {
                list.add(new StaticRecord(key(module + "." + entity + "." + r), r, Integer.toString(i++), true));
            }
            records.put(new EntityKey(key(module), key(module + "." + entity)), list);
            return this;
        }

        EntityBuilder asSystem() {
            system = true;
            return this;
        }

        EntityBuilder multitenant() {
            multitenant = true;
            return this;
        }

        EntityBuilder id(String type, boolean autonumber) {
            attributes.removeIf(a -> a.name().equals("Id"));
            Attribute id = new Attribute(key(module + "." + entity + ".Id"), "Id", "ID", AttributeType.parse(type), 0, 0,
                    true, autonumber, DeleteRule.PROTECT, null);
            attributes.add(0, id);
            identifier = id.ssKey();
            return this;
        }

        EntityBuilder attr(String attr, String type, boolean mandatory) {
            return attr(attr, type, mandatory, 50, null);
        }

        EntityBuilder attr(String attr, String type, boolean mandatory, int length, String defaultValue) {
            attributes.add(new Attribute(key(module + "." + entity + "." + attr), attr, attr.toUpperCase(),
                    AttributeType.parse(type), length, 0, mandatory, false, DeleteRule.PROTECT, defaultValue));
            return this;
        }

        MiniModel add() {
            EntityKey k = new EntityKey(key(module), key(module + "." + entity));
            entities.put(k, new Entity(k, entities.size() + 1, entity, module, table, kind, system, false, multitenant,
                    identifier, null, attributes));
            List<String> cols = new ArrayList<>(attributes.stream().map(Attribute::column).toList());
            if (multitenant) {
                cols.add("TENANT_ID");
            }
            String physical = tableCase.equals("lower") ? table.toLowerCase() : table;
            tables.put(physical, tableCase.equals("lower") ? cols.stream().map(String::toLowerCase).toList() : cols);
            return MiniModel.this;
        }
    }
}
