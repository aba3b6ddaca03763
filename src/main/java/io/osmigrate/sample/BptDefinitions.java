package io.osmigrate.sample;

import io.osmigrate.sample.BptModel.Activity;
import io.osmigrate.sample.BptModel.Process;
import io.osmigrate.sample.BptModel.Status;
import io.osmigrate.sample.BptModel.Value;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one environment's BPT definitions, kinds and statuses. Local ids differ between the environments
 * ({@link Generation#localId}); SS_Keys of definitions do not, and kinds and statuses keep their names.
 */
final class BptDefinitions {

    /** This environment's local ids of everything BPT instances point at, by name. */
    static final class Ids {
        final Map<String, Integer> processes = new HashMap<>();
        /** By "Process.Activity". */
        final Map<String, Integer> activities = new HashMap<>();
        /** Inputs and outputs by "Process.Name", activity outputs by "Process.Activity.Name". */
        final Map<String, Integer> inputs = new HashMap<>();
        final Map<String, Integer> outputs = new HashMap<>();
        final Map<String, Integer> activityOutputs = new HashMap<>();
        final Map<String, Integer> processStatuses = new HashMap<>();
        final Map<String, Integer> activityStatuses = new HashMap<>();

        int process(String name) {
            return get(processes, name);
        }

        int activity(String process, String activity) {
            return get(activities, process + "." + activity);
        }

        int processStatus(String name) {
            return get(processStatuses, name);
        }

        int activityStatus(String name) {
            return get(activityStatuses, name);
        }

        private static int get(Map<String, Integer> ids, String key) {
            Integer id = ids.get(key);
            if (id == null) {
                throw new IllegalStateException("no BPT definition " + key + " in this environment");
            }
            return id;
        }
    }

    private BptDefinitions() {
    }

    static Ids write(Generation g, MetamodelRows.Ids metamodel) throws SQLException {
        Ids ids = new Ids();
        Map<String, Integer> kinds = named(g, "OSSYS_BPM_ACTIVITY_KIND", BptModel.ACTIVITY_KINDS, 20);
        statuses(g, "OSSYS_BPM_PROCESS_STATUS", BptModel.PROCESS_STATUSES, 10, ids.processStatuses);
        statuses(g, "OSSYS_BPM_ACTIVITY_STATUS", BptModel.ACTIVITY_STATUSES, 30, ids.activityStatuses);
        List<Process> processes = BptModel.processes(g.side);
        for (int i = 0; i < processes.size(); i++) {
            ids.processes.put(processes.get(i).name(), g.localId(i, processes.size(), 40));
        }
        try (RowSink sink = g.sink("OSSYS_BPM_PROCESS_DEFINITION", "ID", "NAME", "LABEL", "DESCRIPTION", "SS_KEY",
                "IS_ACTIVE", "ESPACE_ID", "IS_LOCKED", "LOCKED_DATE", "LOCKED_BY", "PROCESS_ENTITY_ID")) {
            for (int i : g.insertionOrder(processes.size())) {
                Process p = processes.get(i);
                sink.add(ids.process(p.name()), p.name(), label(p.name()), "Process " + p.name(), p.ssKey(),
                        g.flag(active(g, p)), metamodel.espaces().get(p.module()), g.flag(false),
                        SampleSolution.EMPTY_DATE_TIME, null, null);
            }
        }
        activities(g, processes, ids, kinds, metamodel.roles());
        values(g, processes, ids);
        return ids;
    }

    private static boolean active(Generation g, Process p) {
        return g.side.isSource() || p.presence() != BptModel.Presence.INACTIVE_IN_DESTINATION;
    }

    private static void activities(Generation g, List<Process> processes, Ids ids, Map<String, Integer> kinds,
                                   Map<String, Integer> roles) throws SQLException {
        List<Process> owners = new ArrayList<>();
        List<Activity> all = new ArrayList<>();
        for (Process p : processes) {
            for (Activity a : p.activities()) {
                owners.add(p);
                all.add(a);
            }
        }
        for (int i = 0; i < all.size(); i++) {
            ids.activities.put(owners.get(i).name() + "." + all.get(i).name(), g.localId(i, all.size(), 200));
        }
        try (RowSink sink = g.sink("OSSYS_BPM_ACTIVITY_DEFINITION", "ID", "SS_KEY", "NAME", "LABEL", "DESCRIPTION",
                "INBOX_INSTRUCTIONS", "KIND", "PROCESS_DEF_ID", "IS_ACTIVE", "DISPLAY_X", "DISPLAY_Y",
                "INVOKED_PROCESS_DEF_ID", "REQUIRES_PERMISSION", "SKIPPABLE")) {
            for (int i : g.insertionOrder(all.size())) {
                Process p = owners.get(i);
                Activity a = all.get(i);
                boolean human = a.kind().equals(BptModel.HUMAN);
                sink.add(ids.activity(p.name(), a.name()), SampleSolution.activitySsKey(p.module(), p.name(), a.name()),
                        a.name(), label(a.name()), null, human ? "Please " + label(a.name()).toLowerCase() : null,
                        kinds.get(a.kind()), ids.process(p.name()), g.flag(active(g, p)), 100 * (i % 7), 80 * (i % 3),
                        a.invokes() == null ? null : ids.process(a.invokes()), g.flag(human), g.flag(false));
            }
        }
        try (RowSink sink = g.sink("OSSYS_BPM_ACTIVITY_DEF_ROLE", "ID", "ACTIVITY_DEF_ID", "ROLE_ID")) {
            int id = g.side.isSource() ? 1 : 60;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).role() != null) {
                    sink.add(id++, ids.activity(owners.get(i).name(), all.get(i).name()), roles.get(all.get(i).role()));
                }
            }
        }
    }

    /** Process inputs and outputs, activity outputs: one table at a time (a PostgreSQL connection copies one at a time). */
    private static void values(Generation g, List<Process> processes, Ids ids) throws SQLException {
        int base = g.side.isSource() ? 1 : 300;
        List<Object[]> inputs = new ArrayList<>();
        List<Object[]> outputs = new ArrayList<>();
        List<Object[]> activityOutputs = new ArrayList<>();
        for (Process p : processes) {
            Object active = g.flag(active(g, p));
            for (Value v : p.inputs()) {
                int id = base + ids.inputs.size();
                ids.inputs.put(p.name() + "." + v.name(), id);
                inputs.add(new Object[] {id, SampleSolution.bptValueSsKey("input", p.module(), p.name(), v.name()),
                    ids.process(p.name()), v.name(), null, active, v.dataType(), g.flag(v.refModule() != null), null,
                    v.ssType()});
            }
            for (Value v : p.outputs()) {
                int id = base + 100 + ids.outputs.size();
                ids.outputs.put(p.name() + "." + v.name(), id);
                outputs.add(new Object[] {id, SampleSolution.bptValueSsKey("output", p.module(), p.name(), v.name()),
                    ids.process(p.name()), v.name(), null, active, v.dataType(), null, v.ssType()});
            }
            for (Activity a : p.activities()) {
                for (Value v : a.outputs()) {
                    int id = base + 200 + ids.activityOutputs.size();
                    ids.activityOutputs.put(p.name() + "." + a.name() + "." + v.name(), id);
                    activityOutputs.add(new Object[] {id, SampleSolution.bptValueSsKey("activity-output", p.module(),
                        p.name() + "." + a.name(), v.name()), ids.activity(p.name(), a.name()), v.name(), null, active,
                        v.dataType(), g.flag(false), g.flag(false), null, v.ssType()});
                }
            }
        }
        write(g, inputs, "OSSYS_BPM_PROCESS_INPUT_DEF", "ID", "SS_KEY", "PROCESS_DEF_ID", "NAME", "DESCRIPTION", "IS_ACTIVE",
                "DATA_TYPE", "IS_MANDATORY", "DEFAULT_VALUE", "SS_TYPE");
        write(g, outputs, "OSSYS_BPM_PROCESS_OUTPUT_DEF", "ID", "SS_KEY", "PROCESS_DEF_ID", "NAME", "DESCRIPTION",
                "IS_ACTIVE", "DATA_TYPE", "DEFAULT_VALUE", "SS_TYPE");
        write(g, activityOutputs, "OSSYS_BPM_ACTIVITY_OUTPUT_DEF", "ID", "SS_KEY", "ACTIVITY_DEF_ID", "NAME", "DESCRIPTION",
                "IS_ACTIVE", "DATA_TYPE", "IS_INPUT", "IS_MANDATORY", "DEFAULT_VALUE", "SS_TYPE");
    }

    private static void write(Generation g, List<Object[]> rows, String table, String... columns) throws SQLException {
        try (RowSink sink = g.sink(table, columns)) {
            for (Object[] row : rows) {
                sink.add(row);
            }
        }
    }

    private static Map<String, Integer> named(Generation g, String table, List<String> names, int destinationBase)
            throws SQLException {
        Map<String, Integer> ids = new HashMap<>();
        try (RowSink sink = g.sink(table, "ID", "NAME")) {
            for (int i : g.insertionOrder(names.size())) {
                int id = g.localId(i, names.size(), destinationBase);
                ids.put(names.get(i), id);
                sink.add(id, names.get(i));
            }
        }
        return ids;
    }

    private static void statuses(Generation g, String table, List<Status> statuses, int destinationBase,
                                 Map<String, Integer> ids) throws SQLException {
        boolean activity = table.contains("ACTIVITY");
        try (RowSink sink = activity ? g.sink(table, "ID", "NAME", "IS_TERMINAL", "APPEARS_IN_INBOX")
                : g.sink(table, "ID", "NAME", "IS_TERMINAL")) {
            for (int i : g.insertionOrder(statuses.size())) {
                Status s = statuses.get(i);
                int id = g.localId(i, statuses.size(), destinationBase);
                ids.put(s.name(), id);
                if (activity) {
                    sink.add(id, s.name(), g.flag(s.terminal()), g.flag(s.inbox()));
                } else {
                    sink.add(id, s.name(), g.flag(s.terminal()));
                }
            }
        }
    }

    /** "OrderFulfillment" → "Order Fulfillment", as Service Studio labels a definition. */
    private static String label(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1 $2");
    }
}
