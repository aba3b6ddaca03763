package io.osmigrate.sample;

import static io.osmigrate.sample.SampleSolution.CATALOG_CODE;
import static io.osmigrate.sample.SampleSolution.CATALOG_CORE;
import static io.osmigrate.sample.SampleSolution.DESTINATION_ORDERS_CODE;
import static io.osmigrate.sample.SampleSolution.ORDERS_CORE;
import static io.osmigrate.sample.SampleSolution.SERVICE_CENTER;
import static io.osmigrate.sample.SampleSolution.SOURCE_ORDERS_CODE;
import static io.osmigrate.sample.SampleSolution.SUPPORT_CODE;
import static io.osmigrate.sample.SampleSolution.SUPPORT_CORE;
import static io.osmigrate.sample.SampleSolution.WORKFLOW_CODE;
import static io.osmigrate.sample.SampleSolution.WORKFLOW_CORE;

import io.osmigrate.sample.ModelTypes.Entity;
import io.osmigrate.sample.ModelTypes.StaticRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sample solution's data model as one environment's metamodel describes it: ServiceCenter's system
 * entities, the application entities of CatalogCore, OrdersCore and SupportCore, the inactive leftovers, and
 * the deliberate drift between source and destination (module code, table and column names, a shorter text,
 * a destination-only mandatory attribute, a source-only attribute, static DATA_IDs).
 */
final class SampleModel {

    static final String USER = "User";
    static final String TENANT = "Tenant";
    static final String GROUP = "Group";
    static final String ROLE = "Role";
    static final String PROCESS = "Process";
    static final String ACTIVITY = "Activity";

    private final Side side;
    private final List<Entity> entities;

    private SampleModel(Side side, List<Entity> entities) {
        this.side = side;
        this.entities = entities;
    }

    Side side() {
        return side;
    }

    /** Every OSSYS_ENTITY row, active or not, in definition order. */
    List<Entity> entities() {
        return entities;
    }

