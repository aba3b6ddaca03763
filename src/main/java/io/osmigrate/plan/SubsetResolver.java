package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.Collectors;

import io.osmigrate.config.ConfigException;
import io.osmigrate.spec.Condition;
import io.osmigrate.spec.ConditionParser;
import io.osmigrate.spec.EntitySettings;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.Mode;

/**
 * Works out which source rows a subset keeps, before any row moves. Each moved entity with a {@code where} or
 * {@code sample} starts with the rows it selects; every other moved entity keeps all its rows. Then, to a fixed
 * point over the references between moved entities (cycles and self-references included, deferred or not): the
 * parent of every kept row is kept, and where an entity says {@code follow: children}, every row of a subsetted
 * entity that references one of its kept rows. So no moved row references a row left out. Reads the source only:
 * one scan of a table per round that has new rows to follow (a round per step of the longest chain), holding the
 * kept identifiers in {@link KeptIds}. Not thread-safe; one per plan.
 */
public final class SubsetResolver {

    /** The source reads a subset needs: identifiers and reference values, by SQL whose literals are all bound. */
    public interface SourceScan {
        String quote(String identifier);

        /** Runs a query and hands each row's values, as {@link io.osmigrate.dialect.ValueKind#id} carries them. */
        void query(String sql, List<Object> binds, java.util.function.Consumer<Object[]> row);
    }

    /**
     * A reference from one moved entity's column to another moved entity whose rows are a subset.
     *
     * @param soft how a soft key's values are read (its "none" values reference nothing); null for a reference
     */
    private record Edge(PlannedEntity child, String column, PlannedEntity parent, SoftKeyValues soft) {

        Edge(PlannedEntity child, String column, PlannedEntity parent) {
            this(child, column, parent, null);
        }

        /** The parent's identifier a value references, or null when it references none. */
        Object parentId(Object value) {
            if (soft == null || value == null) {
                return value;
            }
            return SoftKeyValues.isNone(value) ? null : soft.key(value);
        }
    }

    private final MigrationSpec spec;
    private final SourceScan scan;
    private final Map<EntityRef, KeptIds> kept = new LinkedHashMap<>();
    private final Map<EntityRef, Map<String, Long>> why = new LinkedHashMap<>();
    private Map<EntityRef, KeptIds> fresh = new LinkedHashMap<>();

    private SubsetResolver(MigrationSpec spec, SourceScan scan) {
        this.spec = spec;
        this.scan = scan;
    }

    /** The plan with its subset; the plan as it is when no moved entity has a condition or sample. */
    public static Plan apply(Plan plan, MigrationSpec spec, SourceScan scan) {
        for (PlannedEntity e : plan.entities()) {
            EntitySettings s = settings(spec, e);
            if (s.subset() && e.mode() != Mode.MOVE) {
                throw new ConfigException(spec.file() + ": entities." + e.entity().qualifiedName() + " has "
                        + (s.where() != null ? "where" : "sample") + " but is a " + e.mode().wire() + "; only a moved entity's"
                        + " rows are a subset (a lookup matches every row it is asked for): set mode: move, or remove it");
            }
        }
        if (plan.moved().stream().noneMatch(e -> settings(spec, e).subset())) {
            return plan;
        }
        return plan.withShaping(new SubsetResolver(spec, scan).resolve(plan));
    }

    private Shaping resolve(Plan plan) {
        List<PlannedEntity> moved = plan.moved();
        for (PlannedEntity e : moved) {
            if (settings(spec, e).subset()) {
                kept.put(e.entity(), new KeptIds());
                why.put(e.entity(), new LinkedHashMap<>());
                fresh.put(e.entity(), select(e, settings(spec, e)));
            }
        }
        List<Edge> edges = edges(moved);
        boolean first = true;
        while (first || fresh.values().stream().anyMatch(f -> f.count() > 0)) {
            Map<EntityRef, KeptIds> previous = fresh;
            fresh = new LinkedHashMap<>();
            for (PlannedEntity e : moved) {
                round(e, edges, previous, first);
            }
            first = false;
        }
        List<SubsetLine> lines = new ArrayList<>();
        for (PlannedEntity e : moved) {
            EntitySettings s = settings(spec, e);
            KeptIds k = kept.get(e.entity());
            lines.add(new SubsetLine(e.entity(), e.sourceRows(), k == null ? e.sourceRows() : k.count(), s.where(), s.sample(),
                    s.followsChildren(), k == null ? Map.of("selected", e.sourceRows()) : why.get(e.entity())));
        }
        Map<String, KeptIds> byName = new LinkedHashMap<>();
        kept.forEach((entity, ids) -> byName.put(entity.qualifiedName(), ids));
        return new Shaping(lines, byName, plan.shaping().anonymized());
    }

