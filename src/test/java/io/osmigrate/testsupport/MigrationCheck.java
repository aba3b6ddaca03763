package io.osmigrate.testsupport;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.osmigrate.dialect.ValueKind;
import io.osmigrate.env.Environment;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.metamodel.MetamodelReader;
import io.osmigrate.pipeline.StaticMap;
import io.osmigrate.pipeline.TenantMap;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.spec.Mode;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.MapKind;
import io.osmigrate.state.PairBlock;
import io.osmigrate.state.StateStore;
import io.osmigrate.users.UserRecord;
import io.osmigrate.users.UserTable;

/**
 * Compares a destination with its source row by row after a run, for integration tests. For every
 * moved entity: the destination holds exactly the rows it held before plus one row per inserted
 * pair (no duplicates, nothing lost); every source row has a pair or a dead letter; every paired
 * destination row equals its source row after mapping: values equal, statics through record
 * SS_Keys, tenants by name, users by tenant and username (worked out independently from
 * OSSYS_USER), references pointing at the destination row of the source's referenced row.
 */
public final class MigrationCheck {

    /** What a check found; {@link #problems()} is empty when the destination is right. */
    public record Result(List<String> problems, Map<String, Long> inserted, Map<String, Long> matched) {
        public long totalInserted() {
            return inserted.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Plan plan;
    private final Environment source;
    private final Environment destination;
    private final KeyMap keyMap;
    private final StateStore state;
    private final StaticMap statics;
    private final TenantMap tenants;
    private final Map<Long, Long> users;
    private final List<String> problems = new ArrayList<>();

    private MigrationCheck(Plan plan, Environment source, Environment destination, StateStore state) {
        this.plan = plan;
        this.source = source;
        this.destination = destination;
        this.state = state;
        this.keyMap = state.keyMap();
        Metamodel src = MetamodelReader.read(source);
        Metamodel dst = MetamodelReader.read(destination);
        this.statics = new StaticMap(plan.statics(), src, dst);
        this.tenants = new TenantMap(src, dst);
        this.users = usersByTenantAndName(source, destination, tenants);
    }

    /**
     * Checks the destination.
     *
     * @param before destination row counts per moved entity (qualified name) before the first run
     */
    public static Result check(Plan plan, Environment source, Environment destination, StateStore state,
                               Map<String, Long> before) throws SQLException {
        return new MigrationCheck(plan, source, destination, state).run(before);
    }

    /** Destination row counts of the moved entities, to pass to {@link #check} later. */
    public static Map<String, Long> counts(Plan plan, Environment destination) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        for (PlannedEntity e : plan.moved()) {
            counts.put(e.entity().qualifiedName(), count(destination, e.destinationTable()));
        }
        return counts;
    }

    private Result run(Map<String, Long> before) throws SQLException {
        Map<String, Long> inserted = new HashMap<>();
        Map<String, Long> matched = new HashMap<>();
        for (PlannedEntity e : plan.moved()) {
            String name = e.entity().qualifiedName();
            int scope = keyMap.scope(source.name(), destination.name(), e.entity(), MapKind.MOVED);
            List<PairBlock.Pair> pairs = keyMap.allPairs(scope);
            Map<Object, Object[]> src = rows(source, e.sourceTable(), e.identifier().sourceColumn(), e, true);
            Map<Object, Object[]> dst = rows(destination, e.destinationTable(), e.identifier().destinationColumn(), e, false);
            Set<String> deadLettered = deadLettered(name);
            long ins = pairs.stream().filter(p -> p.kind() == PairBlock.Kind.INSERTED).count();
            inserted.put(name, ins);
            matched.put(name, pairs.size() - ins);
            long expected = before.getOrDefault(name, 0L) + ins;
            if (dst.size() != expected) {
                problems.add(name + ": destination has " + dst.size() + " rows, expected " + expected + " (" + before.getOrDefault(name, 0L)
                        + " before + " + ins + " inserted): rows were duplicated or lost");
            }
            Set<Object> seen = new HashSet<>();
            Map<Object, Object> pairBySource = new HashMap<>();
            for (PairBlock.Pair p : pairs) {
                pairBySource.put(p.source(), p.destination());
                if (p.kind() == PairBlock.Kind.INSERTED && !seen.add(p.destination())) {
                    problems.add(name + ": destination row " + p.destination() + " is paired with two source rows");
                }
            }
            for (Object id : src.keySet()) {
                if (!pairBySource.containsKey(id) && !deadLettered.contains(String.valueOf(id))) {
                    problems.add(name + ": source row " + id + " was neither moved nor dead-lettered");
                }
            }
            for (PairBlock.Pair p : pairs) {
                Object[] s = src.get(p.source());
                Object[] d = dst.get(p.destination());
                if (s == null) {
                    problems.add(name + ": pair for source row " + p.source() + ", which does not exist");
                } else if (d == null) {
                    problems.add(name + ": source row " + p.source() + " is paired with destination row " + p.destination() + ", which does not exist");
                } else if (p.kind() == PairBlock.Kind.INSERTED) {
                    compare(e, p.source(), s, d);
                }
            }
        }
        return new Result(List.copyOf(problems), inserted, matched);
    }

