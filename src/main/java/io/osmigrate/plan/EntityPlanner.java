package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.osmigrate.config.ConfigException;
import io.osmigrate.metamodel.Attribute;
import io.osmigrate.metamodel.Entity;
import io.osmigrate.metamodel.EntityKey;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.spec.EntitySettings;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.Mode;

/**
 * Matches one source entity to its destination twin (entity by espace and entity SS_Key, attributes
 * by SS_Key, physical names from each side's catalog) and works out what each column needs. Drift is
 * reported, never guessed: a missing destination attribute is not copied, a destination-only
 * mandatory attribute is filled from its default, changed types and shorter texts are flagged, and a
 * destination column of no active attribute that is NOT NULL without a default blocks the plan
 * ({@link StaleColumns}).
 */
final class EntityPlanner {

    private static final String TENANT_COLUMN = "TENANT_ID";

    private final MigrationSpec spec;
    private final EnvironmentView source;
    private final EnvironmentView destination;
    private final Map<EntityKey, Mode> modes;
    private final int configuredBatchSize;
    private final List<Finding> findings;
    private final SoftKeyPlanner.Resolved softKeys;

    EntityPlanner(MigrationSpec spec, EnvironmentView source, EnvironmentView destination, Map<EntityKey, Mode> modes,
                  int configuredBatchSize, List<Finding> findings, SoftKeyPlanner.Resolved softKeys) {
        this.softKeys = softKeys;
        this.spec = spec;
        this.source = source;
        this.destination = destination;
        this.modes = modes;
        this.configuredBatchSize = configuredBatchSize;
        this.findings = findings;
    }

    Optional<PlannedEntity> plan(Entity entity, Mode mode) {
        String subject = entity.qualifiedName();
        EntitySettings settings = spec.settingsFor(entity.espaceName(), entity.name()).map(Map.Entry::getValue)
                .orElse(EntitySettings.none());
        Optional<Entity> twin = destination.metamodel().entity(entity.key());
        if (mode == Mode.SKIP) {
            return Optional.of(skipped(entity, settings));
        }
        if (twin.isEmpty()) {
            findings.add(Finding.error("entity-missing-in-destination", subject, subject + " (" + mode.wire()
                    + ") has no active entity with the same SS_Keys in destination '" + destination.name()
                    + "'; publish the same version there, or set it to skip"));
            return Optional.empty();
        }
        Entity dst = twin.get();
        Optional<String> srcTable = table(source, entity, subject);
        Optional<String> dstTable = table(destination, dst, subject);
        Optional<Identifier> identifier = identifier(entity, dst, srcTable.orElse(null), dstTable.orElse(null));
        if (srcTable.isEmpty() || dstTable.isEmpty() || identifier.isEmpty()) {
            return Optional.empty();
        }
        List<MatchColumn> match = match(entity, dst, settings, srcTable.get(), dstTable.get());
        List<ColumnPlan> columns = mode == Mode.MOVE ? columns(entity, dst, srcTable.get(), dstTable.get()) : List.of();
        if (mode == Mode.MOVE) {
            Set<String> written = new java.util.HashSet<>();
            written.add(identifier.get().destinationColumn());
            columns.forEach(c -> written.add(c.destinationColumn()));
            findings.addAll(StaleColumns.check(dst, dstTable.get(), written, destination));
        }
        if (mode == Mode.LOOKUP && match.isEmpty()) {
            findings.add(Finding.error("lookup-without-match", subject, subject + " is a lookup but no match attributes are"
                    + " given; add it under entities in " + spec.file() + " with match: [Attribute, …], or mode: move or skip"));
        }
        return Optional.of(new PlannedEntity(0, EntityRef.of(entity), mode, srcTable.get(), dstTable.get(),
                source.rows().count(srcTable.get()), destination.rows().count(dstTable.get()), identifier.get(), columns, match,
                0, spec.batchSize(settings, configuredBatchSize), spec.conflictPolicy(settings), spec.unresolvedPolicy(settings),
                null));
    }

