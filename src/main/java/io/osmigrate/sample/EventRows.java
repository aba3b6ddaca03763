package io.osmigrate.sample;

import static io.osmigrate.sample.SampleSolution.ORDERS_CORE;
import static io.osmigrate.sample.SampleSolution.PROCESS_LEGACY_APPROVAL;
import static io.osmigrate.sample.SampleSolution.PROCESS_ORDER_AUDIT;
import static io.osmigrate.sample.SampleSolution.PROCESS_ORDER_FULFILLMENT;
import static io.osmigrate.sample.SampleSolution.PROCESS_TICKET_TRIAGE;
import static io.osmigrate.sample.SampleSolution.PROCESS_USER_WELCOME;
import static io.osmigrate.sample.SampleSolution.SERVICE_CENTER;
import static io.osmigrate.sample.SampleSolution.SUPPORT_CORE;
import static io.osmigrate.sample.SampleSolution.TENANT_USERS;

import io.osmigrate.sample.ModelTypes.Entity;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OSEVT_* subscriptions of one environment and, in one scenario, its pending events. Publishing leaves a
 * launch subscription per process that starts on an entity's create or update (_PROCESS_DEF_ID set); each
 * live wait or human activity holds one for the event that closes it (_ACTIVITY_ID set, see
 * {@link BptInstances}). The destination also keeps two stale rows: the launch subscription of a process
 * deleted there (its definition is inactive) and the subscription of an activity that no longer exists.
 */
final class EventRows {

    /** An activity id no instance has: the stale subscription's. */
    static final int VANISHED_ACTIVITY = 999_999;

    /** A launch subscription of {@code process} on {@code module.entity}; {@code tenant} null means any tenant. */
    private record Launch(String module, String entity, String process, boolean update, boolean light, String tenant) {
    }

    private static final List<Launch> LAUNCHES = List.of(
            new Launch(ORDERS_CORE, "Order", PROCESS_ORDER_FULFILLMENT, false, false, null),
            new Launch(ORDERS_CORE, "Order", PROCESS_LEGACY_APPROVAL, true, false, null),
            new Launch(ORDERS_CORE, "Order", PROCESS_ORDER_AUDIT, false, false, null),
            new Launch(SUPPORT_CORE, "Ticket", PROCESS_TICKET_TRIAGE, false, false, null),
            new Launch(SERVICE_CENTER, SampleModel.USER, PROCESS_USER_WELCOME, false, true, TENANT_USERS));

    private EventRows() {
    }

    static void write(Generation g, Map<String, Integer> espaces, BptDefinitions.Ids defs, BptInstances instances,
                      UserDirectory users) throws SQLException {
        Map<Entity, List<Object[]>> rows = new LinkedHashMap<>();
        for (Launch l : LAUNCHES) {
            if (BptModel.process(l.process()).presence().in(g.side)) {
                Entity e = g.model.entity(l.module(), l.entity());
                String processModule = BptModel.process(l.process()).module();
                rows.computeIfAbsent(e, k -> new ArrayList<>()).add(row(g, e, espaces.get(processModule),
                        l.tenant() == null ? null : users.tenantId(l.tenant()), null, defs.process(l.process()),
                        l.update(), l.light(), null));
            }
        }
        for (BptInstances.ActivitySubscription s : instances.subscriptions) {
            Entity e = g.model.entity(s.module(), s.entity());
            rows.computeIfAbsent(e, k -> new ArrayList<>()).add(row(g, e, espaces.get(s.module()), s.tenant(), s.activity(),
                    null, true, false, s.recordId()));
        }
        if (!g.side.isSource()) {
            Entity ticket = g.model.entity(SUPPORT_CORE, "Ticket");
            rows.get(ticket).add(row(g, ticket, espaces.get(SUPPORT_CORE), users.tenantId(TENANT_USERS), VANISHED_ACTIVITY,
                    null, true, false, null));
        }
        for (Map.Entry<Entity, List<Object[]>> table : rows.entrySet()) {
            Entity e = table.getKey();
            List<String> columns = new ArrayList<>(Arrays.asList(EventDdl.PLATFORM_COLUMNS));
            columns.add(e.identifier().column());
            e.eventAttributes().forEach(a -> columns.add(e.attribute(a).column()));
            try (RowSink sink = g.sink(e.eventTable(), columns.toArray(String[]::new))) {
                for (Object[] row : table.getValue()) {
                    sink.add(row);
                }
            }
        }
        if (!g.side.isSource() && g.options.pendingDestinationEvents()) {
            pendingEvents(g, espaces, defs, users);
        }
    }

    private static Object[] row(Generation g, Entity e, int espace, Integer tenant, Integer activity, Integer process,
                                boolean update, boolean light, Long recordId) {
        Object[] row = new Object[EventDdl.PLATFORM_COLUMNS.length + 1 + e.eventAttributes().size()];
        row[0] = espace;
        row[1] = tenant;
        row[2] = activity;
        row[3] = process;
        row[4] = g.flag(update);
        row[5] = g.flag(light);
        row[6] = recordId == null ? null : e.identifier().kind() == ModelTypes.ColumnKind.INT ? (Object) recordId.intValue()
                : recordId;
        return row;
    }

    /** Events the destination's scheduler has not processed yet: launches of OrderFulfillment for three orders. */
    private static void pendingEvents(Generation g, Map<String, Integer> espaces, BptDefinitions.Ids defs,
                                      UserDirectory users) throws SQLException {
        LocalDateTime queued = LocalDateTime.of(2026, 11, 30, 23, 55);
        try (RowSink sink = g.sink("OSSYS_BPM_EVENT_QUEUE", "ID", "ESPACE_ID", "TENANT_ID", "ACTIVITY_ID", "PROCESS_DEF_ID",
                "DATA_ID", "ENQUEUE_TIME", "ERROR_COUNT", "NEXT_RUN")) {
            for (int i = 1; i <= 3; i++) {
                sink.add(i, espaces.get(ORDERS_CORE), users.tenantId(SampleSolution.TENANT_ACME), null,
                        defs.process(PROCESS_ORDER_FULFILLMENT), Integer.toString(i), queued.plusMinutes(i), 0,
                        queued.plusMinutes(i));
            }
        }
    }
}
