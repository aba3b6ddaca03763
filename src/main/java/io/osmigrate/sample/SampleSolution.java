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
    /** The inactive leftover of a deleted OrdersCore: OutSystems renames and re-keys deleted modules. */
    public static final String DELETED_ORDERS_CORE = "OrdersCore (deleted1)";

    // applications
    public static final String APP_SERVICE_CENTER = "Service Center";
    public static final String APP_CATALOG = "Catalog Library";
    public static final String APP_ORDERS = "Orders";
    public static final String APP_SUPPORT = "Support";

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

    /** OSSYS_APPLICATION.KEY of an application. */
    public static String applicationKey(String application) {
        return ssKey("app:" + application);
    }

    /** The TYPE of an attribute that references {@code module.entity}: {@code bt<espace key>*<entity key>}. */
    public static String referenceType(String module, String entity) {
        return "bt" + espaceSsKey(module) + "*" + entitySsKey(module, entity);
    }
}
