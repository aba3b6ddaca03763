package io.osmigrate.sample;

import static io.osmigrate.sample.SampleSolution.APP_CATALOG;
import static io.osmigrate.sample.SampleSolution.APP_ORDERS;
import static io.osmigrate.sample.SampleSolution.APP_SERVICE_CENTER;
import static io.osmigrate.sample.SampleSolution.APP_SUPPORT;
import static io.osmigrate.sample.SampleSolution.APP_WORKFLOW;
import static io.osmigrate.sample.SampleSolution.CATALOG_CORE;
import static io.osmigrate.sample.SampleSolution.DELETED_ORDERS_CORE;
import static io.osmigrate.sample.SampleSolution.ORDERS_CORE;
import static io.osmigrate.sample.SampleSolution.SERVICE_CENTER;
import static io.osmigrate.sample.SampleSolution.SUPPORT_CORE;
import static io.osmigrate.sample.SampleSolution.USERS;
import static io.osmigrate.sample.SampleSolution.WORKFLOW_CORE;

import io.osmigrate.sample.ModelTypes.Attribute;
import io.osmigrate.sample.ModelTypes.Entity;
import io.osmigrate.sample.ModelTypes.StaticRecord;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the factory and data-model metamodel rows: espaces, applications, modules and their links,
 * entities, attributes, static records and roles. Local ids differ between environments (see
 * {@link Generation#localId}); SS_Keys do not, except that the destination stores OrdersCore's espace key in
 * upper case, as real databases sometimes differ in case.
 */
final class MetamodelRows {

    /** One OSSYS_ESPACE row. */
    private record Espace(String name, boolean active, boolean system, boolean userProvider) {
    }

    private static final List<Espace> ESPACES = List.of(
            new Espace(SERVICE_CENTER, true, true, true),
            new Espace(USERS, true, true, true),
            new Espace(CATALOG_CORE, true, false, false),
            new Espace(ORDERS_CORE, true, false, false),
            new Espace(SUPPORT_CORE, true, false, false),
            new Espace(WORKFLOW_CORE, true, false, false),
            new Espace(DELETED_ORDERS_CORE, false, false, false));

    /** Applications and their modules; {@code null} stands for an extension module (no espace). */
    private static final List<String> APPLICATIONS = List.of(APP_SERVICE_CENTER, APP_CATALOG, APP_ORDERS, APP_SUPPORT,
            APP_WORKFLOW);
    private static final List<List<String>> APPLICATION_MODULES = List.of(
            List.of(SERVICE_CENTER, USERS), List.of(CATALOG_CORE), java.util.Arrays.asList(ORDERS_CORE, null),
            List.of(SUPPORT_CORE), List.of(WORKFLOW_CORE));

    private static final String[][] ROLES = {
        {ORDERS_CORE, SampleSolution.ROLE_ORDER_MANAGER}, {ORDERS_CORE, SampleSolution.ROLE_ORDER_VIEWER},
        {SUPPORT_CORE, SampleSolution.ROLE_SUPPORT_AGENT}, {SUPPORT_CORE, SampleSolution.ROLE_SUPPORT_LEAD}};

    /** Local ids the user rows need: espaces (tenant owners) and roles, by name. */
    record Ids(Map<String, Integer> espaces, Map<String, Integer> roles) {
    }

    private MetamodelRows() {
    }

    static Ids write(Generation g) throws SQLException {
        Map<String, Integer> espaceIds = espaces(g);
        applications(g, espaceIds);
        entities(g, espaceIds);
        Map<String, Integer> roleIds = roles(g, espaceIds);
        return new Ids(espaceIds, roleIds);
    }

    private static Map<String, Integer> espaces(Generation g) throws SQLException {
        Map<String, Integer> ids = new HashMap<>();
        try (RowSink sink = g.sink("OSSYS_ESPACE", "ID", "NAME", "SS_KEY", "IS_ACTIVE", "IS_SYSTEM",
                "IS_USER_PROVIDER", "DESCRIPTION", "ESPACEKIND")) {
            for (int i : g.insertionOrder(ESPACES.size())) {
                Espace e = ESPACES.get(i);
                int id = g.localId(i, ESPACES.size(), 20);
                ids.put(e.name(), id);
                String key = SampleSolution.espaceSsKey(e.name());
                if (!g.side.isSource() && e.name().equals(ORDERS_CORE)) {
                    key = key.toUpperCase(Locale.ROOT);
                }
                sink.add(id, e.name(), key, g.flag(e.active()), g.flag(e.system()), g.flag(e.userProvider()),
                        "Sample module " + e.name(), e.system() ? "Traditional" : "WebResponsive");
            }
        }
        return ids;
    }

    private static void applications(Generation g, Map<String, Integer> espaceIds) throws SQLException {
        List<String> moduleEspaces = new ArrayList<>(); // module list: one per application module, in order
        for (List<String> modules : APPLICATION_MODULES) {
            moduleEspaces.addAll(modules);
        }
        int moduleCount = moduleEspaces.size();
        try (RowSink apps = g.sink("OSSYS_APPLICATION", "ID", "NAME", g.engine.column("KEY"), "IS_ACTIVE",
                "DESCRIPTION", "APPLICATIONKIND")) {
            for (int i : g.insertionOrder(APPLICATIONS.size())) {
                String name = APPLICATIONS.get(i);
                apps.add(g.localId(i, APPLICATIONS.size(), 10), name, SampleSolution.applicationKey(name),
                        g.flag(true), "Sample application " + name, 1);
            }
        }
        try (RowSink modules = g.sink("OSSYS_MODULE", "ID", "ESPACE_ID", "EXTENSION_ID", "MODULE_KIND_ID")) {
            for (int i : g.insertionOrder(moduleCount)) {
                String espace = moduleEspaces.get(i);
                modules.add(g.localId(i, moduleCount, 30), espace == null ? null : espaceIds.get(espace),
                        espace == null ? (Object) (g.side.isSource() ? 1 : 4) : null, espace == null ? 2 : 1);
            }
        }
        try (RowSink links = g.sink("OSSYS_APP_DEFINITION_MODULE", "ID", "APPLICATION_ID", "MODULE_ID",
                "DEPLOY_ORDER")) {
            int[] appOfModule = new int[moduleCount];
            int m = 0;
            for (int a = 0; a < APPLICATION_MODULES.size(); a++) {
                for (int k = 0; k < APPLICATION_MODULES.get(a).size(); k++) {
                    appOfModule[m++] = a;
                }
            }
            for (int i : g.insertionOrder(moduleCount)) {
                links.add(g.localId(i, moduleCount, 50), g.localId(appOfModule[i], APPLICATIONS.size(), 10),
                        g.localId(i, moduleCount, 30), i + 1);
            }
        }
    }

    private static void entities(Generation g, Map<String, Integer> espaceIds) throws SQLException {
        List<Entity> entities = g.model.entities();
        int attributeCount = 0;
        int recordCount = 0;
        int[] firstAttribute = new int[entities.size()];
        int[] firstRecord = new int[entities.size()];
        for (int i = 0; i < entities.size(); i++) {
            firstAttribute[i] = attributeCount;
            firstRecord[i] = recordCount;
            attributeCount += entities.get(i).attributes().size();
            recordCount += entities.get(i).records().size();
        }
        try (RowSink sink = g.sink("OSSYS_ENTITY", "ID", "NAME", "PHYSICAL_TABLE_NAME", "ESPACE_ID", "SS_KEY",
                "PRIMARYKEY_SS_KEY", "IS_ACTIVE", "IS_SYSTEM", "IS_EXTERNAL", "DATA_KIND", "MULTITENANT",
                "EXPOSE_PROCESS_EVENTS", "EVENT_TABLE_NAME", "DESCRIPTION", "EXTRA_INFO")) {
            for (int i : g.insertionOrder(entities.size())) {
                Entity e = entities.get(i);
                sink.add(g.localId(i, entities.size(), 100), e.name(), e.table(), espaceIds.get(e.module()), e.ssKey(),
                        e.identifier().ssKey(), g.flag(e.active()), g.flag(e.system()), g.flag(false),
                        e.isStatic() ? "staticEntity" : "entity", g.flag(e.multitenant()),
                        g.flag(e.eventTable() != null), e.eventTable(), "Entity " + e.name(), "ignore-me");
            }
        }
        try (RowSink sink = g.sink("OSSYS_ENTITY_ATTR", "ID", "ENTITY_ID", "NAME", "SS_KEY", "TYPE", "DATABASE_NAME",
                "LENGTH", "DECIMALS", "IS_MANDATORY", "IS_AUTONUMBER", "DELETE_RULE", "DEFAULT_VALUE", "IS_ACTIVE",
                "DESCRIPTION", "EXTRA_INFO", "ORDER_NUM")) {
            for (int i : g.insertionOrder(entities.size())) {
                Entity e = entities.get(i);
                int entityId = g.localId(i, entities.size(), 100);
                for (int k : g.insertionOrder(e.attributes().size())) {
                    Attribute a = e.attributes().get(k);
                    sink.add(g.localId(firstAttribute[i] + k, attributeCount, 1000), entityId, a.name(), a.ssKey(),
                            a.type(), a.column(), a.length(), a.decimals(), g.flag(a.mandatory()),
                            g.flag(a.autonumber()), a.deleteRule(), a.defaultValue(), g.flag(a.active()),
                            null, "x" + k, k + 1);
                }
            }
        }
        try (RowSink sink = g.sink("OSSYS_ENTITY_RECORD", "ID", "ESPACE_ID", "ENTITY_SS_KEY", "SS_KEY", "NAME",
                "DATA_ID", "IS_ACTIVE", "DESCRIPTION", "ORDER_NUM")) {
            for (int i : g.insertionOrder(entities.size())) {
                Entity e = entities.get(i);
                for (int k : g.insertionOrder(e.records().size())) {
                    StaticRecord r = e.records().get(k);
                    sink.add(g.localId(firstRecord[i] + k, recordCount, 100), espaceIds.get(e.module()), e.ssKey(),
                            r.ssKey(), r.name(), Integer.toString(r.dataId()), g.flag(r.active()), null, r.order());
                }
            }
        }
    }

    private static Map<String, Integer> roles(Generation g, Map<String, Integer> espaceIds) throws SQLException {
        Map<String, Integer> ids = new HashMap<>();
        // SupportLead was never published to the destination
        int count = g.side.isSource() ? ROLES.length : ROLES.length - 1;
        try (RowSink sink = g.sink("OSSYS_ROLE", "ID", "NAME", "SS_KEY", "ESPACE_ID", "IS_ACTIVE", "DESCRIPTION",
                "PERSISTENT")) {
            for (int i : g.insertionOrder(count)) {
                String module = ROLES[i][0];
                String role = ROLES[i][1];
                int id = g.localId(i, count, 10);
                ids.put(role, id);
                sink.add(id, role, SampleSolution.roleSsKey(module, role), espaceIds.get(module), g.flag(true),
                        null, g.flag(true));
            }
        }
        return ids;
    }
}