    private PlannedEntity skipped(Entity entity, EntitySettings settings) {
        return new PlannedEntity(0, EntityRef.of(entity), Mode.SKIP, entity.physicalTable(), null, 0, 0, null, List.of(),
                List.of(), 0, spec.batchSize(settings, configuredBatchSize), spec.conflictPolicy(settings),
                spec.unresolvedPolicy(settings), null);
    }

    private Optional<String> table(EnvironmentView env, Entity entity, String subject) {
        Optional<String> table = env.catalog().table(entity.physicalTable());
        if (table.isEmpty()) {
            findings.add(Finding.error("table-missing", subject, "table " + entity.physicalTable() + " of " + subject
                    + " does not exist in environment '" + env.name() + "'"));
        }
        return table;
    }

    private Optional<Identifier> identifier(Entity src, Entity dst, String srcTable, String dstTable) {
        String subject = src.qualifiedName();
        Optional<Attribute> srcId = src.identifierAttribute();
        Optional<Attribute> dstId = src.identifierAttribute().flatMap(a -> dst.attribute(a.ssKey()));
        if (srcId.isEmpty() || dstId.isEmpty()) {
            findings.add(Finding.error("identifier-missing", subject, subject + " has no identifier attribute matching"
                    + " PRIMARYKEY_SS_KEY in " + (srcId.isEmpty() ? "the source" : "the destination")));
            return Optional.empty();
        }
        if (srcTable == null || dstTable == null) {
            return Optional.empty();
        }
        Optional<String> srcCol = column(source, srcTable, srcId.get(), subject);
        Optional<String> dstCol = column(destination, dstTable, dstId.get(), subject);
        if (srcCol.isEmpty() || dstCol.isEmpty()) {
            return Optional.empty();
        }
        IdentifierKind kind;
        EntityRef target = null;
        if (dstId.get().autonumber()) {
            kind = IdentifierKind.AUTONUMBER;
        } else if (srcId.get().isReference()) {
            kind = IdentifierKind.REFERENCE;
            Optional<Entity> t = source.metamodel().entity(srcId.get().type().target());
            if (t.isEmpty() || modes.get(t.get().key()) == null || modes.get(t.get().key()) == Mode.SKIP) {
                findings.add(Finding.error("identifier-target-not-mapped", subject, "the identifier of " + subject
                        + " references " + t.map(Entity::qualifiedName).orElse("an unknown entity")
                        + ", which is not moved or looked up, so its rows cannot get destination identifiers"));
                return Optional.empty();
            }
            target = EntityRef.of(t.get());
        } else {
            kind = IdentifierKind.COPIED;
            if (srcId.get().autonumber()) {
                findings.add(Finding.warning("identifier-autonumber-changed", subject, "the identifier of " + subject
                        + " is autonumber in the source but not in the destination: source values are copied"));
            }
        }
        return Optional.of(new Identifier(srcId.get().name(), srcCol.get(), dstCol.get(), srcId.get().type().code(), kind, target));
    }

