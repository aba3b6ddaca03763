package io.osmigrate.metamodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.osmigrate.env.Environment;

/**
 * The BPT definitions of one environment, written by publishing and never by osmigrate: process definitions,
 * their input and output definitions, activity definitions and their output definitions (each with the SS_Key
 * of its module), and the process and activity statuses (matched by name). Empty where the environment has no
 * BPT tables. Immutable.
 */
public record BptDefinitions(Map<String, List<BptDefinition>> byTable) {

    public static final String PROCESS = "OSSYS_BPM_PROCESS_DEFINITION";
    public static final String PROCESS_INPUT = "OSSYS_BPM_PROCESS_INPUT_DEF";
    public static final String PROCESS_OUTPUT = "OSSYS_BPM_PROCESS_OUTPUT_DEF";
    public static final String ACTIVITY = "OSSYS_BPM_ACTIVITY_DEFINITION";
    public static final String ACTIVITY_OUTPUT = "OSSYS_BPM_ACTIVITY_OUTPUT_DEF";
    public static final String PROCESS_STATUS = "OSSYS_BPM_PROCESS_STATUS";
    public static final String ACTIVITY_STATUS = "OSSYS_BPM_ACTIVITY_STATUS";
    public static final List<String> TABLES = List.of(PROCESS, PROCESS_INPUT, PROCESS_OUTPUT, ACTIVITY, ACTIVITY_OUTPUT,
            PROCESS_STATUS, ACTIVITY_STATUS);

    public BptDefinitions {
        Map<String, List<BptDefinition>> copy = new HashMap<>();
        byTable.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byTable = Map.copyOf(copy);
    }

    public List<BptDefinition> of(String table) {
        return byTable.getOrDefault(table, List.of());
    }

    public boolean present() {
        return !of(PROCESS).isEmpty() || !of(PROCESS_STATUS).isEmpty();
    }

    public Optional<BptDefinition> find(String table, long id) {
        return of(table).stream().filter(d -> d.id() == id).findFirst();
    }

    /** Reads them; an environment without the process definition table has none. */
    public static BptDefinitions read(Environment env, Metamodel metamodel) {
        Map<String, List<BptDefinition>> result = new HashMap<>();
        if (env.catalog().table(PROCESS).isEmpty()) {
            return new BptDefinitions(result);
        }
        MetaQuery query = new MetaQuery(env);
        Map<Long, String> espaceKeys = new HashMap<>();
        metamodel.espaces().values().forEach(e -> espaceKeys.put(e.id(), e.ssKey()));
        Map<Long, BptDefinition> processes = new HashMap<>();
        for (MetaRow r : query.select(PROCESS, List.of("ID", "NAME", "SS_KEY", "IS_ACTIVE", "ESPACE_ID"), List.of())) {
            Long espace = r.optionalNumber("ESPACE_ID");
            String key = espace == null ? null : espaceKeys.get(espace);
            if (key != null && r.text("SS_KEY") != null) {
                BptDefinition d = new BptDefinition(PROCESS, r.number("ID"), key, SsKeys.normalize(r.text("SS_KEY")),
                        r.text("NAME"), r.number("ID"), r.flag("IS_ACTIVE"), false, null);
                processes.put(d.id(), d);
            }
        }
        result.put(PROCESS, new ArrayList<>(processes.values()));
        children(query, PROCESS_INPUT, "PROCESS_DEF_ID", processes, result);
        children(query, PROCESS_OUTPUT, "PROCESS_DEF_ID", processes, result);
        Map<Long, BptDefinition> activities = children(query, ACTIVITY, "PROCESS_DEF_ID", processes, result);
        children(query, ACTIVITY_OUTPUT, "ACTIVITY_DEF_ID", activities, result);
        statuses(env, query, PROCESS_STATUS, result);
        statuses(env, query, ACTIVITY_STATUS, result);
        return new BptDefinitions(result);
    }

    /** Definitions that belong to a parent definition: they take its module and process. */
    private static Map<Long, BptDefinition> children(MetaQuery query, String table, String parentColumn,
                                                     Map<Long, BptDefinition> parents, Map<String, List<BptDefinition>> result) {
        Map<Long, BptDefinition> found = new HashMap<>();
        for (MetaRow r : query.select(table, List.of("ID", "SS_KEY", parentColumn, "IS_ACTIVE"),
                List.of("NAME", "SS_TYPE"))) {
            BptDefinition parent = parents.get(r.number(parentColumn));
            if (parent != null && r.text("SS_KEY") != null) {
                found.put(r.number("ID"), new BptDefinition(table, r.number("ID"), parent.espaceKey(),
                        SsKeys.normalize(r.text("SS_KEY")), r.text("NAME"), parent.process(),
                        r.flag("IS_ACTIVE") && parent.active(), false, r.text("SS_TYPE")));
            }
        }
        result.put(table, new ArrayList<>(found.values()));
        return found;
    }

    private static void statuses(Environment env, MetaQuery query, String table, Map<String, List<BptDefinition>> result) {
        List<BptDefinition> found = new ArrayList<>();
        if (env.catalog().table(table).isPresent()) {
            for (MetaRow r : query.select(table, List.of("ID", "NAME"), List.of("IS_TERMINAL"))) {
                found.add(new BptDefinition(table, r.number("ID"), "", r.text("NAME"), r.text("NAME"), -1, true,
                        r.get("IS_TERMINAL") != null && r.flag("IS_TERMINAL"), null));
            }
        }
        result.put(table, found);
    }
}
