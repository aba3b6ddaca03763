package io.osmigrate.phases;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.InsertTarget;
import io.osmigrate.dialect.PhysicalCatalog;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.maps.Pseudonyms;
import io.osmigrate.maps.NoneKept;
import io.osmigrate.maps.TypedValues;
import io.osmigrate.pipeline.DeadLetterReason;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.pipeline.Slot;
import io.osmigrate.pipeline.SlotSource;
import io.osmigrate.pipeline.TableIdentifier;
import io.osmigrate.pipeline.TablePlan;
import io.osmigrate.pipeline.TableRead;
import io.osmigrate.plan.AnonymizedAttribute;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.plan.IdentifierKind;
import io.osmigrate.plan.KeptIds;
import io.osmigrate.plan.MatchColumn;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.plan.SoftKeyValues;
import io.osmigrate.spec.AnonymizeMethod;
import io.osmigrate.spec.Mode;

/**
 * The application entities of a plan as the table pipeline moves them: which source columns each reads,
 * and for every destination column where its value comes from (copied, filled, mapped through statics,
 * tenants or users, or through the key map of another entity). Five kinds per entity: the rows to
 * insert, the matches of a looked-up entity, the refresh of rows moved before, the deferred references
 * set after its cycle group, and the reconciliation of its moved rows by value (verify).
 */
final class TablePlans {

    private TablePlans() {
    }

    /** A moved entity's insert: every column that is not deferred. */
    static TablePlan insert(RunContext run, PlannedEntity entity) {
        PhysicalCatalog src = run.source().catalog();
        PhysicalCatalog dst = run.destination().catalog();
        LocalDateTime now = LocalDateTime.now();
        List<Slot> slots = new ArrayList<>();
        List<String> readColumns = new ArrayList<>();
        List<ValueKind> readKinds = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (ColumnPlan c : entity.columns()) {
            int index = -1;
            if (c.role() != ColumnRole.DEFAULT_FILL && !c.deferred()) {
                index = readColumns.size();
                readColumns.add(c.sourceColumn());
                readKinds.add(ValueKind.of(column(src, entity.sourceTable(), c.sourceColumn()).jdbcType()));
            }
            indexes.add(index);
        }
        for (int i = 0; i < entity.columns().size(); i++) {
            ColumnPlan c = entity.columns().get(i);
            ColumnInfo d = column(dst, entity.destinationTable(), c.destinationColumn());
            SlotSource source = c.role() == ColumnRole.VALUE_TEXT
                    ? BptSlots.valueText(run, entity, readColumns.indexOf(c.fill())) : source(run, entity, c, d, now);
            slots.add(new Slot(c.attribute(), d, indexes.get(i), source, c.mandatory()));
        }
        ColumnInfo dstId = column(dst, entity.destinationTable(), entity.identifier().destinationColumn());
        InsertTarget target = new InsertTarget(entity.destinationTable(), dstId,
                entity.identifier().kind() == IdentifierKind.AUTONUMBER, slots.stream().map(Slot::destination).toList());
        TableIdentifier identifier = entity.identifier().kind() == IdentifierKind.REFERENCE
                ? new TableIdentifier(IdentifierKind.REFERENCE, run.scopeOf(entity.identifier().target()), entity.identifier().target())
                : TableIdentifier.of(entity.identifier().kind());
        Phase phase = run.plan().isBptTable(entity.entity()) ? Phase.BPT : Phase.DATA;
        return new TablePlan(entity.entity().qualifiedName(), phase, entity.entity(), run.scopeOf(entity.entity()),
                read(run, entity, readColumns, readKinds), slots, target, identifier, entity.match(), entity.batchSize(),
                entity.unresolvedReference(), entity.onConflict(), rows(run, entity), kept(run, entity));
    }

    /** A looked-up entity: its match attributes read, compared with the destination's after mapping references. */
    static TablePlan lookup(RunContext run, PlannedEntity entity) {
        PhysicalCatalog src = run.source().catalog();
        PhysicalCatalog dst = run.destination().catalog();
        List<Slot> slots = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        for (MatchColumn m : entity.match()) {
            ColumnInfo d = column(dst, entity.destinationTable(), m.destinationColumn());
            kinds.add(ValueKind.of(column(src, entity.sourceTable(), m.sourceColumn()).jdbcType()));
            SlotSource source = m.role() == ColumnRole.REFERENCE ? keyMapped(run, m.target()) : new SlotSource.Copy();
            slots.add(new Slot(m.attribute(), d, slots.size(), source, false));
        }
        InsertTarget target = new InsertTarget(entity.destinationTable(),
                column(dst, entity.destinationTable(), entity.identifier().destinationColumn()), false,
                slots.stream().map(Slot::destination).toList());
        return new TablePlan(entity.entity().qualifiedName(), Phase.LOOKUP, entity.entity(), run.scopeOf(entity.entity()),
                read(run, entity, entity.match().stream().map(MatchColumn::sourceColumn).toList(), kinds), slots, target,
                TableIdentifier.of(IdentifierKind.COPIED), entity.match(), entity.batchSize(), entity.unresolvedReference(),
                entity.onConflict(), entity.sourceRows());
    }

