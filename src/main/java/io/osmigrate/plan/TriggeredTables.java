package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.osmigrate.metamodel.Entity;
import io.osmigrate.metamodel.Metamodel;

/**
 * Finds the destination's BPT event tables a run must empty before it writes: those of the destination twins
 * of the moved entities, and those of the platform tables the users phase writes (User, user roles, groups).
 * An OutSystems trigger on a table queues an event for every inserted or updated row that an OSEVT_* row
 * subscribes to; with the table's OSEVT_* rows saved and deleted first, inserting queues nothing. Also warns
 * when the destination's event queues hold events its scheduler has not processed: osmigrate never copies
 * them, and they may point at rows a run replaces.
 */
public final class TriggeredTables {

    /** The platform tables the users phase writes. */
    static final List<String> USERS_PHASE_TABLES = List.of("OSSYS_USER", "OSSYS_USER_ROLE", "OSSYS_GROUP",
            "OSSYS_GROUP_USER", "OSSYS_GROUP_ROLE");
    private static final List<String> QUEUES = List.of("OSSYS_BPM_EVENT_QUEUE", "OSSYS_BPM_EVENT");

    private TriggeredTables() {
    }

    /** The plan with its triggered tables, counted in the destination, and the findings about them. */
    public static Plan apply(Plan plan, EnvironmentView destination) {
        Metamodel dst = destination.metamodel();
        Map<String, TriggeredTable> tables = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (PlannedEntity e : plan.moved()) {
            dst.entity(e.entity().key()).ifPresent(d -> add(d, "data", destination, tables, findings));
        }
        if (plan.users() != null) {
            for (String table : USERS_PHASE_TABLES) {
                dst.systemEntityByTable(table).ifPresent(d -> add(d, "users", destination, tables, findings));
            }
        }
        for (String queue : QUEUES) {
            Optional<String> actual = destination.catalog().table(queue);
            long pending = actual.map(t -> destination.rows().count(t)).orElse(0L);
            if (pending > 0) {
                findings.add(Finding.warning("bpt-events-pending", actual.get(), String.format(Locale.ROOT,
                        "the destination's %s holds %,d BPT events its scheduler has not processed yet; osmigrate never"
                                + " copies or deletes them, and they may launch processes or close activities for rows a run"
                                + " replaces. Let the destination process them (or empty the table) before the run",
                        actual.get(), pending)));
            }
        }
        return plan.withTriggersOff(List.copyOf(tables.values()), findings);
    }

    private static void add(Entity entity, String writtenBy, EnvironmentView destination, Map<String, TriggeredTable> tables,
                            List<Finding> findings) {
        if (entity.eventTable() == null || tables.containsKey(entity.eventTable().toUpperCase(Locale.ROOT))) {
            return;
        }
        Optional<String> actual = destination.catalog().table(entity.eventTable());
        if (actual.isEmpty()) {
            findings.add(Finding.warning("event-table-missing", entity.qualifiedName(), entity.qualifiedName()
                    + " has BPT triggers in the destination, but its event table " + entity.eventTable() + " is not there:"
                    + " no subscription of it can be saved, and writing its rows may queue BPT events"));
            return;
        }
        tables.put(entity.eventTable().toUpperCase(Locale.ROOT), new TriggeredTable(EntityRef.of(entity), actual.get(),
                destination.rows().count(actual.get()), writtenBy));
    }
}