    /** The active entity with that name in that module. */
    Entity entity(String module, String name) {
        for (Entity e : entities) {
            if (e.active() && e.module().equals(module) && e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalStateException("no active entity " + module + "." + name);
    }

    /** The 3-character code of a module's physical table names in this environment. */
    static String moduleCode(Side side, String module) {
        switch (module) {
            case ORDERS_CORE:
                return side.isSource() ? SOURCE_ORDERS_CODE : DESTINATION_ORDERS_CODE;
            case SUPPORT_CORE:
                return SUPPORT_CODE;
            case CATALOG_CORE:
                return CATALOG_CODE;
            case WORKFLOW_CORE:
                return WORKFLOW_CODE;
            default:
                throw new IllegalArgumentException("no OSUSR tables in module " + module);
        }
    }

    static SampleModel build(Side side, SampleOptions options) {
        ModelBuilder b = new ModelBuilder(side);
        systemEntities(b);
        catalog(b, side);
        orders(b, side, options);
        support(b, side);
        workflow(b);
        return new SampleModel(side, b.build());
    }

    /**
     * ServiceCenter's own entities: what a {@code bt…} reference to User, Tenant, Group, Role or a BPT Process or
     * Activity resolves to. User is BPT-triggered (OSEVT_USER).
     */
    private static void systemEntities(ModelBuilder b) {
        b.system(USER, "ossys_User").events("OSEVT_USER", "Tenant_Id").autoId(false)
                .ref("Tenant_Id", SERVICE_CENTER, TENANT, false, "Protect")
                .text("Name", 250, false).text("Username", 250, true).text("Password", 250, false)
                .email("Email", 250).phone("MobilePhone", 20).text("External_Id", 36, false)
                .dateTime("Creation_Date").dateTime("Last_Login").bool("Is_Active");
        b.system(TENANT, "ossys_Tenant").autoId(false)
                .text("Name", 35, true).integer("Espace_Id").bool("Is_Active");
        b.system(GROUP, "ossys_Group").autoId(false)
                .ref("Tenant_Id", SERVICE_CENTER, TENANT, false, "Protect")
                .text("Name", 100, true).text("Description", 1000, false)
                .ref("Created_By", SERVICE_CENTER, USER, false, "Protect")
                .dateTime("Created").bool("Has_Custom_Management");
        b.system(ROLE, "ossys_Role").autoId(false)
                .text("Name", 100, true).text("SS_Key", 50, true).integer("Espace_Id").bool("Is_Active");
        b.system("User_Role", "ossys_User_Role").autoId(false)
                .ref("User_Id", SERVICE_CENTER, USER, true, "Delete")
                .ref("Role_Id", SERVICE_CENTER, ROLE, true, "Delete")
                .ref("Tenant_Id", SERVICE_CENTER, TENANT, false, "Protect");
        b.system("Group_User", "ossys_Group_User").autoId(false)
                .ref("Group_Id", SERVICE_CENTER, GROUP, true, "Delete")
                .ref("User_Id", SERVICE_CENTER, USER, true, "Delete");
        b.system("Group_Role", "ossys_Group_Role").autoId(false)
                .ref("Group_Id", SERVICE_CENTER, GROUP, true, "Delete")
                .ref("Role_Id", SERVICE_CENTER, ROLE, true, "Delete");
        b.system(PROCESS, "ossys_BPM_Process").autoId(false)
                .text("Label", 250, false).ref("Tenant_Id", SERVICE_CENTER, TENANT, false, "Protect");
        b.system(ACTIVITY, "ossys_BPM_Activity").autoId(false)
                .text("Name", 250, false).ref("Process_Id", SERVICE_CENTER, PROCESS, true, "Delete");
    }

    private static void catalog(ModelBuilder b, Side side) {
        b.staticEntity(CATALOG_CORE, "ProductKind", List.of(
                record(CATALOG_CORE, "ProductKind", "Physical", side.isSource() ? 1 : 7, 1),
                record(CATALOG_CORE, "ProductKind", "Digital", side.isSource() ? 2 : 5, 2),
                record(CATALOG_CORE, "ProductKind", "Service", side.isSource() ? 3 : 6, 3)));
        b.entity(CATALOG_CORE, "Category").autoId(true)
                .text("Name", 50, true).text("Code", 20, true);
        // the destination's Product table got a clash suffix, and its name is stored in upper case
        b.entity(CATALOG_CORE, "Product", side.isSource() ? null : "OSUSR_C4T_PRODUCT1").autoId(true)
                .text("Code", 20, true).text("Name", 100, true)
                .ref("CategoryId", CATALOG_CORE, "Category", true, "Protect")
                .ref("KindId", CATALOG_CORE, "ProductKind", true, "Protect")
                .currency("Price").bool("IsActive");
    }

    private static void orders(ModelBuilder b, Side side, SampleOptions options) {
        String code = moduleCode(side, ORDERS_CORE);
        List<StaticRecord> statuses = new ArrayList<>();
        String[] names = {"Draft", "Placed", "Shipped", "Delivered", "Cancelled"};
        int[] destinationIds = {12, 10, 14, 11, 13};
        for (int i = 0; i < names.length; i++) {
            statuses.add(record(ORDERS_CORE, "OrderStatus", names[i], side.isSource() ? i + 1 : destinationIds[i], i + 1));
        }
        if (options.unmatchedStaticRecord()) {
            // deleted in the destination: the record row stays inactive and the physical row is gone
            String key = SampleSolution.recordSsKey(ORDERS_CORE, "OrderStatus", "OnHold");
            statuses.add(side.isSource() ? new StaticRecord("OnHold", key, 6, true, true, 6)
                    : new StaticRecord("OnHold", key, 15, false, false, 6));
        }
        b.staticEntity(ORDERS_CORE, "OrderStatus", statuses);

        ModelBuilder.EntityDef customer = b.entity(ORDERS_CORE, "Customer").multitenant().autoId(true)
                .text("Name", side.isSource() ? 100 : 80, true)
                .email("Email", 250).column(side.isSource() ? "EMAIL" : "EMAIL2")
                .phone("Phone", 20).date("BirthDate").decimal("CreditLimit", 37, 8).bool("IsVip")
                .dateTime("CreatedOn")
                .ref("PrimaryAddressId", ORDERS_CORE, "Address", false, "Protect")
                .ref("CreatedBy", SERVICE_CENTER, USER, false, "Protect");
        customer.text("LegacyCode", 20, false).inactive(); // deleted attribute: the column and its data stay
        b.entity(ORDERS_CORE, "Address").autoId(true)
                .ref("CustomerId", ORDERS_CORE, "Customer", true, "Delete")
                .text("Street", 200, false).text("City", 100, false).text("Country", 50, false);
        // one-to-one extension: the identifier is itself the reference to Customer
        b.entity(ORDERS_CORE, "CustomerProfile")
                .ref("Id", ORDERS_CORE, "Customer", true, "Delete")
                .text("Bio", 2000, false).binary("Avatar");
        b.entity(ORDERS_CORE, "Coupon").text("Id", 36, true)
                .text("Code", 20, true).decimal("DiscountPercent", 5, 2).date("ValidUntil");
        ModelBuilder.EntityDef order = b.entity(ORDERS_CORE, "Order")
                .events("OSEVT_" + code.toLowerCase(Locale.ROOT) + "_Order", "CustomerId").autoId(true)
                .text("OrderNumber", 30, true)
                .ref("CustomerId", ORDERS_CORE, "Customer", true, "Protect")
                .ref("StatusId", ORDERS_CORE, "OrderStatus", true, "Protect")
                .ref("CouponId", ORDERS_CORE, "Coupon", false, "Ignore")
                .dateTime("PlacedOn").time("DeliveryTime").currency("Total").bool("IsPaid")
                .text("Notes", 2000, false)
                .ref("CreatedBy", SERVICE_CENTER, USER, true, "Protect");
        if (!side.isSource()) {
            order.text("Channel", 20, true).defaults("\"web\"", "'web'"); // OutSystems keeps the literal's quotes
        }
        b.entity(ORDERS_CORE, "OrderLine").autoId(true)
                .ref("OrderId", ORDERS_CORE, "Order", true, "Delete")
                .ref("ProductId", CATALOG_CORE, "Product", true, "Protect")
                .integer("Quantity").decimal("UnitPrice", 18, 4).longInteger("LineNumber");

        // leftovers of deletions: inactive rows whose tables still exist and hold data
        b.entity(ORDERS_CORE, "OrderArchive").inactiveEntity().autoId(true)
                .text("OrderNumber", 30, true).dateTime("ArchivedOn");
        b.entity(ORDERS_CORE, "Customer", "OSUSR_" + code + "_CUSTOMER_OLD").keyName("Customer (old)")
                .inactiveEntity().autoId(true).text("Name", 100, true).email("Email", 250);
    }

    private static void support(ModelBuilder b, Side side) {
        b.staticEntity(SUPPORT_CORE, "TicketPriority", List.of(
                record(SUPPORT_CORE, "TicketPriority", "Low", side.isSource() ? 1 : 23, 1),
                record(SUPPORT_CORE, "TicketPriority", "Normal", side.isSource() ? 2 : 21, 2),
                record(SUPPORT_CORE, "TicketPriority", "High", side.isSource() ? 3 : 24, 3),
                record(SUPPORT_CORE, "TicketPriority", "Urgent", side.isSource() ? 4 : 22, 4)));
        ModelBuilder.EntityDef ticket = b.entity(SUPPORT_CORE, "Ticket")
                .events("OSEVT_" + SUPPORT_CODE.toLowerCase(Locale.ROOT) + "_Ticket", "CustomerId").autoId(true)
                .ref("CustomerId", ORDERS_CORE, "Customer", true, "Protect")
                .ref("OrderId", ORDERS_CORE, "Order", false, "Ignore")
                .ref("ParentTicketId", SUPPORT_CORE, "Ticket", false, "Protect")
                .ref("PriorityId", SUPPORT_CORE, "TicketPriority", true, "Protect")
                .ref("AssignedTo", SERVICE_CENTER, USER, false, "Protect")
                .text("Subject", 200, true).text("Body", 2000, false).binary("Attachment")
                .dateTime("OpenedOn").dateTime("ClosedOn")
                .integer("RelatedOrderId") // a soft key: an order's id, or 0, in an Integer (no reference)
                .text("DuplicateOf", 20, false); // another: a ticket's id as text, or "" or "0"
        ticket.text("InternalNote", 500, false);
        if (!side.isSource()) {
            ticket.inactive(); // deleted in the destination: only the stale column is left
        }
        b.entity(SUPPORT_CORE, "TicketComment").autoId(true)
                .ref("TicketId", SUPPORT_CORE, "Ticket", true, "Delete")
                .ref("AuthorId", SERVICE_CENTER, USER, true, "Protect")
                .text("Content", 1000, false).dateTime("PostedOn");
    }

    /** An application entity with a reference to a BPT process instance, the type OutSystems gives a Process Id. */
    private static void workflow(ModelBuilder b) {
        b.entity(WORKFLOW_CORE, "OrderTracking").autoId(true)
                .ref("OrderId", ORDERS_CORE, "Order", true, "Protect")
                .ref("ProcessId", SERVICE_CENTER, PROCESS, false, "Ignore")
                .text("TrackingCode", 30, false).dateTime("UpdatedOn");
    }

    private static StaticRecord record(String module, String entity, String name, int dataId, int order) {
        return new StaticRecord(name, SampleSolution.recordSsKey(module, entity, name), dataId, true, true, order);
    }
}
