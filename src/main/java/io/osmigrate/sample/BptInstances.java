package io.osmigrate.sample;

import static io.osmigrate.sample.SampleSolution.EMPTY_DATE_TIME;
import static io.osmigrate.sample.SampleSolution.ORDERS_CORE;
import static io.osmigrate.sample.SampleSolution.PROCESS_LEGACY_APPROVAL;
import static io.osmigrate.sample.SampleSolution.PROCESS_ORDER_FULFILLMENT;
import static io.osmigrate.sample.SampleSolution.PROCESS_PAYMENT_CHECK;
import static io.osmigrate.sample.SampleSolution.PROCESS_TICKET_TRIAGE;
import static io.osmigrate.sample.SampleSolution.PROCESS_USER_WELCOME;
import static io.osmigrate.sample.SampleSolution.SUPPORT_CORE;
import static io.osmigrate.sample.SampleSolution.TENANT_ACME;
import static io.osmigrate.sample.SampleSolution.TENANT_GLOBEX;
import static io.osmigrate.sample.SampleSolution.TENANT_USERS;

import io.osmigrate.sample.BptModel.Value;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * BPT process instances of one environment, and the subscriptions their live activities hold. The source
 * has one OrderFulfillment per ~250 requested rows, each at one of four stages (review open, payment running
 * in a sub-process launched by its CheckPayment activity, waiting for the order to change, closed), plus
 * ticket triages (open and closed), user welcomes and instances of the source-only LegacyApproval. The
 * destination has a few instances of its own, whose waits and human activities listen for events.
 *
 * <p>Value texts of reference-typed inputs and outputs hold ids of the environment's rows (orders, tickets,
 * customers, users); a root process's TOP_PROCESS_ID is its own id; unassigned human activities hold USER_ID 0
 * and the Sales group; some running automatic activities carry the scheduler's markers, errored ones an id of
 * a log row that no migration moves.
 */
final class BptInstances {

    /**
     * The OSEVT row a live activity holds, on the table of {@code module.entity} (the process's own module): a
     * close-on event of one record ({@code recordId}) or of any (null).
     */
    record ActivitySubscription(String module, String entity, int tenant, int activity, Long recordId) {
    }

    /** A root OrderFulfillment and the order it was launched for: OrderTracking rows point at both. */
    record Fulfillment(int index, long order, int process) {
    }

    private final Generation g;
    private final BptDefinitions.Ids defs;
    private final UserDirectory users;
    private final List<Object[]> processes = new ArrayList<>();
    private final List<Object[]> activities = new ArrayList<>();
    private final List<Object[]> inputs = new ArrayList<>();
    private final List<Object[]> outputs = new ArrayList<>();
    private final List<Object[]> activityOutputs = new ArrayList<>();
    final List<ActivitySubscription> subscriptions = new ArrayList<>();
    final List<Fulfillment> fulfillments = new ArrayList<>();
    private int nextProcess;
    private int nextActivity;
    private int nextValue;

    private BptInstances(Generation g, BptDefinitions.Ids defs, UserDirectory users) {
        this.g = g;
        this.defs = defs;
        this.users = users;
        int base = g.side.isSource() ? 1 : 5001; // the destination's own instances sit elsewhere in the id range
        nextProcess = base;
        nextActivity = base;
        nextValue = base;
    }

    /** How many root OrderFulfillment processes the source holds for a requested total of rows. */
    static int fulfillments(long rows) {
        return (int) Math.max(6, rows / 250);
    }

    static BptInstances write(Generation g, BptDefinitions.Ids defs, UserDirectory users) throws SQLException {
        BptInstances b = new BptInstances(g, defs, users);
        if (g.side.isSource()) {
            b.source();
        } else {
            b.destination();
        }
        b.flush();
        return b;
    }

    private void source() {
        int roots = fulfillments(g.options.rows());
        long orders = g.sizes.orders();
        for (int r = 1; r <= roots; r++) {
            long order = 1 + (r - 1) * (orders / roots);
            orderFulfillment(r, (r - 1) % 4, order, users.tenantId(r % 2 == 0 ? TENANT_ACME : TENANT_GLOBEX));
        }
        int triages = (int) Math.max(4, g.options.rows() / 600);
        long tickets = g.sizes.tickets();
        for (int t = 1; t <= triages; t++) {
            ticketTriage(t, t % 2 == 1, 1 + (t - 1) * (tickets / triages), (long) t);
        }
        for (int w = 1; w <= 2; w++) {
            userWelcome(w);
        }
        for (int l = 1; l <= 2; l++) {
            legacyApproval(l);
        }
    }

