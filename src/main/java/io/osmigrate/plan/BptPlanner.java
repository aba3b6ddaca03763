package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.metamodel.AttributeType;
import io.osmigrate.metamodel.BptDefinition;
import io.osmigrate.metamodel.BptDefinitions;
import io.osmigrate.metamodel.Entity;
import io.osmigrate.metamodel.EntityKey;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.spec.BptSelection;
import io.osmigrate.spec.EntitySettings;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.Mode;

/**
 * Plans the BPT process instances of the process definitions in scope (those of the modules whose entities
 * the run moves) as five planned tables of the one load order: processes, activities, process inputs and
 * outputs, activity outputs. Each column is described like an application entity's: references between
 * instances go through the key map (PARENT_PROCESS_ID, TOP_PROCESS_ID and PRECEDENT_ACTIVITY_ID are
 * self-references and PARENT_ACTIVITY_ID breaks the process-activity cycle, so all four are set after the
 * insert), definitions and statuses through the maps of the bpt phase, users, tenants and groups through
 * theirs, LAST_ERROR_ID emptied (log rows never move) and the scheduler's running markers cleared. A value
 * text is ordered after the entity its definition's type names. Instances of a definition the destination
 * does not have are not moved (a warning counts them). Platform columns have no OutSystems type: their
 * {@link ColumnPlan#type()} is null.
 */
final class BptPlanner {

    static final String PROCESS = "OSSYS_BPM_PROCESS";
    static final String ACTIVITY = "OSSYS_BPM_ACTIVITY";
    static final String PROCESS_INPUT = "OSSYS_BPM_PROCESS_INPUT";
    static final String PROCESS_OUTPUT = "OSSYS_BPM_PROCESS_OUTPUT";
    static final String ACTIVITY_OUTPUT = "OSSYS_BPM_ACTIVITY_OUTPUT";
    /** OutSystems' empty Date Time, which clears IS_RUNNING_SINCE. */
    private static final String EMPTY_DATE_TIME = "1900-01-01 00:00:00";

    /** The plan's BPT part, its instance tables, and the load-order edges of their value texts. */
    record Result(BptPlan plan, List<PlannedEntity> tables, List<LoadOrder.Edge> valueEdges) {
    }

    /** One instance column: its role, and for references the instance or definition table it points into. */
    private record Col(String name, ColumnRole role, String target, boolean mandatory, String fill) {
        static Col value(String name) {
            return new Col(name, ColumnRole.VALUE, null, false, null);
        }

        static Col role(String name, ColumnRole role) {
            return new Col(name, role, null, false, null);
        }

        static Col ref(String name, String target, boolean mandatory) {
            return new Col(name, ColumnRole.REFERENCE, target, mandatory, null);
        }

        static Col definition(String name, String table, boolean mandatory) {
            return new Col(name, ColumnRole.DEFINITION_REFERENCE, table, mandatory, null);
        }

        static Col cleared(String name, String empty) {
            return new Col(name, ColumnRole.DEFAULT_FILL, null, false, empty);
        }

        static Col valueText(String name) {
            return new Col(name, ColumnRole.VALUE_TEXT, null, false, "SS_TYPE");
        }
    }

