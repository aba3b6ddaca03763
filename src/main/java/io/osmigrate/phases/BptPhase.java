package io.osmigrate.phases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.PhysicalCatalog;
import io.osmigrate.env.Environment;
import io.osmigrate.maps.KeyedIdMap;
import io.osmigrate.maps.TenantMap;
import io.osmigrate.metamodel.BptDefinition;
import io.osmigrate.metamodel.BptDefinitions;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.plan.BptPlan;
import io.osmigrate.state.EntityFigures;

/**
 * The bpt phase: maps what BPT process instances point at and osmigrate never writes. Process, input, output,
 * activity and activity-output definitions by (espace SS_Key, SS_Key), to active destination definitions only;
 * process and activity statuses by name; groups by tenant (through the tenant map) and name. The maps go to the
 * run, and the instance tables the plan lists move with the data phase, in the one load order, reported under
 * this phase. Its figures: per definition table, the source rows and how many have a twin.
 */
public final class BptPhase {

    private static final Logger LOG = LoggerFactory.getLogger(BptPhase.class);
    private static final Map<String, String> WHAT = Map.of(BptDefinitions.PROCESS, "process definition",
            BptDefinitions.PROCESS_INPUT, "process input definition", BptDefinitions.PROCESS_OUTPUT,
            "process output definition", BptDefinitions.ACTIVITY, "activity definition", BptDefinitions.ACTIVITY_OUTPUT,
            "activity output definition", BptDefinitions.PROCESS_STATUS, "process status", BptDefinitions.ACTIVITY_STATUS,
            "activity status");

    private BptPhase() {
    }

    public static List<EntityFigures> run(RunContext run, BptDefinitions source, BptDefinitions destination)
            throws SQLException {
        BptPlan plan = run.plan().bpt();
        List<EntityFigures> figures = new ArrayList<>();
        if (plan == null) {
            return figures;
        }
        Instant started = Instant.now();
        for (String table : BptDefinitions.TABLES) {
            Map<Long, String> sourceKeys = new HashMap<>();
            source.of(table).forEach(d -> sourceKeys.put(d.id(), d.matchKey()));
            Map<String, Long> destinationKeys = new HashMap<>();
            destination.of(table).stream().filter(BptDefinition::active).forEach(d -> destinationKeys.put(d.matchKey(), d.id()));
            KeyedIdMap map = new KeyedIdMap(WHAT.get(table), sourceKeys, destinationKeys);
            run.platformMap(table, map);
            figures.add(new EntityFigures("BPT." + table, Phase.BPT.wire(), "done", sourceKeys.size(), 0, map.matched(), 0,
                    0, 0, 0, 0, started, Instant.now()));
        }
        KeyedIdMap groups = groups(run);
        run.platformMap(BptSlots.GROUPS, groups);
        LOG.info("BPT: {} process definitions in scope ({}), instances: {}; {} instance tables move with the data",
                plan.processes().size(), String.join(", ", plan.processes()), plan.instances().wire(), plan.tables().size());
        return figures;
    }

    /** Whether this run's bpt phase made its maps, so the instance tables can move. */
    static boolean mapped(RunContext run) {
        return run.platformMap(BptDefinitions.PROCESS) != null;
    }

    /** Groups by (destination tenant, name): the source's tenant goes through the tenant map. */
    private static KeyedIdMap groups(RunContext run) throws SQLException {
        TenantMap tenants = run.tenants();
        Map<Long, String> sourceKeys = new HashMap<>();
        for (Group g : readGroups(run.source())) {
            Long tenant = tenants.map(g.tenant());
            sourceKeys.put(g.id(), (tenant == null ? "source tenant " + g.tenant() : tenant) + "|" + g.name());
        }
        Map<String, Long> destinationKeys = new HashMap<>();
        for (Group g : readGroups(run.destination())) {
            destinationKeys.putIfAbsent(g.tenant() + "|" + g.name(), g.id());
        }
        return new KeyedIdMap("group", sourceKeys, destinationKeys);
    }

    /** A group row: its name in lower case (names compare case-insensitively, as SQL Server's collation does). */
    private record Group(long id, long tenant, String name) {
    }

    private static List<Group> readGroups(Environment env) throws SQLException {
        List<Group> rows = new ArrayList<>();
        PhysicalCatalog catalog = env.catalog();
        String table = catalog.table(BptSlots.GROUPS).orElse(null);
        if (table == null) {
            return rows;
        }
        Dialect d = env.dialect();
        String sql = "SELECT " + column(catalog, d, table, "ID") + ", " + column(catalog, d, table, "TENANT_ID") + ", "
                + column(catalog, d, table, "NAME") + " FROM " + d.quote(table);
        try (Connection c = env.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new Group(rs.getLong(1), rs.getLong(2), String.valueOf(rs.getString(3)).trim().toLowerCase(Locale.ROOT)));
            }
        }
        return rows;
    }

    private static String column(PhysicalCatalog catalog, Dialect d, String table, String column) {
        return d.quote(catalog.column(table, column).map(c -> c.name()).orElse(column));
    }
}