    /** A few live instances of the destination's own: their subscriptions are what triggers-off must save. */
    private void destination() {
        for (int r = 1; r <= 3; r++) {
            orderFulfillment(r, 2, r, users.tenantId(TENANT_ACME));
        }
        ticketTriage(1, true, 1, null);
    }

    /** Stage 0: review open; 1: payment running in a sub-process; 2: waiting for the order to change; 3: closed. */
    private void orderFulfillment(int r, int stage, long order, int tenant) {
        SplittableRandom rnd = RowRandom.of(g.seed(), g.side + "Process", r);
        int creator = users.endUser(rnd);
        Run run = new Run(PROCESS_ORDER_FULFILLMENT, tenant, ValuePools.dateTime(rnd), creator,
                "Order " + ValuePools.padded("ORD-", order, 8), null, null, stage == 3);
        if (g.side.isSource()) {
            fulfillments.add(new Fulfillment(r, order, run.id));
        }
        run.input("OrderId", Long.toString(order), true);
        run.input("Priority", rnd.nextBoolean() ? "High" : "Normal", false);
        run.closed(BptModel.START, null);
        int reviewer = users.endUser(rnd);
        if (stage == 0) {
            boolean unassigned = r % 8 == 1; // a group's inbox: no user yet
            run.open("ReviewOrder", "Ready", unassigned ? 0 : reviewer, unassigned ? salesGroup() : null);
            return;
        }
        int review = run.closed("ReviewOrder", reviewer);
        activityOutput(run, review, "ReviewOrder", "Approved", "True");
        activityOutput(run, review, "ReviewOrder", "ReviewedBy", Integer.toString(reviewer));
        if (stage == 1) {
            int check = run.open("CheckPayment", "Waiting", null, null);
            paymentCheck(run, check, order, false, r % 8 == 2);
            return;
        }
        int check = run.closed("CheckPayment", null);
        paymentCheck(run, check, order, true, false);
        if (stage == 2) {
            int wait = run.open("WaitForShipment", "Listening", null, null);
            subscriptions.add(new ActivitySubscription(ORDERS_CORE, "Order", tenant, wait,
                    g.side.isSource() ? (Long) order : null));
            return;
        }
        run.closed("WaitForShipment", null);
        run.closed("Ship", null);
        run.closed(BptModel.END, null);
        run.output("ShippedOn", ValuePools.dateTime(rnd).toString().replace('T', ' '));
    }

    /** The sub-process that CheckPayment launched: its parent is the activity's process, its top the root. */
    private void paymentCheck(Run parent, int check, long order, boolean closed, boolean errored) {
        Run run = new Run(PROCESS_PAYMENT_CHECK, parent.tenant, parent.clock, parent.creator, "Payment of order " + order,
                parent.id, check, closed);
        run.input("OrderId", Long.toString(order), false);
        run.input("Amount", (order % 900 + 100) + "." + (order % 100 < 10 ? "0" : "") + order % 100, false);
        run.closed(BptModel.START, null);
        if (closed) {
            run.closed("Authorize", null);
            run.closed(BptModel.END, null);
            run.output("Approved", "True");
        } else if (errored) {
            run.failed("Authorize", "err-" + Long.toHexString(RowRandom.mix(order + g.seed())));
        } else {
            run.running("Authorize");
        }
    }

