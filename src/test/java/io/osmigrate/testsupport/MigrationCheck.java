package io.osmigrate.testsupport;

import java.math.BigDecimal;
import java.nio.file.Path;
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
import io.osmigrate.maps.StaticMap;
import io.osmigrate.maps.TenantMap;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.plan.KeptIds;
import io.osmigrate.plan.MatchColumn;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.spec.Mode;
import io.osmigrate.spec.SpecLoader;
import io.osmigrate.spec.UnresolvedPolicy;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.MapKind;
import io.osmigrate.state.PairBlock;
import io.osmigrate.state.StateStore;
import io.osmigrate.users.UserRecord;
import io.osmigrate.users.UserTable;

/**
 * Compares a destination with its source row by row after a run, for integration tests. For every
 * moved entity: the destination holds exactly the rows it held before plus one row per inserted
 * pair (no duplicates, nothing lost); every source row has at most one pair, and a pair or an open dead
 * letter; every inserted destination row equals its source row after mapping: values equal, statics
 * through record SS_Keys, tenants by name, users by tenant and username (worked out independently
 * from OSSYS_USER), references pointing at the destination row of the source's referenced row; a
 * reference that cannot be mapped is empty only where the attribute is optional and the policy says
 * {@code empty}; a matched row (match-existing) pairs with the destination row that has the same key.
 * For every lookup entity: each pair joins rows with the same match key, and no source row with a
 * destination twin is left without a pair. Where the plan has a subset, a source row it leaves out must have no
 * pair, and every row it keeps is checked as above; anonymised columns are left to the tests of anonymisation.
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
    private final UnresolvedPolicy unmatchedStatics;
    private final BptCheck bpt;
    private final List<String> problems = new ArrayList<>();

    private MigrationCheck(Plan plan, Environment source, Environment destination, StateStore state) throws SQLException {
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
        this.unmatchedStatics = SpecLoader.load(Path.of(plan.specFile())).statics().unmatchedOrDefault();
        this.bpt = plan.bpt() == null || plan.bpt().tables().isEmpty() ? null : new BptCheck(source, destination, tenants);
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
            Map<Object, Object[]> src = rows(source, e.sourceTable(), e.identifier().sourceColumn(),
                    e.columns().stream().map(ColumnPlan::sourceColumn).toList(), e.sourceFilter());
            Map<Object, Object[]> dst = rows(destination, e.destinationTable(), e.identifier().destinationColumn(),
                    e.columns().stream().map(ColumnPlan::destinationColumn).toList(), null);
            // an instance table's rows are dead-lettered in the bpt phase
            Set<String> deadLettered = deadLettered(name, plan.isBptTable(e.entity()) ? "bpt" : "data");
            Set<String> deferredLetters = deadLettered(name, "deferred");
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
                Object earlier = pairBySource.put(p.source(), p.destination());
                if (earlier != null) {
                    problems.add(name + ": source row " + p.source() + " has two pairs, with destination rows " + earlier + " and "
                            + p.destination() + ": it was moved twice");
                }
                if (p.kind() == PairBlock.Kind.INSERTED && !seen.add(p.destination())) {
                    problems.add(name + ": destination row " + p.destination() + " is paired with two source rows");
                }
            }
            Optional<KeptIds> kept = plan.shaping().keptOf(e.entity());
            for (Object id : src.keySet()) {
                if (kept.isPresent() && !kept.get().contains(ValueKind.id(id))) {
                    if (pairBySource.containsKey(id)) {
                        problems.add(name + ": source row " + id + " was moved, yet the subset leaves it out");
                    }
                } else if (!pairBySource.containsKey(id) && !deadLettered.contains(String.valueOf(id))) {
                    problems.add(name + ": source row " + id + " was neither moved nor dead-lettered");
                }
            }
            List<List<Integer>> keys = pairs.size() > ins ? uniqueKeys(e) : List.of();
            for (PairBlock.Pair p : pairs) {
                Object[] s = src.get(p.source());
                Object[] d = dst.get(p.destination());
                if (s == null) {
                    problems.add(name + ": pair for source row " + p.source() + ", which does not exist");
                } else if (d == null) {
                    problems.add(name + ": source row " + p.source() + " is paired with destination row " + p.destination() + ", which does not exist");
                } else if (p.kind() == PairBlock.Kind.INSERTED) {
                    compare(e, p.source(), s, d, deferredLetters.contains(String.valueOf(p.source())));
                } else {
                    sameKey(e, keys, p, s, d);
                }
            }
        }
        for (PlannedEntity e : plan.lookups()) {
            checkLookup(e);
        }
        return new Result(List.copyOf(problems), inserted, matched);
    }

    /** @param deferredLetter whether the deferred phase dead-lettered the row (a deferred reference it could not set) */
    private void compare(PlannedEntity e, Object id, Object[] s, Object[] d, boolean deferredLetter) {
        List<ColumnPlan> columns = e.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnPlan c = columns.get(i);
            if (plan.shaping().anonymizedOf(e.entity(), c.attribute()).isPresent()) {
                continue; // replaced on purpose: the anonymisation tests check these columns
            }
            Object expected;
            try {
                expected = c.soft() ? softKey(c, s[i]) : c.role() == ColumnRole.VALUE_TEXT ? valueText(e, s, s[i])
                        : c.role() == ColumnRole.USER_REFERENCE && plan.isBptTable(e.entity()) && s[i] instanceof Number n
                        && n.longValue() == 0 ? s[i] : expected(c, s[i]);
            } catch (Unresolvable u) {
                // an emptied value text holds the null identifier's text
                boolean empty = d[i] == null || c.role() == ColumnRole.VALUE_TEXT && (d[i].equals("0") || d[i].equals(""));
                if (!empty) {
                    problems.add(e.entity().qualifiedName() + " " + id + "." + c.attribute() + ": " + u.getMessage()
                            + ", yet the destination holds " + d[i]);
                } else if (!mayBeEmptied(e, c, deferredLetter, u)) {
                    problems.add(e.entity().qualifiedName() + " " + id + "." + c.attribute() + ": " + u.getMessage()
                            + ", so the row should have been dead-lettered, yet it was inserted with the reference empty ("
                            + (c.mandatory() ? "the attribute is mandatory" : "the policy is not empty") + ")");
                }
                continue;
            }
            if (!same(expected, d[i])) {
                problems.add(e.entity().qualifiedName() + " " + id + "." + c.attribute() + " (" + c.role() + "): expected "
                        + show(expected) + ", destination holds " + show(d[i]));
            }
        }
    }

    /**
     * Whether a reference that cannot be mapped may be empty, as the run's policies allow. A deferred one
     * was inserted empty before its target was known: it stays empty with a dead letter of the deferred
     * phase, unless the policy is empty.
     */
    private boolean mayBeEmptied(PlannedEntity e, ColumnPlan c, boolean deferredLetter, Unresolvable u) {
        if (c.deferred()) {
            return e.unresolvedReference() == UnresolvedPolicy.EMPTY || deferredLetter;
        }
        if (c.mandatory()) {
            return false;
        }
        return switch (c.role()) {
            case STATIC_REFERENCE -> unmatchedStatics == UnresolvedPolicy.EMPTY;
            // the users phase decides per user (users.unmatched, strategy skip, users outside the selection)
            case USER_REFERENCE -> true;
            case VALUE_TEXT -> e.unresolvedReference() == UnresolvedPolicy.EMPTY || u.getMessage().startsWith("user ");
            default -> e.unresolvedReference() == UnresolvedPolicy.EMPTY;
        };
    }

    /**
     * The keys a matched row may have been matched by, as indexes into the entity's columns: the spec's match
     * attributes, else each unique index of the destination table over written columns.
     */
    private List<List<Integer>> uniqueKeys(PlannedEntity e) {
        List<List<Integer>> keys = new ArrayList<>();
        if (!e.match().isEmpty()) {
            List<Integer> key = new ArrayList<>();
            for (MatchColumn m : e.match()) {
                int i = indexOf(e, c -> c.attribute().equalsIgnoreCase(m.attribute()));
                if (i < 0) {
                    problems.add(e.entity().qualifiedName() + ": match attribute " + m.attribute() + " is not a written column;"
                            + " matched rows cannot be checked");
                    return List.of();
                }
                key.add(i);
            }
            keys.add(key);
            return keys;
        }
        for (List<String> index : destination.catalog().uniqueIndexes(e.destinationTable())) {
            List<Integer> key = index.stream()
                    .map(column -> indexOf(e, c -> column.equalsIgnoreCase(c.destinationColumn()))).toList();
            if (!key.contains(-1)) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            problems.add(e.entity().qualifiedName() + ": rows were matched, yet no match attributes or unique index say by what");
        }
        return keys;
    }

    private static int indexOf(PlannedEntity e, java.util.function.Predicate<ColumnPlan> test) {
        for (int i = 0; i < e.columns().size(); i++) {
            if (test.test(e.columns().get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A matched pair must join rows that agree on one of the keys (text as a case-insensitive collation compares it). */
    private void sameKey(PlannedEntity e, List<List<Integer>> keys, PairBlock.Pair p, Object[] s, Object[] d) {
        List<String> differences = new ArrayList<>();
        for (List<Integer> key : keys) {
            List<String> differs = new ArrayList<>();
            for (int i : key) {
                ColumnPlan c = e.columns().get(i);
                String expected;
                try {
                    expected = keyText(expected(c, s[i]));
                } catch (Unresolvable u) {
                    expected = "(" + u.getMessage() + ")";
                }
                if (!expected.equals(keyText(d[i]))) {
                    differs.add(c.attribute() + " " + expected + " / " + keyText(d[i]));
                }
            }
            if (differs.isEmpty()) {
                return;
            }
            differences.addAll(differs);
        }
        problems.add(e.entity().qualifiedName() + ": source row " + p.source() + " is matched with destination row " + p.destination()
                + ", whose key differs (source / destination: " + String.join(", ", differences) + ")");
    }

    /** Lookup pairs join rows with equal match keys; a source row with a destination twin has a pair. */
    private void checkLookup(PlannedEntity e) throws SQLException {
        String name = e.entity().qualifiedName();
        List<MatchColumn> match = e.match();
        int scope = keyMap.scope(source.name(), destination.name(), e.entity(), MapKind.LOOKUP);
        Map<Object, Object[]> src = rows(source, e.sourceTable(), e.identifier().sourceColumn(),
                match.stream().map(MatchColumn::sourceColumn).toList(), null);
        Map<Object, Object[]> dst = rows(destination, e.destinationTable(), e.identifier().destinationColumn(),
                match.stream().map(MatchColumn::destinationColumn).toList(), null);
        Map<List<String>, Object> twins = new HashMap<>();
        dst.forEach((id, values) -> twins.putIfAbsent(keyTexts(values), id));
        Map<Object, Object> pairBySource = new HashMap<>();
        for (PairBlock.Pair p : keyMap.allPairs(scope)) {
            pairBySource.put(p.source(), p.destination());
        }
        for (Map.Entry<Object, Object[]> row : src.entrySet()) {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < match.size(); i++) {
                MatchColumn m = match.get(i);
                try {
                    key.add(keyText(expected(m.role(), m.target(), row.getValue()[i])));
                } catch (Unresolvable u) {
                    key.add("(" + u.getMessage() + ")");
                }
            }
            Object paired = pairBySource.get(row.getKey());
            Object twin = twins.get(key);
            if (paired == null && twin != null) {
                problems.add(name + ": source row " + row.getKey() + " has no lookup pair, yet destination row " + twin
                        + " has its key " + key);
            } else if (paired != null && (dst.get(paired) == null || !keyTexts(dst.get(paired)).equals(key))) {
                problems.add(name + ": source row " + row.getKey() + " (key " + key + ") is looked up as destination row " + paired
                        + (dst.get(paired) == null ? ", which does not exist" : ", whose key is " + keyTexts(dst.get(paired))));
            }
        }
    }

    /** A BPT value text: the id it holds mapped as a reference to the entity the row's SS_TYPE names. */
    private Object valueText(PlannedEntity e, Object[] s, Object text) throws Unresolvable {
        int type = indexOf(e, c -> c.attribute().equals("SS_TYPE"));
        io.osmigrate.metamodel.AttributeType t = io.osmigrate.metamodel.AttributeType.parse((String) s[type]);
        if (text == null || !t.isReference() || text.toString().equals("0")) {
            return text;
        }
        long id = Long.parseLong(text.toString().trim());
        if (plan.bpt().user() != null && plan.bpt().user().key().equals(t.target())) {
            return String.valueOf(Optional.ofNullable(users.get(id)).orElseThrow(() -> new Unresolvable("user " + id + " has no twin")));
        }
        PlannedEntity target = plan.entities().stream().filter(p -> p.entity().key().equals(t.target())).findFirst()
                .orElseThrow(() -> new Unresolvable("value of an entity the run does not move"));
        return String.valueOf(expected(ColumnRole.REFERENCE, target.entity(), id));
    }

    /**
     * A soft key: its "none" (null, 0, empty or blank text, the text "0") as it is in the source; any other value the
     * destination id paired with the source row it names, as text in a text column.
     */
    private Object softKey(ColumnPlan c, Object value) throws Unresolvable {
        String text = value == null ? null : value.toString().trim();
        boolean none = value == null || (value instanceof Number n ? new BigDecimal(n.toString()).signum() == 0
                : text.isEmpty() || text.equals("0"));
        if (none) {
            return value;
        }
        PlannedEntity target = plan.entity(c.target().qualifiedName()).orElseThrow();
        boolean numeric = !target.identifier().type().equalsIgnoreCase("rtText");
        Object key = value instanceof Number n ? (Object) n.longValue()
                : numeric && text.matches("\\d+") ? (Object) Long.parseLong(text) : text;
        Object mapped = expected(ColumnRole.REFERENCE, c.target(), key);
        return value instanceof String ? String.valueOf(mapped) : mapped;
    }

    private Object expected(ColumnPlan c, Object value) throws Unresolvable {
        if (c.role() == ColumnRole.DEFAULT_FILL) {
            // a cleared BPT scheduler marker is OutSystems' empty Date Time, written as text in the plan
            return c.fill().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d")
                    ? java.time.LocalDateTime.parse(c.fill().replace(' ', 'T')) : c.fill();
        }
        return expected(c.role(), c.target(), value);
    }

    private Object expected(ColumnRole role, EntityRef target, Object value) throws Unresolvable {
        if (value == null) {
            return null;
        }
        return switch (role) {
            case VALUE -> value;
            case STATIC_REFERENCE -> statics.map(target.key(), value).orElseThrow(() -> new Unresolvable("static unmatched"));
            case TENANT_ID, TENANT_REFERENCE -> Optional.ofNullable(tenants.map(((Number) value).longValue()))
                    .orElseThrow(() -> new Unresolvable("tenant unmatched"));
            // some platform columns hold 0 for "no user"; it stays empty
            case USER_REFERENCE -> ((Number) value).longValue() == 0 ? null : Optional.ofNullable(users.get(((Number) value).longValue()))
                    .orElseThrow(() -> new Unresolvable("user " + value + " has no twin"));
            case REFERENCE -> {
                PlannedEntity referenced = plan.entity(target.qualifiedName()).orElseThrow();
                int scope = keyMap.scope(source.name(), destination.name(), target,
                        referenced.mode() == Mode.LOOKUP ? MapKind.LOOKUP : MapKind.MOVED);
                Object mapped = keyMap.lookup(scope, ValueKind.id(value));
                if (mapped == null) {
                    throw new Unresolvable("reference " + value + " has no pair");
                }
                yield mapped;
            }
            case DEFINITION_REFERENCE -> Optional.ofNullable(bpt.definition(target.name(), ((Number) value).longValue()))
                    .orElseThrow(() -> new Unresolvable("definition " + value + " of " + target.name() + " has no active twin"));
            case GROUP_REFERENCE -> Optional.ofNullable(bpt.group(((Number) value).longValue()))
                    .orElseThrow(() -> new Unresolvable("group " + value + " has no twin"));
            default -> null;
        };
    }

    private static Map<Object, Object[]> rows(Environment env, String table, String idColumn, List<String> cols, String filter)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(env.dialect().quote(idColumn));
        for (String c : cols) {
            sql.append(", ").append(c == null ? "NULL" : env.dialect().quote(c));
        }
        sql.append(" FROM ").append(env.dialect().quote(table)).append(filter == null ? "" : " WHERE " + filter);
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

    private Set<String> deadLettered(String entity, String phase) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = state.dataSource().getConnection();
             // a dead letter a replay resolved excuses nothing: its row must be there, right
             PreparedStatement ps = c.prepareStatement("SELECT SOURCE_ID FROM OSM_DEAD_LETTER WHERE ENTITY = ? AND PHASE = ?"
                     + " AND RESOLVED_BY_RUN IS NULL")) {
            ps.setString(1, entity);
            ps.setString(2, phase);
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

    /** A key value as osmigrate matches keys: text case-insensitively and without trailing blanks, numbers by value. */
    private static String keyText(Object v) {
        return v instanceof String s ? s.stripTrailing().toLowerCase(Locale.ROOT) : normal(v);
    }

    private static List<String> keyTexts(Object[] values) {
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(keyText(v));
        }
        return out;
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