    private static final Map<String, List<Col>> COLUMNS = Map.of(
            PROCESS, List.of(Col.role("TENANT_ID", ColumnRole.TENANT_ID), Col.value("LABEL"), Col.value("CREATED"),
                    Col.role("CREATED_BY", ColumnRole.USER_REFERENCE),
                    Col.definition("PROCESS_DEF_ID", BptDefinitions.PROCESS, true),
                    Col.ref("PARENT_PROCESS_ID", PROCESS, false), Col.ref("PARENT_ACTIVITY_ID", ACTIVITY, false),
                    Col.ref("TOP_PROCESS_ID", PROCESS, false),
                    Col.definition("STATUS_ID", BptDefinitions.PROCESS_STATUS, true), Col.value("LAST_MODIFIED"),
                    Col.role("LAST_MODIFIED_BY", ColumnRole.USER_REFERENCE), Col.value("SUSPENDED_DATE"),
                    Col.role("SUSPENDED_BY", ColumnRole.USER_REFERENCE)),
            ACTIVITY, List.of(Col.role("TENANT_ID", ColumnRole.TENANT_ID),
                    Col.definition("ACTIVITY_DEF_ID", BptDefinitions.ACTIVITY, true), Col.ref("PROCESS_ID", PROCESS, true),
                    Col.value("NAME"), Col.role("USER_ID", ColumnRole.USER_REFERENCE), Col.value("CREATED"),
                    Col.value("OPENED"), Col.value("CLOSED"),
                    Col.definition("STATUS_ID", BptDefinitions.ACTIVITY_STATUS, true),
                    Col.cleared("IS_RUNNING_SINCE", EMPTY_DATE_TIME), Col.cleared("IS_RUNNING_AT", ""),
                    Col.value("NEXT_RUN"), Col.ref("PRECEDENT_ACTIVITY_ID", ACTIVITY, false),
                    Col.value("PRECEDENT_OUTCOME"), Col.value("DUE_DATE"), Col.value("INBOX_DETAIL"), Col.value("EXPIRED"),
                    Col.value("SKIPPED"), Col.value("ERROR_COUNT"), Col.role("LAST_ERROR_ID", ColumnRole.SKIPPED_REFERENCE),
                    Col.value("LAST_MODIFIED"), Col.role("GROUP_ID", ColumnRole.GROUP_REFERENCE)),
            PROCESS_INPUT, List.of(Col.role("TENANT_ID", ColumnRole.TENANT_ID),
                    Col.definition("INPUT_DEF_ID", BptDefinitions.PROCESS_INPUT, false), Col.ref("PROCESS_ID", PROCESS, true),
                    Col.ref("ACTIVITY_ID", ACTIVITY, false), Col.value("SS_KEY"), Col.value("NAME"), Col.value("DATA_TYPE"),
                    Col.valueText("INPUT_VALUE"), Col.value("SS_TYPE")),
            PROCESS_OUTPUT, List.of(Col.role("TENANT_ID", ColumnRole.TENANT_ID),
                    Col.definition("OUTPUT_DEF_ID", BptDefinitions.PROCESS_OUTPUT, false),
                    Col.ref("PROCESS_ID", PROCESS, true), Col.value("SS_KEY"), Col.value("NAME"), Col.value("DATA_TYPE"),
                    Col.valueText("OUTPUT_VALUE"), Col.value("SS_TYPE")),
            ACTIVITY_OUTPUT, List.of(Col.role("TENANT_ID", ColumnRole.TENANT_ID),
                    Col.definition("OUTPUT_DEF_ID", BptDefinitions.ACTIVITY_OUTPUT, false),
                    Col.ref("ACTIVITY_ID", ACTIVITY, true), Col.value("SS_KEY"), Col.value("NAME"), Col.value("DATA_TYPE"),
                    Col.valueText("OUTPUT_VALUE"), Col.value("SS_TYPE")));

    /** The instance tables in the order their names are listed; the load order decides when each moves. */
    private static final List<String> TABLES = List.of(PROCESS, ACTIVITY, PROCESS_INPUT, PROCESS_OUTPUT, ACTIVITY_OUTPUT);
    private static final Map<String, String> NAMES = Map.of(PROCESS, "Process", ACTIVITY, "Activity",
            PROCESS_INPUT, "Process_Input", PROCESS_OUTPUT, "Process_Output", ACTIVITY_OUTPUT, "Activity_Output");
    /** Which definition table an instance table's value texts are typed by. */
    private static final Map<String, String> VALUE_DEFINITIONS = Map.of(PROCESS_INPUT, BptDefinitions.PROCESS_INPUT,
            PROCESS_OUTPUT, BptDefinitions.PROCESS_OUTPUT, ACTIVITY_OUTPUT, BptDefinitions.ACTIVITY_OUTPUT);