    private void ticketTriage(int t, boolean open, long ticket, Long subscribedRecord) {
        SplittableRandom rnd = RowRandom.of(g.seed(), g.side + "Triage", t);
        int requester = users.endUser(rnd);
        int agent = users.endUser(rnd);
        Run run = new Run(PROCESS_TICKET_TRIAGE, users.tenantId(TENANT_USERS), ValuePools.dateTime(rnd), requester,
                "Ticket " + ticket, null, null, !open);
        run.input("TicketId", Long.toString(ticket), true);
        run.input("RequestedBy", Integer.toString(requester), false);
        run.closed(BptModel.START, null);
        if (open) {
            int triage = run.open("Triage", "Ready", t % 4 == 1 ? 0 : agent, null);
            subscriptions.add(new ActivitySubscription(SUPPORT_CORE, "Ticket", run.tenant, triage, subscribedRecord));
            return;
        }
        int triage = run.closed("Triage", agent);
        activityOutput(run, triage, "Triage", "CustomerId", Long.toString(1 + rnd.nextLong(g.sizes.customers())));
        activityOutput(run, triage, "Triage", "Escalate", "False");
        run.closed("NotifyCustomer", null);
        run.closed(BptModel.END, null);
        run.output("AssignedAgent", Integer.toString(agent));
    }

    private void userWelcome(int w) {
        SplittableRandom rnd = RowRandom.of(g.seed(), "Welcome", w);
        int user = users.endUser(rnd);
        Run run = new Run(PROCESS_USER_WELCOME, users.tenantId(TENANT_USERS), ValuePools.dateTime(rnd), user,
                "Welcome " + user, null, null, true);
        run.input("UserId", Integer.toString(user), true);
        run.closed(BptModel.START, null);
        run.closed("SendWelcome", null);
        run.closed(BptModel.END, null);
    }

    private void legacyApproval(int l) {
        SplittableRandom rnd = RowRandom.of(g.seed(), "Legacy", l);
        int approver = users.endUser(rnd);
        Run run = new Run(PROCESS_LEGACY_APPROVAL, users.tenantId(TENANT_GLOBEX), ValuePools.dateTime(rnd), approver,
                "Approval " + l, null, null, false);
        run.input("OrderId", Integer.toString(l), false);
        run.closed(BptModel.START, null);
        run.open("Approve", "Ready", approver, null);
    }

    private int salesGroup() {
        return g.side.isSource() ? UserRows.SOURCE_SALES_GROUP : UserRows.DESTINATION_SALES_GROUP;
    }

    private void activityOutput(Run run, int activity, String activityName, String name, String text) {
        Value v = definition(BptModel.process(run.process).activity(activityName).outputs(), name);
        activityOutputs.add(new Object[] {run.tenant, nextValue++,
            defs.activityOutputs.get(run.process + "." + activityName + "." + name), activity,
            SampleSolution.bptValueSsKey("activity-output", module(run.process), run.process + "." + activityName, name),
            name, v.dataType(), text, v.ssType()});
    }

    private static Value definition(List<Value> values, String name) {
        return values.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no value definition " + name));
    }

    private static String module(String process) {
        return BptModel.process(process).module();
    }

    private void flush() throws SQLException {
        write("OSSYS_BPM_PROCESS", processes, "TENANT_ID", "ID", "LABEL", "CREATED", "CREATED_BY", "PROCESS_DEF_ID",
                "PARENT_PROCESS_ID", "PARENT_ACTIVITY_ID", "TOP_PROCESS_ID", "STATUS_ID", "LAST_MODIFIED",
                "LAST_MODIFIED_BY", "SUSPENDED_DATE", "SUSPENDED_BY");
        write("OSSYS_BPM_ACTIVITY", activities, "TENANT_ID", "ID", "ACTIVITY_DEF_ID", "PROCESS_ID", "NAME", "USER_ID",
                "CREATED", "OPENED", "CLOSED", "STATUS_ID", "IS_RUNNING_SINCE", "IS_RUNNING_AT", "NEXT_RUN",
                "PRECEDENT_ACTIVITY_ID", "PRECEDENT_OUTCOME", "DUE_DATE", "INBOX_DETAIL", "EXPIRED", "SKIPPED",
                "ERROR_COUNT", "LAST_ERROR_ID", "LAST_MODIFIED", "GROUP_ID");
        write("OSSYS_BPM_PROCESS_INPUT", inputs, "TENANT_ID", "ID", "INPUT_DEF_ID", "PROCESS_ID", "ACTIVITY_ID",
                "SS_KEY", "NAME", "DATA_TYPE", "INPUT_VALUE", "SS_TYPE");
        write("OSSYS_BPM_PROCESS_OUTPUT", outputs, "TENANT_ID", "ID", "OUTPUT_DEF_ID", "PROCESS_ID", "SS_KEY", "NAME",
                "DATA_TYPE", "OUTPUT_VALUE", "SS_TYPE");
        write("OSSYS_BPM_ACTIVITY_OUTPUT", activityOutputs, "TENANT_ID", "ID", "OUTPUT_DEF_ID", "ACTIVITY_ID", "SS_KEY",
                "NAME", "DATA_TYPE", "OUTPUT_VALUE", "SS_TYPE");
    }

