package io.osmigrate.sample;

import static io.osmigrate.sample.SampleSolution.ORDERS_CORE;
import static io.osmigrate.sample.SampleSolution.PROCESS_LEGACY_APPROVAL;
import static io.osmigrate.sample.SampleSolution.PROCESS_ORDER_AUDIT;
import static io.osmigrate.sample.SampleSolution.PROCESS_ORDER_FULFILLMENT;
import static io.osmigrate.sample.SampleSolution.PROCESS_PAYMENT_CHECK;
import static io.osmigrate.sample.SampleSolution.PROCESS_TICKET_TRIAGE;
import static io.osmigrate.sample.SampleSolution.PROCESS_USER_WELCOME;
import static io.osmigrate.sample.SampleSolution.ROLE_ORDER_MANAGER;
import static io.osmigrate.sample.SampleSolution.ROLE_SUPPORT_AGENT;
import static io.osmigrate.sample.SampleSolution.SERVICE_CENTER;
import static io.osmigrate.sample.SampleSolution.SUPPORT_CORE;

import java.util.List;

/**
 * The BPT definitions of the sample solution, as data both environments publish: processes with their
 * activities, inputs and outputs, the platform's activity kinds and statuses. Two definitions drift: one is
 * published only to the source, one was deleted in the destination (its row is inactive).
 */
final class BptModel {

    static final String START = "Start";
    static final String HUMAN = "Human Activity";
    static final String AUTOMATIC = "Automatic Activity";
    static final String WAIT = "Wait";
    static final String EXECUTE_PROCESS = "Execute Process";
    static final String END = "End";
    static final List<String> ACTIVITY_KINDS = List.of(START, HUMAN, AUTOMATIC, WAIT, EXECUTE_PROCESS, END);

    /** A process or activity status: {@code inbox} only for activities. */
    record Status(String name, boolean terminal, boolean inbox) {
    }

    static final List<Status> PROCESS_STATUSES = List.of(new Status("Active", false, false),
            new Status("Closed", true, false), new Status("Suspended", false, false), new Status("Terminated", true, false));
    static final List<Status> ACTIVITY_STATUSES = List.of(new Status("Scheduled", false, false),
            new Status("Ready", false, true), new Status("Running", false, false), new Status("Waiting", false, false),
            new Status("Error", false, false), new Status("Listening", false, false), new Status("Closed", true, false));

    /** Where a definition is published. */
    enum Presence {
        BOTH, SOURCE_ONLY, INACTIVE_IN_DESTINATION;

        boolean in(Side side) {
            return side.isSource() ? this != INACTIVE_IN_DESTINATION : this != SOURCE_ONLY;
        }
    }

    /**
     * A process input or output, or an activity output. A reference-typed one names the entity whose id its
     * value text holds; its SS_TYPE is then that entity's {@code bt…} type.
     */
    record Value(String name, String dataType, String refModule, String refEntity) {

        static Value plain(String name, String dataType) {
            return new Value(name, dataType, null, null);
        }

        static Value ref(String name, String dataType, String module, String entity) {
            return new Value(name, dataType, module, entity);
        }

        String ssType() {
            return refModule == null ? dataType : SampleSolution.referenceType(refModule, refEntity);
        }
    }

    /** An activity definition: a human one has a role; an Execute Process one names the process it launches. */
    record Activity(String name, String kind, String role, String invokes, List<Value> outputs) {

        static Activity of(String name, String kind) {
            return new Activity(name, kind, null, null, List.of());
        }
    }

    record Process(String module, String name, Presence presence, List<Activity> activities, List<Value> inputs,
                   List<Value> outputs) {

        String ssKey() {
            return SampleSolution.processSsKey(module, name);
        }

        Activity activity(String activityName) {
            return activities.stream().filter(a -> a.name().equals(activityName)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " has no activity " + activityName));
        }
    }

    static final List<Process> PROCESSES = List.of(
            new Process(ORDERS_CORE, PROCESS_ORDER_FULFILLMENT, Presence.BOTH, List.of(
                    Activity.of(START, START),
                    new Activity("ReviewOrder", HUMAN, ROLE_ORDER_MANAGER, null, List.of(
                            Value.plain("Approved", "rtBoolean"),
                            Value.ref("ReviewedBy", "rtInteger", SERVICE_CENTER, SampleModel.USER))),
                    new Activity("CheckPayment", EXECUTE_PROCESS, null, PROCESS_PAYMENT_CHECK, List.of()),
                    Activity.of("WaitForShipment", WAIT),
                    Activity.of("Ship", AUTOMATIC),
                    Activity.of(END, END)),
                    List.of(Value.ref("OrderId", "rtLongInteger", ORDERS_CORE, "Order"), Value.plain("Priority", "rtText")),
                    List.of(Value.plain("ShippedOn", "rtDateTime"))),
            new Process(ORDERS_CORE, PROCESS_PAYMENT_CHECK, Presence.BOTH, List.of(
                    Activity.of(START, START), Activity.of("Authorize", AUTOMATIC), Activity.of(END, END)),
                    List.of(Value.ref("OrderId", "rtLongInteger", ORDERS_CORE, "Order"), Value.plain("Amount", "rtCurrency")),
                    List.of(Value.plain("Approved", "rtBoolean"))),
            new Process(SUPPORT_CORE, PROCESS_TICKET_TRIAGE, Presence.BOTH, List.of(
                    Activity.of(START, START),
                    new Activity("Triage", HUMAN, ROLE_SUPPORT_AGENT, null, List.of(
                            Value.ref("CustomerId", "rtLongInteger", ORDERS_CORE, "Customer"),
                            Value.plain("Escalate", "rtBoolean"))),
                    Activity.of("NotifyCustomer", AUTOMATIC), Activity.of(END, END)),
                    List.of(Value.ref("TicketId", "rtLongInteger", SUPPORT_CORE, "Ticket"),
                            Value.ref("RequestedBy", "rtInteger", SERVICE_CENTER, SampleModel.USER)),
                    List.of(Value.ref("AssignedAgent", "rtInteger", SERVICE_CENTER, SampleModel.USER))),
            new Process(SUPPORT_CORE, PROCESS_USER_WELCOME, Presence.BOTH, List.of(
                    Activity.of(START, START), Activity.of("SendWelcome", AUTOMATIC), Activity.of(END, END)),
                    List.of(Value.ref("UserId", "rtInteger", SERVICE_CENTER, SampleModel.USER)), List.of()),
            new Process(ORDERS_CORE, PROCESS_LEGACY_APPROVAL, Presence.SOURCE_ONLY, List.of(
                    Activity.of(START, START), new Activity("Approve", HUMAN, ROLE_ORDER_MANAGER, null, List.of()),
                    Activity.of(END, END)),
                    List.of(Value.ref("OrderId", "rtLongInteger", ORDERS_CORE, "Order")), List.of()),
            new Process(ORDERS_CORE, PROCESS_ORDER_AUDIT, Presence.INACTIVE_IN_DESTINATION, List.of(
                    Activity.of(START, START), Activity.of(END, END)), List.of(), List.of()));

    private BptModel() {
    }

    /** The processes published to one environment, in definition order. */
    static List<Process> processes(Side side) {
        return PROCESSES.stream().filter(p -> p.presence().in(side)).toList();
    }

    static Process process(String name) {
        return PROCESSES.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no process " + name));
    }
}