    private void compare(PlannedEntity e, Object id, Object[] s, Object[] d) {
        List<ColumnPlan> columns = e.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnPlan c = columns.get(i);
            Object expected;
            try {
                expected = expected(c, s[i]);
            } catch (Unresolvable u) {
                if (d[i] != null) {
                    problems.add(e.entity().qualifiedName() + " " + id + "." + c.attribute() + ": " + u.getMessage()
                            + ", yet the destination holds " + d[i]);
                }
                continue;
            }
            if (!same(expected, d[i])) {
                problems.add(e.entity().qualifiedName() + " " + id + "." + c.attribute() + " (" + c.role() + "): expected "
                        + show(expected) + ", destination holds " + show(d[i]));
            }
        }
    }

    private Object expected(ColumnPlan c, Object value) throws Unresolvable {
        if (c.role() == ColumnRole.DEFAULT_FILL) {
            return c.fill();
        }
        if (value == null) {
            return null;
        }
        return switch (c.role()) {
            case VALUE -> value;
            case STATIC_REFERENCE -> statics.map(c.target().key(), value).orElseThrow(() -> new Unresolvable("static unmatched"));
            case TENANT_ID, TENANT_REFERENCE -> Optional.ofNullable(tenants.map(((Number) value).longValue()))
                    .orElseThrow(() -> new Unresolvable("tenant unmatched"));
            case USER_REFERENCE -> Optional.ofNullable(users.get(((Number) value).longValue()))
                    .orElseThrow(() -> new Unresolvable("user " + value + " has no twin"));
            case REFERENCE -> {
                PlannedEntity target = plan.entity(c.target().qualifiedName()).orElseThrow();
                int scope = keyMap.scope(source.name(), destination.name(), c.target(),
                        target.mode() == Mode.LOOKUP ? MapKind.LOOKUP : MapKind.MOVED);
                Object mapped = keyMap.lookup(scope, ValueKind.id(value));
                if (mapped == null) {
                    throw new Unresolvable("reference " + value + " has no pair");
                }
                yield mapped;
            }
            default -> null;
        };
    }

    private Map<Object, Object[]> rows(Environment env, String table, String idColumn, PlannedEntity e, boolean sourceSide)
            throws SQLException {
        List<String> cols = new ArrayList<>();
        for (ColumnPlan c : e.columns()) {
            cols.add(sourceSide ? c.sourceColumn() : c.destinationColumn());
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(env.dialect().quote(idColumn));
        for (String c : cols) {
            sql.append(", ").append(c == null ? "NULL" : env.dialect().quote(c));
        }
        sql.append(" FROM ").append(env.dialect().quote(table));
        Map<Object, Object[]> rows = new HashMap<>();
        try (Connection c = env.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                Object[] values = new Object[cols.size()];
                for (int i = 0; i < values.length; i++) {
                    int type = rs.getMetaData().getColumnType(i + 2);
                    values[i] = cols.get(i) == null ? null : ValueKind.of(type).read(rs, i + 2);
                }
                rows.put(ValueKind.id(rs.getObject(1)), values);
            }
        }
        return rows;
    }

    private Set<String> deadLettered(String entity) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = state.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT SOURCE_ID FROM OSM_DEAD_LETTER WHERE ENTITY = ? AND PHASE = 'data'")) {
            ps.setString(1, entity);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Source user id → the destination user with the same (mapped) tenant and the same username. */
    private static Map<Long, Long> usersByTenantAndName(Environment source, Environment destination, TenantMap tenants) {
        Map<String, Long> byKey = new HashMap<>();
        UserTable.read(destination).stream().sorted(UserRecord.PREFERRED)
                .forEach(u -> byKey.putIfAbsent(u.tenantId() + "|" + u.usernameKey(), u.id()));
        Map<Long, Long> result = new HashMap<>();
        for (UserRecord u : UserTable.read(source)) {
            Long tenant = u.tenantId() == null ? null : tenants.map(u.tenantId());
            Long twin = byKey.get(tenant + "|" + u.usernameKey());
            if (twin != null) {
                result.put(u.id(), twin);
            }
        }
        return result;
    }

    static long count(Environment env, String table) throws SQLException {
        try (Connection c = env.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + env.dialect().quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean same(Object expected, Object actual) {
        return normal(expected).equals(normal(actual));
    }

    private static String normal(Object v) {
        if (v == null) {
            return "<null>";
        }
        if (v instanceof byte[] b) {
            return "0x" + HexFormat.of().formatHex(b);
        }
        if (v instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        String s = v.toString();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return s.toLowerCase(Locale.ROOT);
        }
        return s;
    }

    private static String show(Object v) {
        String s = normal(v);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static final class Unresolvable extends Exception {
        private static final long serialVersionUID = 1L;

        Unresolvable(String message) {
            super(message, null, false, false);
        }
    }
}