    private void write(String table, List<Object[]> rows, String... columns) throws SQLException {
        try (RowSink sink = g.sink(table, columns)) {
            for (Object[] row : rows) {
                sink.add(row);
            }
        }
    }

    /** One process instance being written: its activities follow each other, each the precedent of the next. */
    private final class Run {
        final String process;
        final int id;
        final int tenant;
        final int creator;
        LocalDateTime clock;
        private Integer last;

        Run(String process, int tenant, LocalDateTime created, int creator, String label, Integer parent,
            Integer parentActivity, boolean closed) {
            this.process = process;
            this.id = nextProcess++;
            this.tenant = tenant;
            this.creator = creator;
            this.clock = created;
            processes.add(new Object[] {tenant, id, label, created, creator, defs.process(process), parent,
                parentActivity, parent == null ? id : top(parent), defs.processStatus(closed ? "Closed" : "Active"),
                created.plusHours(2), creator, EMPTY_DATE_TIME, null});
        }

        /** The root of a parent process: a sub-process's TOP_PROCESS_ID. */
        private int top(int parent) {
            for (Object[] p : processes) {
                if ((int) p[1] == parent) {
                    return (int) p[8];
                }
            }
            throw new IllegalStateException("no process " + parent);
        }

        void input(String name, String text, boolean launchedByEvent) {
            Value v = definition(BptModel.process(process).inputs(), name);
            String key = SampleSolution.bptValueSsKey("input", module(process), process, name);
            // the input an event launch fills carries the platform's suffix on its SS_KEY
            inputs.add(new Object[] {tenant, nextValue++, defs.inputs.get(process + "." + name), id, null,
                launchedByEvent ? key + ".#EventGeneratedInput" : key, name, v.dataType(), text, v.ssType()});
        }

        void output(String name, String text) {
            Value v = definition(BptModel.process(process).outputs(), name);
            outputs.add(new Object[] {tenant, nextValue++, defs.outputs.get(process + "." + name), id,
                SampleSolution.bptValueSsKey("output", module(process), process, name), name, v.dataType(), text,
                v.ssType()});
        }

        int closed(String activity, Integer user) {
            return add(activity, "Closed", user, null, false, 0, null);
        }

        int open(String activity, String status, Integer user, Integer group) {
            return add(activity, status, user, group, false, 0, null);
        }

        /** An automatic activity the scheduler is executing: its running markers are set. */
        int running(String activity) {
            return add(activity, "Running", null, null, true, 0, null);
        }

        int failed(String activity, String logErrorId) {
            return add(activity, "Error", null, null, false, 3, logErrorId);
        }

        private int add(String activity, String status, Integer user, Integer group, boolean running, int errors,
                        String lastError) {
            boolean human = BptModel.process(process).activity(activity).kind().equals(BptModel.HUMAN);
            boolean closed = status.equals("Closed");
            int activityId = nextActivity++;
            LocalDateTime created = clock;
            clock = clock.plusMinutes(7 + activityId % 50);
            activities.add(new Object[] {tenant, activityId, defs.activity(process, activity), id, activity, user, created,
                human ? created.plusMinutes(3) : created, closed ? clock : EMPTY_DATE_TIME,
                defs.activityStatus(status), running ? created.plusMinutes(1) : EMPTY_DATE_TIME,
                running ? "osapp-01" : null, closed || status.equals("Ready") ? EMPTY_DATE_TIME : clock.plusHours(1),
                last, null, human ? created.plusDays(2) : EMPTY_DATE_TIME,
                human ? "Please look at " + activity + " of process " + id : null, g.flag(false), g.flag(false),
                errors, lastError, clock, group});
            last = activityId;
            return activityId;
        }
    }
}