    /** A moved entity's deferred references, set on its rows once its cycle group is loaded. */
    static TablePlan deferred(RunContext run, PlannedEntity entity) {
        PhysicalCatalog src = run.source().catalog();
        PhysicalCatalog dst = run.destination().catalog();
        List<Slot> slots = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        for (ColumnPlan c : entity.deferredColumns()) {
            kinds.add(ValueKind.of(column(src, entity.sourceTable(), c.sourceColumn()).jdbcType()));
            slots.add(new Slot(c.attribute(), column(dst, entity.destinationTable(), c.destinationColumn()), slots.size(),
                    keyMapped(run, c), false));
        }
        InsertTarget target = new InsertTarget(entity.destinationTable(),
                column(dst, entity.destinationTable(), entity.identifier().destinationColumn()), false,
                slots.stream().map(Slot::destination).toList());
        return new TablePlan(entity.entity().qualifiedName(), Phase.DEFERRED, entity.entity(), run.scopeOf(entity.entity()),
                read(run, entity, entity.deferredColumns().stream().map(ColumnPlan::sourceColumn).toList(), kinds), slots,
                target, TableIdentifier.of(IdentifierKind.COPIED), List.of(), entity.batchSize(), entity.unresolvedReference(),
                entity.onConflict(), rows(run, entity), kept(run, entity));
    }

    /**
     * A moved entity's refresh: the columns its insert takes from the source (copied, anonymised, mapped through
     * statics, tenants, users or the key map), read and mapped the same way, set on the destination rows its
     * rows are paired with. Filled defaults and emptied references stay as they are; deferred references are
     * the deferred step's, which comes after.
     */
    static TablePlan refresh(RunContext run, PlannedEntity entity) {
        TablePlan insert = insert(run, entity);
        return compared(insert, Phase.REFRESH, insert.read(), insert.slots().stream().filter(s -> fromSource(s.source())).toList());
    }