    private List<ColumnPlan> columns(Entity src, Entity dst, String srcTable, String dstTable) {
        List<ColumnPlan> columns = new ArrayList<>();
        Set<String> sourceKeys = src.attributes().stream().map(Attribute::ssKey).collect(Collectors.toSet());
        for (Attribute a : src.attributes()) {
            if (a.ssKey().equals(src.identifier())) {
                continue;
            }
            String subject = src.qualifiedName() + "." + a.name();
            Optional<Attribute> twin = dst.attribute(a.ssKey());
            if (twin.isEmpty()) {
                findings.add(Finding.warning("attribute-missing-in-destination", subject, subject
                        + " has no active attribute with the same SS_Key in the destination; it is not copied"));
                continue;
            }
            Attribute d = twin.get();
            Optional<String> srcCol = column(source, srcTable, a, subject);
            Optional<String> dstCol = column(destination, dstTable, d, subject);
            if (srcCol.isEmpty() || dstCol.isEmpty()) {
                continue;
            }
            flagDrift(subject, a, d);
            Optional<EntityRef> softTarget = softKeys.targetOf(src, a);
            if (softTarget.isPresent()) { // declared in the spec: remapped like a reference, its "none" values kept
                columns.add(new ColumnPlan(a.name(), a.ssKey(), srcCol.get(), dstCol.get(), a.type().code(),
                        ColumnRole.REFERENCE, softTarget.get(), a.mandatory(), false, null, true));
                continue;
            }
            ColumnRole role = roleOf(a, subject);
            EntityRef target = role == ColumnRole.VALUE ? null
                    : source.metamodel().entity(a.type().target()).map(EntityRef::of).orElse(null);
            columns.add(new ColumnPlan(a.name(), a.ssKey(), srcCol.get(), dstCol.get(), a.type().code(), role, target,
                    a.mandatory(), false, null));
        }
        for (Attribute d : dst.attributes()) {
            if (sourceKeys.contains(d.ssKey()) || d.ssKey().equals(dst.identifier()) || d.autonumber()) {
                continue;
            }
            addDestinationOnly(src, d, dstTable).ifPresent(columns::add);
        }
        tenantColumn(src, dst, srcTable, dstTable).ifPresent(columns::add);
        return columns;
    }

    private Optional<ColumnPlan> addDestinationOnly(Entity src, Attribute d, String dstTable) {
        String subject = src.qualifiedName() + "." + d.name();
        if (!d.mandatory()) {
            findings.add(Finding.info("attribute-only-in-destination", subject, subject
                    + " exists only in the destination and is optional: left to its column default"));
            return Optional.empty();
        }
        Optional<String> fill = DefaultValues.of(d);
        Optional<String> col = column(destination, dstTable, d, subject);
        if (fill.isEmpty()) {
            findings.add(Finding.error("mandatory-attribute-without-default", subject, subject + " is mandatory, exists only"
                    + " in the destination and has no default osmigrate can write"));
            return Optional.empty();
        }
        if (col.isEmpty()) {
            return Optional.empty();
        }
        findings.add(Finding.warning("mandatory-attribute-filled-with-default", subject, subject + " is mandatory and"
                + " exists only in the destination: every moved row gets its default '" + fill.get() + "'"));
        return Optional.of(new ColumnPlan(d.name(), d.ssKey(), null, col.get(), d.type().code(), ColumnRole.DEFAULT_FILL,
                null, true, false, fill.get()));
    }

    private Optional<ColumnPlan> tenantColumn(Entity src, Entity dst, String srcTable, String dstTable) {
        if (!src.multitenant() && !dst.multitenant()) {
            return Optional.empty();
        }
        Optional<String> s = source.catalog().column(srcTable, TENANT_COLUMN).map(c -> c.name());
        Optional<String> d = destination.catalog().column(dstTable, TENANT_COLUMN).map(c -> c.name());
        if (s.isEmpty() || d.isEmpty()) {
            findings.add(Finding.warning("tenant-column-missing", src.qualifiedName(), src.qualifiedName()
                    + " is multi-tenant but its TENANT_ID column is missing in the " + (s.isEmpty() ? "source" : "destination")
                    + " table: tenants are not mapped for it"));
            return Optional.empty();
        }
        return Optional.of(new ColumnPlan(TENANT_COLUMN, null, s.get(), d.get(), "rtInteger", ColumnRole.TENANT_ID, null,
                true, false, null));
    }

    private void flagDrift(String subject, Attribute a, Attribute d) {
        if (!a.type().sameAs(d.type())) {
            findings.add(Finding.warning("type-changed", subject, subject + " is " + a.type().code() + " in the source and "
                    + d.type().code() + " in the destination: values that do not convert are dead-lettered"));
        } else if (a.type().basic().isText() && d.length() > 0 && (a.length() == 0 || d.length() < a.length())) {
            findings.add(Finding.warning("text-shorter-in-destination", subject, subject + " holds up to " + a.length()
                    + " characters in the source but " + d.length() + " in the destination: longer values are dead-lettered"));
        }
    }