    private final MigrationSpec spec;
    private final EnvironmentView source;
    private final EnvironmentView destination;
    private final BptSources bpt;
    private final int configuredBatchSize;
    private final List<Finding> findings;

    private BptPlanner(MigrationSpec spec, EnvironmentView source, EnvironmentView destination, BptSources bpt,
                       int configuredBatchSize, List<Finding> findings) {
        this.spec = spec;
        this.source = source;
        this.destination = destination;
        this.bpt = bpt;
        this.configuredBatchSize = configuredBatchSize;
        this.findings = findings;
    }

    /**
     * @param espaces the SS_Keys of the modules whose entities the run moves: their process definitions are in scope
     */
    static Result plan(MigrationSpec spec, EnvironmentView source, EnvironmentView destination, BptSources bpt,
                       Set<String> espaces, int configuredBatchSize, List<Finding> findings) {
        return new BptPlanner(spec, source, destination, bpt, configuredBatchSize, findings).plan(espaces);
    }

    private Result plan(Set<String> espaces) {
        BptSelection selection = spec.bpt().instancesOrDefault();
        Metamodel src = source.metamodel();
        EntityRef user = src.systemEntityByTable(Metamodel.USER_TABLE).map(EntityRef::of).orElse(null);
        EntityRef tenant = src.systemEntityByTable(Metamodel.TENANT_TABLE).map(EntityRef::of).orElse(null);
        List<BptDefinition> processes = bpt.source().of(BptDefinitions.PROCESS).stream()
                .filter(d -> d.active() && espaces.contains(d.espaceKey()))
                .sorted(java.util.Comparator.comparing(BptDefinition::name)).toList();
        Set<Long> inScope = processes.stream().map(BptDefinition::id).collect(Collectors.toSet());
        List<BptPlan.DefinitionMatch> matches = new ArrayList<>();
        for (String table : BptDefinitions.TABLES) {
            matches.add(match(table, inScope));
        }
        Set<String> destinationProcesses = activeKeys(BptDefinitions.PROCESS);
        List<BptDefinition> movable = new ArrayList<>();
        for (BptDefinition p : processes) {
            if (destinationProcesses.contains(p.matchKey())) {
                movable.add(p);
            } else if (selection != BptSelection.NONE) {
                long instances = countInstances(p);
                findings.add(Finding.warning("bpt-definition-missing", module(p) + "." + p.name(), String.format(Locale.ROOT,
                        "the process %s has no active definition with the same SS_Key in the destination, so its %,d"
                                + " instances in the source are not moved; references to them follow unresolvedReference."
                                + " Publish the same version of %s to the destination to move them", p.name(), instances,
                        module(p))));
            }
        }
        List<String> names = movable.stream().map(p -> module(p) + "." + p.name()).toList();
        if (selection == BptSelection.NONE || movable.isEmpty() || !tablesPresent()) {
            return new Result(new BptPlan(selection, names, matches, List.of(), user, tenant), List.of(), List.of());
        }
        String processFilter = processFilter(movable, selection);
        Map<String, String> filters = Map.of(
                PROCESS, processFilter,
                ACTIVITY, in(ACTIVITY, "PROCESS_ID", PROCESS, processFilter),
                PROCESS_INPUT, in(PROCESS_INPUT, "PROCESS_ID", PROCESS, processFilter),
                PROCESS_OUTPUT, in(PROCESS_OUTPUT, "PROCESS_ID", PROCESS, processFilter),
                ACTIVITY_OUTPUT, in(ACTIVITY_OUTPUT, "ACTIVITY_ID", ACTIVITY, in(ACTIVITY, "PROCESS_ID", PROCESS, processFilter)));
        List<PlannedEntity> tables = new ArrayList<>();
        for (String table : TABLES) {
            planTable(table, filters.get(table)).ifPresent(tables::add);
        }
        if (tables.size() < TABLES.size()) {
            return new Result(new BptPlan(selection, names, matches, List.of(), user, tenant), List.of(), List.of());
        }
        List<EntityRef> refs = tables.stream().map(PlannedEntity::entity).toList();
        return new Result(new BptPlan(selection, names, matches, refs, user, tenant), tables, valueEdges(inScope));
    }