    /**
     * A moved entity's reconciliation: every column whose value comes from the source row (copied, anonymised,
     * mapped through statics, tenants, users or the key map, its deferred references included: they are set by the
     * time verify runs), read and mapped as an insert maps it, to be compared with the destination row its pair
     * names. Filled defaults and emptied references are the destination's own and not compared.
     */
    static TablePlan reconcile(RunContext run, PlannedEntity entity) {
        TablePlan insert = insert(run, entity);
        List<String> columns = new ArrayList<>(insert.read().columns());
        List<ValueKind> kinds = new ArrayList<>(insert.read().kinds());
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < entity.columns().size(); i++) {
            ColumnPlan c = entity.columns().get(i);
            Slot s = insert.slots().get(i);
            if (s.source() instanceof SlotSource.Deferred) {
                columns.add(c.sourceColumn());
                kinds.add(ValueKind.of(column(run.source().catalog(), entity.sourceTable(), c.sourceColumn()).jdbcType()));
                slots.add(new Slot(s.attribute(), s.destination(), columns.size() - 1, keyMapped(run, c), false));
            } else if (fromSource(s.source())) {
                slots.add(s);
            }
        }
        TableRead read = insert.read();
        return compared(insert, Phase.VERIFY,
                new TableRead(read.table(), read.idColumn(), read.idKind(), columns, kinds, read.only(), read.filter()), slots);
    }

    /** A column whose value the insert takes from the source row, which a refresh sets and a reconciliation compares. */
    private static boolean fromSource(SlotSource s) {
        return s instanceof SlotSource.Copy || s instanceof SlotSource.Anonymized || s instanceof SlotSource.Mapped
                || s instanceof SlotSource.KeyMapped;
    }

    /** An insert's table, as rows already moved: these slots, found by their pairs (no identifier of their own to make). */
    private static TablePlan compared(TablePlan insert, Phase phase, TableRead read, List<Slot> slots) {
        InsertTarget target = new InsertTarget(insert.target().table(), insert.target().idColumn(), false,
                slots.stream().map(Slot::destination).toList());
        return new TablePlan(insert.name(), phase, insert.entity(), insert.scope(), read, slots, target,
                TableIdentifier.of(IdentifierKind.COPIED), List.of(), insert.batchSize(), insert.unresolved(),
                insert.onConflict(), insert.rows(), insert.keep());
    }

    private static SlotSource source(RunContext run, PlannedEntity entity, ColumnPlan c, ColumnInfo d, LocalDateTime now) {
        if (c.role() == ColumnRole.DEFAULT_FILL) {
            return new SlotSource.Fill(TypedValues.fromText(c.fill(), ValueKind.of(d.jdbcType()), now));
        }
        if (c.deferred()) {
            return new SlotSource.Deferred();
        }
        return switch (c.role()) {
            case VALUE -> run.plan().shaping().anonymizedOf(entity.entity(), c.attribute())
                    .<SlotSource>map(a -> anonymized(run, a, d, now)).orElseGet(SlotSource.Copy::new);
            case REFERENCE -> keyMapped(run, c);
            case STATIC_REFERENCE -> new SlotSource.Mapped(run.statics().forEntity(c.target().key(), ValueKind.of(d.jdbcType())),
                    DeadLetterReason.STATIC_UNMATCHED, run.spec().statics().unmatchedOrDefault());
            case TENANT_ID, TENANT_REFERENCE -> new SlotSource.Mapped(run.tenants(), DeadLetterReason.TENANT_UNMATCHED,
                    entity.unresolvedReference());
            case USER_REFERENCE -> new SlotSource.Mapped(run.plan().isBptTable(entity.entity()) ? new NoneKept(run.users())
                    : run.users(), DeadLetterReason.USER_UNMATCHED, entity.unresolvedReference());
            case DEFINITION_REFERENCE, GROUP_REFERENCE -> BptSlots.platform(run, entity, c);
            case VALUE_TEXT -> throw new IllegalStateException("value texts are made with their type's index");
            case SKIPPED_REFERENCE -> new SlotSource.Emptied(c.target() == null ? "an entity osmigrate does not move"
                    : c.target().qualifiedName() + ", which is skipped");
            case DEFAULT_FILL -> throw new IllegalStateException("handled above");
        };
    }

    /** An anonymised value: the spec's method, keyed with the configured secret (the plan checked that there is one). */
    private static SlotSource anonymized(RunContext run, AnonymizedAttribute a, ColumnInfo d, LocalDateTime now) {
        Pseudonyms pseudonyms = new Pseudonyms(run.settings().anonymizeKey().orElseThrow(
                () -> new IllegalStateException("no osmigrate.anonymize.key, yet the plan anonymises")));
        Object fixed = a.rule().method() == AnonymizeMethod.FIXED
                ? TypedValues.fromText(a.rule().fixed(), ValueKind.of(d.jdbcType()), now) : null;
        return new SlotSource.Anonymized(a, pseudonyms, fixed);
    }

    /** The rows the table will read, for progress: those a subset keeps, else the source's. */
    private static long rows(RunContext run, PlannedEntity entity) {
        KeptIds kept = kept(run, entity);
        return kept == null ? entity.sourceRows() : kept.count();
    }

    /** The rows a subset keeps of the entity; null when every row moves. */
    private static KeptIds kept(RunContext run, PlannedEntity entity) {
        return run.plan().shaping().keptOf(entity.entity()).orElse(null);
    }

    static SlotSource keyMapped(RunContext run, EntityRef target) {
        boolean lookup = run.plan().entity(target.qualifiedName()).map(p -> p.mode() == Mode.LOOKUP).orElse(false);
        return new SlotSource.KeyMapped(run.scopeOf(target), target, lookup);
    }

    /** A reference column through its target's key map; a soft key's values read as {@link SoftKeyValues} says. */
    private static SlotSource keyMapped(RunContext run, ColumnPlan c) {
        if (!c.soft()) {
            return keyMapped(run, c.target());
        }
        PlannedEntity target = run.plan().entity(c.target().qualifiedName()).orElseThrow(
                () -> new IllegalStateException("the soft key " + c.attribute() + " points at " + c.target() + ", not planned"));
        return new SlotSource.KeyMapped(run.scopeOf(c.target()), c.target(), target.mode() == Mode.LOOKUP,
                new SoftKeyValues(SoftKeyValues.numericIdentifier(target.identifier())));
    }

    /** A moved entity's identifier column alone: how its source ids are typed. */
    static TableRead identifiers(RunContext run, PlannedEntity entity) {
        return read(run, entity, List.of(), List.of());
    }

    private static TableRead read(RunContext run, PlannedEntity entity, List<String> columns, List<ValueKind> kinds) {
        ColumnInfo srcId = column(run.source().catalog(), entity.sourceTable(), entity.identifier().sourceColumn());
        return new TableRead(entity.sourceTable(), srcId.name(), ValueKind.of(srcId.jdbcType()), columns, kinds,
                entity.sourceFilter());
    }

    private static ColumnInfo column(PhysicalCatalog catalog, String table, String column) {
        return catalog.column(table, column).orElseThrow(() -> new IllegalStateException(
                "column " + column + " of " + table + " vanished since the plan was made"));
    }
}
