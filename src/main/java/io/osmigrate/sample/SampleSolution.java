package io.osmigrate.sample;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Names and keys of the sample OutSystems solution, shared by both environments.
 *
 * <p>Every SS_Key is {@code UUID.nameUUIDFromBytes("osmigrate-sample:" + path)} in lower case, where the path
 * names the object ({@code espace:OrdersCore}, {@code entity:OrdersCore.Customer},
 * {@code attr:OrdersCore.Customer.Email}, {@code record:OrdersCore.OrderStatus.Placed},
 * {@code role:OrdersCore.OrderManager}, {@code app:Orders}). So keys are stable across environments and
 * runs, as real SS_Keys are, and tests can compute them without reading a database.
 */
public final class SampleSolution {

    // modules (espaces)
    public static final String SERVICE_CENTER = "ServiceCenter";
    public static final String USERS = "Users";
    public static final String CATALOG_CORE = "CatalogCore";
    public static final String ORDERS_CORE = "OrdersCore";
    public static final String SUPPORT_CORE = "SupportCore";
    /** Holds OrderTracking, whose ProcessId references a BPT process instance. */
    public static final String WORKFLOW_CORE = "WorkflowCore";
    /** The inactive leftover of a deleted OrdersCore: OutSystems renames and re-keys deleted modules. */
    public static final String DELETED_ORDERS_CORE = "OrdersCore (deleted1)";

    // applications
    public static final String APP_SERVICE_CENTER = "Service Center";
    public static final String APP_CATALOG = "Catalog Library";
    public static final String APP_ORDERS = "Orders";
    public static final String APP_SUPPORT = "Support";
    public static final String APP_WORKFLOW = "Workflow";

    // tenants: ServiceCenter is owned by the ServiceCenter module, the others by Users
    public static final String TENANT_SERVICE_CENTER = "ServiceCenter";
    public static final String TENANT_USERS = "Users";
    public static final String TENANT_ACME = "Acme";
    public static final String TENANT_GLOBEX = "Globex";

    // roles
    public static final String ROLE_ORDER_MANAGER = "OrderManager";
    public static final String ROLE_ORDER_VIEWER = "OrderViewer";
    public static final String ROLE_SUPPORT_AGENT = "SupportAgent";
    /** Exists only in the source. */
    public static final String ROLE_SUPPORT_LEAD = "SupportLead";

    // module codes of the physical names (OSUSR_<code>_<Entity>): OrdersCore's differs between environments
    public static final String SOURCE_ORDERS_CODE = "A1B";
    public static final String DESTINATION_ORDERS_CODE = "Q9Z";
    public static final String SUPPORT_CODE = "K3M";
    public static final String CATALOG_CODE = "C4T";
    public static final String WORKFLOW_CODE = "W7F";

    // BPT process definitions: OrderFulfillment launches PaymentCheck from its CheckPayment activity
    public static final String PROCESS_ORDER_FULFILLMENT = "OrderFulfillment";
    public static final String PROCESS_PAYMENT_CHECK = "PaymentCheck";
    public static final String PROCESS_TICKET_TRIAGE = "TicketTriage";
    public static final String PROCESS_USER_WELCOME = "UserWelcome";
    /** Published only to the source (drift). */
    public static final String PROCESS_LEGACY_APPROVAL = "LegacyApproval";
    /** Deleted in the destination: its row is inactive, and a stale launch subscription of it is left behind. */
    public static final String PROCESS_ORDER_AUDIT = "OrderAudit";

    /** OutSystems' empty Date Time. */
    public static final java.time.LocalDateTime EMPTY_DATE_TIME = java.time.LocalDateTime.of(1900, 1, 1, 0, 0);

    private SampleSolution() {
    }

    /** The SS_Key of any object path, e.g. {@code ssKey("entity:OrdersCore.Customer")}. */
    public static String ssKey(String path) {
        return UUID.nameUUIDFromBytes(("osmigrate-sample:" + path).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String espaceSsKey(String module) {
        return ssKey("espace:" + module);
    }

    public static String entitySsKey(String module, String entity) {
        return ssKey("entity:" + module + "." + entity);
    }

    public static String attributeSsKey(String module, String entity, String attribute) {
        return ssKey("attr:" + module + "." + entity + "." + attribute);
    }

    public static String recordSsKey(String module, String entity, String record) {
        return ssKey("record:" + module + "." + entity + "." + record);
    }

    public static String roleSsKey(String module, String role) {
        return ssKey("role:" + module + "." + role);
    }

    /** SS_KEY of a BPT process definition, e.g. {@code processSsKey("OrdersCore", "OrderFulfillment")}. */
    public static String processSsKey(String module, String process) {
        return ssKey("process:" + module + "." + process);
    }

    /** SS_KEY of an activity definition of a process. */
    public static String activitySsKey(String module, String process, String activity) {
        return ssKey("activity:" + module + "." + process + "." + activity);
    }

    /** SS_KEY of a process input ({@code kind} "input"), process output ("output") or activity output ("activity-output"). */
    public static String bptValueSsKey(String kind, String module, String owner, String name) {
        return ssKey(kind + ":" + module + "." + owner + "." + name);
    }

    /** OSSYS_APPLICATION.KEY of an application. */
    public static String applicationKey(String application) {
        return ssKey("app:" + application);
    }

    /** The TYPE of an attribute that references {@code module.entity}: {@code bt<espace key>*<entity key>}. */
    public static String referenceType(String module, String entity) {
        return "bt" + espaceSsKey(module) + "*" + entitySsKey(module, entity);
    }
}