    private long countInstances(BptDefinition p) {
        String table = source.catalog().table(PROCESS).orElse(null);
        return table == null ? 0 : bpt.sourceRows().count(table, column(PROCESS, "PROCESS_DEF_ID") + " = " + p.id());
    }

    private boolean tablesPresent() {
        for (String table : TABLES) {
            for (EnvironmentView env : List.of(source, destination)) {
                if (env.catalog().table(table).isEmpty()) {
                    findings.add(Finding.warning("bpt-table-missing", table, "environment '" + env.name() + "' has no table "
                            + table + ": no BPT process instance moves"));
                    return false;
                }
            }
        }
        return true;
    }

    /** The processes of the movable definitions; for open ones only, whose top process is in no terminal status. */
    private String processFilter(List<BptDefinition> movable, BptSelection selection) {
        String defs = column(PROCESS, "PROCESS_DEF_ID") + " IN ("
                + movable.stream().map(p -> Long.toString(p.id())).collect(Collectors.joining(", ")) + ")";
        if (selection != BptSelection.OPEN) {
            return defs;
        }
        String open = bpt.source().of(BptDefinitions.PROCESS_STATUS).stream().filter(s -> !s.terminal())
                .map(s -> Long.toString(s.id())).collect(Collectors.joining(", "));
        String statuses = open.isEmpty() ? "1 = 0" : column(PROCESS, "STATUS_ID") + " IN (" + open + ")";
        return defs + " AND " + in(PROCESS, "TOP_PROCESS_ID", PROCESS, statuses);
    }

    /** {@code owner.column IN (SELECT ID FROM table WHERE condition)}, in the source's spelling. */
    private String in(String owner, String column, String table, String condition) {
        return column(owner, column) + " IN (SELECT " + column(table, "ID") + " FROM " + quotedTable(table)
                + " WHERE " + condition + ")";
    }

    private String quotedTable(String table) {
        return bpt.sourceQuote().apply(source.catalog().table(table).orElse(table));
    }

    private String column(String table, String column) {
        return bpt.sourceQuote().apply(source.catalog().column(table, column).map(ColumnInfo::name).orElse(column));
    }

    private Optional<PlannedEntity> planTable(String table, String filter) {
        String srcTable = source.catalog().table(table).orElseThrow();
        String dstTable = destination.catalog().table(table).orElseThrow();
        EntityRef ref = ref(table);
        Optional<String> srcId = source.catalog().column(srcTable, "ID").map(ColumnInfo::name);
        Optional<String> dstId = destination.catalog().column(dstTable, "ID").map(ColumnInfo::name);
        if (srcId.isEmpty() || dstId.isEmpty()) {
            findings.add(Finding.error("bpt-column-missing", table, table + " has no ID column in the "
                    + (srcId.isEmpty() ? "source" : "destination")));
            return Optional.empty();
        }
        List<ColumnPlan> columns = new ArrayList<>();
        for (Col c : COLUMNS.get(table)) {
            Optional<String> s = source.catalog().column(srcTable, c.name()).map(ColumnInfo::name);
            Optional<String> d = destination.catalog().column(dstTable, c.name()).map(ColumnInfo::name);
            if (d.isEmpty() || (s.isEmpty() && c.role() != ColumnRole.DEFAULT_FILL)) {
                findings.add(missing(table, c, d.isEmpty()));
                continue;
            }
            EntityRef target = switch (c.role()) {
                case REFERENCE -> ref(c.target());
                case DEFINITION_REFERENCE -> new EntityRef("BPT", c.target(), "bpt", c.target().toLowerCase(Locale.ROOT));
                default -> null;
            };
            columns.add(new ColumnPlan(c.name(), null, c.role() == ColumnRole.DEFAULT_FILL ? null : s.get(), d.get(),
                    null, c.role(), target, c.mandatory(), false,
                    c.role() == ColumnRole.VALUE_TEXT ? source.catalog().column(srcTable, c.fill()).map(ColumnInfo::name)
                            .orElse(c.fill()) : c.fill()));
        }
        EntitySettings none = EntitySettings.none();
        Identifier id = new Identifier("ID", srcId.get(), dstId.get(), "rtInteger", IdentifierKind.AUTONUMBER, null);
        return Optional.of(new PlannedEntity(0, ref, Mode.MOVE, srcTable, dstTable, bpt.sourceRows().count(srcTable, filter),
                destination.rows().count(dstTable), id, columns, List.of(), 0, spec.batchSize(none, configuredBatchSize),
                spec.conflictPolicy(none), spec.unresolvedPolicy(none), filter));
    }