    ColumnRole roleOf(Attribute a, String subject) {
        if (!a.isReference()) {
            return ColumnRole.VALUE;
        }
        Optional<Entity> target = source.metamodel().entity(a.type().target());
        if (target.isEmpty()) {
            findings.add(Finding.warning("reference-target-unknown", subject, subject + " references " + a.type().target()
                    + ", which is no active entity of the source (an extension or a deleted entity): left empty where optional"));
            return ColumnRole.SKIPPED_REFERENCE;
        }
        Entity t = target.get();
        if (t.isStatic()) {
            return ColumnRole.STATIC_REFERENCE;
        }
        if (t.system() && modes.get(t.key()) == Mode.MOVE) {
            return ColumnRole.REFERENCE; // a BPT instance table the run moves
        }
        if (t.system()) {
            if (t.physicalTable().equalsIgnoreCase(Metamodel.USER_TABLE)) {
                return ColumnRole.USER_REFERENCE;
            }
            if (t.physicalTable().equalsIgnoreCase(Metamodel.TENANT_TABLE)) {
                return ColumnRole.TENANT_REFERENCE;
            }
            findings.add(Finding.warning("system-reference-not-mapped", subject, subject + " references the system entity "
                    + t.qualifiedName() + ", which osmigrate does not map: left empty where optional"));
            return ColumnRole.SKIPPED_REFERENCE;
        }
        Mode mode = modes.get(t.key());
        if (mode == Mode.SKIP) {
            if (a.mandatory()) {
                findings.add(Finding.warning("mandatory-reference-to-skipped", subject, subject + " is mandatory and references"
                        + " the skipped entity " + t.qualifiedName() + ": rows with a value are dead-lettered"));
            }
            return ColumnRole.SKIPPED_REFERENCE;
        }
        return ColumnRole.REFERENCE;
    }

    private List<MatchColumn> match(Entity src, Entity dst, EntitySettings settings, String srcTable, String dstTable) {
        List<MatchColumn> result = new ArrayList<>();
        for (String name : settings.match()) {
            String key = "entities." + src.qualifiedName() + ".match";
            Attribute a = src.attributeNamed(name).orElseThrow(() -> new ConfigException(spec.file() + ": " + key
                    + ": no attribute '" + name + "' in " + src.qualifiedName() + "; its attributes: "
                    + src.attributes().stream().map(Attribute::name).collect(Collectors.joining(", "))));
            String subject = src.qualifiedName() + "." + a.name();
            Optional<Attribute> d = dst.attribute(a.ssKey());
            if (d.isEmpty()) {
                findings.add(Finding.error("match-attribute-missing", subject, "match attribute " + subject
                        + " has no twin in the destination"));
                continue;
            }
            Optional<String> srcCol = column(source, srcTable, a, subject);
            Optional<String> dstCol = column(destination, dstTable, d.get(), subject);
            if (srcCol.isPresent() && dstCol.isPresent()) {
                ColumnRole role = roleOf(a, subject);
                EntityRef target = role == ColumnRole.VALUE ? null
                        : source.metamodel().entity(a.type().target()).map(EntityRef::of).orElse(null);
                result.add(new MatchColumn(a.name(), srcCol.get(), dstCol.get(), role, target));
            }
        }
        return result;
    }

    private Optional<String> column(EnvironmentView env, String table, Attribute a, String subject) {
        Optional<String> col = env.catalog().column(table, a.column()).map(c -> c.name());
        if (col.isEmpty()) {
            findings.add(Finding.error("column-missing", subject, "column " + a.column() + " of " + subject
                    + " does not exist in table " + table + " of environment '" + env.name() + "'"));
        }
        return col;
    }
}