    /** The rows an entity's own condition and sample select, kept as "selected". */
    private KeptIds select(PlannedEntity e, EntitySettings s) {
        String sql = "SELECT " + scan.quote(e.identifier().sourceColumn()) + " FROM " + scan.quote(e.sourceTable());
        List<Object> binds = List.of();
        if (s.where() != null) {
            Condition.Sql where = ConditionParser.parse(s.where()).toSql(a -> scan.quote(column(e, a)));
            sql += " WHERE " + where.text();
            binds = where.binds();
        }
        sql += " ORDER BY " + scan.quote(e.identifier().sourceColumn());
        KeptIds selected = new KeptIds();
        if (s.sample() == null) {
            scan.query(sql, binds, row -> keep(e.entity(), row[0], "selected", selected));
            return selected;
        }
        // a fixed seed per entity: the same source gives the same sample on every plan
        Random random = new Random(e.entity().qualifiedName().hashCode());
        PriorityQueue<Object[]> sample = new PriorityQueue<>((a, b) -> Double.compare((double) a[0], (double) b[0]));
        scan.query(sql, binds, row -> {
            sample.add(new Object[] {random.nextDouble(), row[0]});
            if (sample.size() > s.sample()) {
                sample.poll();
            }
        });
        sample.forEach(r -> keep(e.entity(), r[1], "selected", selected));
        return selected;
    }

    /**
     * One scan of an entity's table, if anything is to follow from it: the parents of its rows kept in the last
     * round (of all rows in the first round, for an entity without a subset), and its rows that reference a row
     * kept in the last round of a parent that follows its children.
     */
    private void round(PlannedEntity e, List<Edge> edges, Map<EntityRef, KeptIds> previous, boolean first) {
        List<Edge> out = edges.stream().filter(x -> x.child().equals(e)).toList();
        boolean subsetted = kept.containsKey(e.entity());
        KeptIds mine = previous.get(e.entity());
        boolean parentsToFollow = !out.isEmpty() && (subsetted ? mine != null && mine.count() > 0 : first);
        List<Edge> childOf = !subsetted ? List.of() : out.stream()
                .filter(x -> settings(spec, x.parent()).followsChildren())
                .filter(x -> previous.containsKey(x.parent().entity()) && previous.get(x.parent().entity()).count() > 0)
                .toList();
        if (!parentsToFollow && childOf.isEmpty()) {
            return;
        }
        String sql = "SELECT " + scan.quote(e.identifier().sourceColumn()) + ", "
                + out.stream().map(x -> scan.quote(x.column())).collect(Collectors.joining(", "))
                + " FROM " + scan.quote(e.sourceTable());
        String child = "child of ";
        String parent = "parent of " + e.entity().qualifiedName();
        scan.query(sql, List.of(), row -> {
            Object id = row[0];
            if (parentsToFollow && (!subsetted || mine.contains(id))) {
                for (int i = 0; i < out.size(); i++) {
                    Object value = out.get(i).parentId(row[i + 1]);
                    if (value != null) {
                        keep(out.get(i).parent().entity(), value, parent, null);
                    }
                }
            }
            for (Edge x : childOf) {
                Object value = x.parentId(row[out.indexOf(x) + 1]);
                if (value != null && previous.get(x.parent().entity()).contains(value)) {
                    keep(e.entity(), id, child + x.parent().entity().qualifiedName(), null);
                }
            }
        });
    }

    /** Keeps an identifier of a subsetted entity, counting why when it is new; {@code into} collects the selection. */
    private void keep(EntityRef entity, Object id, String reason, KeptIds into) {
        KeptIds k = kept.get(entity);
        if (k == null || !k.add(id)) {
            return;
        }
        why.get(entity).merge(reason, 1L, Long::sum);
        (into != null ? into : fresh.computeIfAbsent(entity, x -> new KeptIds())).add(id);
    }

    /** References between moved entities whose target is a subset: columns (deferred ones too) and referencing identifiers. */
    private List<Edge> edges(List<PlannedEntity> moved) {
        Map<EntityRef, PlannedEntity> byRef = new LinkedHashMap<>();
        moved.forEach(m -> byRef.put(m.entity(), m));
        List<Edge> edges = new ArrayList<>();
        for (PlannedEntity e : moved) {
            for (ColumnPlan c : e.columns()) {
                if (c.role() == ColumnRole.REFERENCE && c.target() != null && kept.containsKey(c.target())) {
                    PlannedEntity target = byRef.get(c.target());
                    edges.add(new Edge(e, c.sourceColumn(), target,
                            c.soft() ? new SoftKeyValues(SoftKeyValues.numericIdentifier(target.identifier())) : null));
                }
            }
            Identifier id = e.identifier();
            if (id.kind() == IdentifierKind.REFERENCE && id.target() != null && kept.containsKey(id.target())) {
                edges.add(new Edge(e, id.sourceColumn(), byRef.get(id.target())));
            }
        }
        return edges;
    }

    /** The source column of an attribute named in a condition; an unknown name is a spec error naming the key. */
    private String column(PlannedEntity e, String attribute) {
        if (e.identifier().attribute().equalsIgnoreCase(attribute)) {
            return e.identifier().sourceColumn();
        }
        Optional<ColumnPlan> c = e.column(attribute).filter(x -> x.sourceColumn() != null);
        return c.map(ColumnPlan::sourceColumn).orElseThrow(() -> new ConfigException(spec.file() + ": entities."
                + e.entity().qualifiedName() + ".where: no attribute '" + attribute + "' in " + e.entity().qualifiedName()
                + "; its attributes: " + e.identifier().attribute() + ", " + e.columns().stream()
                .filter(x -> x.sourceColumn() != null && x.ssKey() != null).map(ColumnPlan::attribute)
                .collect(Collectors.joining(", "))));
    }

    private static EntitySettings settings(MigrationSpec spec, PlannedEntity e) {
        return spec.settingsFor(e.entity().module(), e.entity().name()).map(Map.Entry::getValue).orElse(EntitySettings.none());
    }
}