    private Finding missing(String table, Col c, boolean inDestination) {
        String subject = table + "." + c.name();
        String message = (inDestination ? "the destination" : "the source") + "'s " + table + " has no column " + c.name();
        return c.mandatory() ? Finding.error("bpt-column-missing", subject, message + ": its process instances cannot move")
                : Finding.info("bpt-column-missing", subject, message + ": not copied");
    }

    /**
     * The key-map name of an instance table: the platform's own entity where the metamodel has one (a reference
     * to a Process from an application entity names it), else a name of osmigrate's under the same module.
     */
    EntityRef ref(String table) {
        Optional<Entity> system = source.metamodel().systemEntityByTable(table);
        if (system.isPresent()) {
            return EntityRef.of(system.get());
        }
        Optional<Entity> process = source.metamodel().systemEntityByTable(PROCESS);
        return new EntityRef(process.map(Entity::espaceName).orElse("ServiceCenter"), NAMES.get(table),
                process.map(e -> e.key().espace()).orElse("bpt"), "bpt:" + table.toLowerCase(Locale.ROOT));
    }

    /** A value text comes after the rows its definition's type names, like any reference (never deferred). */
    private List<LoadOrder.Edge> valueEdges(Set<Long> processes) {
        List<LoadOrder.Edge> edges = new ArrayList<>();
        VALUE_DEFINITIONS.forEach((table, definitions) -> {
            Set<EntityKey> targets = new LinkedHashSet<>();
            for (BptDefinition d : bpt.source().of(definitions)) {
                AttributeType type = AttributeType.parse(d.type());
                if (processes.contains(d.process()) && type.isReference()) {
                    targets.add(type.target());
                }
            }
            for (EntityKey key : targets) {
                source.metamodel().entity(key).ifPresent(e -> edges.add(new LoadOrder.Edge(ref(table),
                        table.equals(PROCESS_INPUT) ? "INPUT_VALUE" : "OUTPUT_VALUE", EntityRef.of(e), true)));
            }
        });
        return edges;
    }

    private BptPlan.DefinitionMatch match(String table, Set<Long> processes) {
        boolean status = table.equals(BptDefinitions.PROCESS_STATUS) || table.equals(BptDefinitions.ACTIVITY_STATUS);
        List<BptDefinition> wanted = bpt.source().of(table).stream()
                .filter(d -> status || (d.active() && processes.contains(d.process()))).toList();
        Set<String> there = activeKeys(table);
        List<String> unmatched = wanted.stream().filter(d -> !there.contains(d.matchKey())).map(BptDefinition::name)
                .sorted().toList();
        return new BptPlan.DefinitionMatch(table, wanted.size(), wanted.size() - unmatched.size(), unmatched);
    }

    private Set<String> activeKeys(String table) {
        return bpt.destination().of(table).stream().filter(BptDefinition::active).map(BptDefinition::matchKey)
                .collect(Collectors.toSet());
    }

    private String module(BptDefinition p) {
        return source.metamodel().espace(p.espaceKey()).map(e -> e.name()).orElse(p.espaceKey());
    }
}
