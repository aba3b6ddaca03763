package io.osmigrate.sample;

import static io.osmigrate.sample.SampleSolution.CATALOG_CORE;
import static io.osmigrate.sample.SampleSolution.ORDERS_CORE;
import static io.osmigrate.sample.SampleSolution.SERVICE_CENTER;
import static io.osmigrate.sample.SampleSolution.SUPPORT_CORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a generated source/destination pair must look like, checked the same way on every engine. One
 * default pair is built per class and only read; tests of options build their own databases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SampleEnvironmentChecks {

    static final long N = 3000;
    static final SampleSizes SIZES = SampleSizes.of(N);

    Connection source;
    Connection destination;
    private final List<Connection> opened = new ArrayList<>();

    /** A connection to a new, empty database of the engine under test. */
    abstract Connection openEmpty(String purpose) throws SQLException;

    /** Releases what {@link #openEmpty} made, after its connections are closed. */
    abstract void dropDatabases() throws SQLException;

    Connection fresh(String purpose) throws SQLException {
        Connection c = openEmpty(purpose);
        opened.add(c);
        return c;
    }

    Connection source(SampleOptions o) throws SQLException {
        Connection c = fresh("src");
        SampleEnvironments.createSource(c, o);
        return c;
    }

    Connection destination(SampleOptions o) throws SQLException {
        Connection c = fresh("dst");
        SampleEnvironments.createDestination(c, o);
        return c;
    }

    @BeforeAll
    void buildDefaultPair() throws SQLException {
        source = source(SampleOptions.of(N));
        destination = destination(SampleOptions.of(N));
    }

    @AfterAll
    void closeAll() throws SQLException {
        for (Connection c : opened) {
            c.close();
        }
        dropDatabases();
    }

    @Test
    void sourceRowCountsFollowTheRequestedTotal() throws SQLException {
        assertThat(rows(source, "OSUSR_C4T_CATEGORY")).isEqualTo(SIZES.categories());
        assertThat(rows(source, "OSUSR_C4T_PRODUCT")).isEqualTo(SIZES.products());
        assertThat(rows(source, "OSUSR_A1B_COUPON")).isEqualTo(SIZES.coupons());
        assertThat(rows(source, "OSUSR_A1B_CUSTOMER")).isEqualTo(SIZES.customers()).isEqualTo(150);
        assertThat(rows(source, "OSUSR_A1B_ORDER")).isEqualTo(SIZES.orders()).isEqualTo(600);
        assertThat(rows(source, "OSUSR_K3M_TICKET")).isEqualTo(SIZES.tickets());
        assertThat(rows(source, "OSUSR_K3M_TICKETCOMMENT")).isEqualTo(SIZES.ticketComments());
        long customers = SIZES.customers();
        assertThat(rows(source, "OSUSR_A1B_ADDRESS")).isBetween(customers * 13 / 10, customers * 17 / 10);
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSUSR_A1B_CUSTOMER c WHERE NOT EXISTS"
                + " (SELECT 1 FROM OSUSR_A1B_ADDRESS a WHERE a.CUSTOMERID = c.ID)")).isZero();
        assertThat(rows(source, "OSUSR_A1B_CUSTOMERPROFILE")).isBetween(customers * 35 / 100, customers * 65 / 100);
        long orders = SIZES.orders();
        assertThat(rows(source, "OSUSR_A1B_ORDERLINE")).isBetween(orders * 2, orders * 5 / 2);
        assertThat(Sql.count(source, "SELECT MAX(n) FROM (SELECT COUNT(*) n FROM OSUSR_A1B_ORDERLINE GROUP BY ORDERID) x"))
                .isBetween(2L, 4L);
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSUSR_A1B_ORDER o WHERE NOT EXISTS"
                + " (SELECT 1 FROM OSUSR_A1B_ORDERLINE l WHERE l.ORDERID = o.ID)")).isZero();
        assertThat(rows(source, "OSSYS_USER")).isEqualTo(2 + SIZES.endUsers() + 1);
    }

    @Test
    void destinationHasTheCatalogUnderOtherIdsAndNoOtherApplicationData() throws SQLException {
        Map<String, String> sourceProducts = productCategoryCodes(source, "OSUSR_C4T_PRODUCT");
        Map<String, String> destinationProducts = productCategoryCodes(destination, "OSUSR_C4T_PRODUCT1");
        assertThat(destinationProducts).containsAllEntriesOf(sourceProducts);
        assertThat(destinationProducts.keySet()).filteredOn(code -> !sourceProducts.containsKey(code))
                .hasSize((int) Math.max(3, SIZES.products() / 100)).allMatch(code -> code.startsWith("PRD-D"));
        Map<String, Long> sourceIds = idsByCode(source, "OSUSR_C4T_PRODUCT");
        Map<String, Long> destinationIds = idsByCode(destination, "OSUSR_C4T_PRODUCT1");
        for (Map.Entry<String, Long> e : sourceIds.entrySet()) {
            assertThat(destinationIds.get(e.getKey())).as("destination id of %s", e.getKey()).isNotEqualTo(e.getValue());
        }
        Map<String, Long> sourceCategories = idsByCode(source, "OSUSR_C4T_CATEGORY");
        Map<String, Long> destinationCategories = idsByCode(destination, "OSUSR_C4T_CATEGORY");
        assertThat(destinationCategories.keySet()).isEqualTo(sourceCategories.keySet());
        sourceCategories.forEach((code, id) -> assertThat(destinationCategories.get(code)).isNotEqualTo(id));
        for (String table : List.of("OSUSR_Q9Z_CUSTOMER", "OSUSR_Q9Z_ADDRESS", "OSUSR_Q9Z_CUSTOMERPROFILE",
                "OSUSR_Q9Z_COUPON", "OSUSR_Q9Z_ORDER", "OSUSR_Q9Z_ORDERLINE", "OSUSR_K3M_TICKET", "OSUSR_K3M_TICKETCOMMENT")) {
            assertThat(rows(destination, table)).as(table).isZero();
        }
    }

    @Test
    void staticDataIdsDifferButRecordsMatchBySsKey() throws SQLException {
        MetamodelView src = new MetamodelView(source);
        MetamodelView dst = new MetamodelView(destination);
        String[][] statics = {{ORDERS_CORE, "OrderStatus", "Draft", "12"}, {ORDERS_CORE, "OrderStatus", "Placed", "10"},
            {ORDERS_CORE, "OrderStatus", "Shipped", "14"}, {ORDERS_CORE, "OrderStatus", "Delivered", "11"},
            {ORDERS_CORE, "OrderStatus", "Cancelled", "13"}, {CATALOG_CORE, "ProductKind", "Physical", null},
            {CATALOG_CORE, "ProductKind", "Digital", null}, {CATALOG_CORE, "ProductKind", "Service", null},
            {SUPPORT_CORE, "TicketPriority", "Low", null}, {SUPPORT_CORE, "TicketPriority", "Urgent", null}};
        for (String[] s : statics) {
            String key = SampleSolution.recordSsKey(s[0], s[1], s[2]);
            Object[] a = src.record(s[0], s[1], key);
            Object[] b = dst.record(s[0], s[1], key);
            assertThat(a).as("source record %s", s[2]).isNotNull();
            assertThat(b).as("destination record %s", s[2]).isNotNull();
            assertThat(a[1]).isEqualTo(true);
            assertThat(b[1]).isEqualTo(true);
            assertThat(a[0]).as("DATA_ID of %s", s[2]).isNotEqualTo(b[0]);
            if (s[3] != null) {
                assertThat(b[0]).isEqualTo(s[3]);
            }
            assertThat(label(source, src.entity(s[0], s[1]).table(), (String) a[0])).isEqualTo(s[2]);
            assertThat(label(destination, dst.entity(s[0], s[1]).table(), (String) b[0])).isEqualTo(s[2]);
        }
        assertThat(Catalog.columns(source, "OSUSR_A1B_ORDERSTATUS").keySet())
                .containsExactly("ID", "LABEL", "ORDER", "IS_ACTIVE");
    }

    @Test
    void physicalNamesAndColumnsDriftAsDesigned() throws SQLException {
        MetamodelView src = new MetamodelView(source);
        MetamodelView dst = new MetamodelView(destination);
        assertThat(src.entity(ORDERS_CORE, "Customer").table()).isEqualTo("OSUSR_a1b_Customer");
        assertThat(dst.entity(ORDERS_CORE, "Customer").table()).isEqualTo("OSUSR_q9z_Customer");
        assertThat(src.entity(CATALOG_CORE, "Product").table()).isEqualTo("OSUSR_c4t_Product");
        assertThat(dst.entity(CATALOG_CORE, "Product").table()).isEqualTo("OSUSR_C4T_PRODUCT1");
        assertThat(src.entity(SUPPORT_CORE, "Ticket").table()).isEqualTo(dst.entity(SUPPORT_CORE, "Ticket").table())
                .isEqualTo("OSUSR_k3m_Ticket");
        assertThat(Catalog.columns(source, "OSUSR_a1b_Customer")).containsKey("EMAIL").doesNotContainKey("EMAIL2");
        assertThat(Catalog.columns(destination, "OSUSR_q9z_Customer")).containsKey("EMAIL2").doesNotContainKey("EMAIL");

        MetamodelView.Attribute srcEmail = src.attribute(ORDERS_CORE, "Customer", "Email");
        MetamodelView.Attribute dstEmail = dst.attribute(ORDERS_CORE, "Customer", "Email");
        assertThat(srcEmail.ssKey()).isEqualTo(dstEmail.ssKey());
        assertThat(srcEmail.column()).isEqualTo("EMAIL");
        assertThat(dstEmail.column()).isEqualTo("EMAIL2");

        assertThat(src.attribute(ORDERS_CORE, "Customer", "Name").length()).isEqualTo(100);
        assertThat(dst.attribute(ORDERS_CORE, "Customer", "Name").length()).isEqualTo(80);
        assertThat(Catalog.columns(source, "OSUSR_A1B_CUSTOMER").get("NAME").size()).isEqualTo(100);
        assertThat(Catalog.columns(destination, "OSUSR_Q9Z_CUSTOMER").get("NAME").size()).isEqualTo(80);

        assertThat(src.attribute(ORDERS_CORE, "Order", "Channel")).isNull();
        MetamodelView.Attribute channel = dst.attribute(ORDERS_CORE, "Order", "Channel");
        assertThat(channel.active()).isTrue();
        assertThat(channel.mandatory()).isTrue();
        assertThat(channel.defaultValue()).isEqualTo("\"web\"");
        assertThat(channel.length()).isEqualTo(20);
        assertThat(Catalog.columns(destination, "OSUSR_Q9Z_ORDER").get("CHANNEL").defaultValue()).contains("web");

        assertThat(src.attribute(SUPPORT_CORE, "Ticket", "InternalNote").active()).isTrue();
        assertThat(dst.attribute(SUPPORT_CORE, "Ticket", "InternalNote").active()).isFalse();

        String ordersKey = SampleSolution.espaceSsKey(ORDERS_CORE);
        assertThat(Sql.string(source, "SELECT SS_KEY FROM OSSYS_ESPACE WHERE NAME = ?", ORDERS_CORE)).isEqualTo(ordersKey);
        assertThat(Sql.string(destination, "SELECT SS_KEY FROM OSSYS_ESPACE WHERE NAME = ?", ORDERS_CORE))
                .isEqualTo(ordersKey.toUpperCase(Locale.ROOT));
    }

    @Test
    void metamodelRowsHaveOtherLocalIdsInTheDestination() throws SQLException {
        for (String table : List.of("OSSYS_ESPACE", "OSSYS_ENTITY", "OSSYS_ENTITY_ATTR", "OSSYS_ENTITY_RECORD", "OSSYS_ROLE")) {
            Map<String, String> a = idsBy(source, "SELECT LOWER(SS_KEY), ID FROM " + table);
            Map<String, String> b = idsBy(destination, "SELECT LOWER(SS_KEY), ID FROM " + table);
            assertThat(a.keySet()).as(table).containsAnyElementsOf(b.keySet());
            a.forEach((key, id) -> assertThat(b.get(key)).as("%s id of %s", table, key).isNotEqualTo(id));
        }
        Map<String, String> apps = idsBy(source, "SELECT " + keyColumn(source) + ", ID FROM OSSYS_APPLICATION");
        Map<String, String> otherApps = idsBy(destination, "SELECT " + keyColumn(destination) + ", ID FROM OSSYS_APPLICATION");
        assertThat(apps.keySet()).isEqualTo(otherApps.keySet()).hasSize(5);
        apps.forEach((key, id) -> assertThat(otherApps.get(key)).isNotEqualTo(id));
        for (String table : List.of("OSSYS_MODULE", "OSSYS_APP_DEFINITION_MODULE")) {
            assertThat(Sql.strings(source, "SELECT ID FROM " + table)).doesNotContainAnyElementsOf(
                    Sql.strings(destination, "SELECT ID FROM " + table));
        }
        Map<String, String> tenants = idsBy(source, "SELECT NAME, ID FROM OSSYS_TENANT");
        Map<String, String> otherTenants = idsBy(destination, "SELECT NAME, ID FROM OSSYS_TENANT");
        assertThat(tenants.keySet()).containsExactlyInAnyOrder("ServiceCenter", "Users", "Acme", "Globex");
        assertThat(otherTenants.keySet()).isEqualTo(tenants.keySet());
        tenants.forEach((name, id) -> assertThat(otherTenants.get(name)).isNotEqualTo(id));
        // applications reach their modules' espaces; the extension module has none
        assertThat(Sql.strings(source, "SELECT s.NAME FROM OSSYS_APPLICATION a JOIN OSSYS_APP_DEFINITION_MODULE d"
                + " ON d.APPLICATION_ID = a.ID JOIN OSSYS_MODULE m ON m.ID = d.MODULE_ID LEFT JOIN OSSYS_ESPACE s"
                + " ON s.ID = m.ESPACE_ID WHERE a.NAME = 'Orders'")).containsExactlyInAnyOrder(ORDERS_CORE, null);
        assertThat(Sql.strings(destination, "SELECT s.NAME FROM OSSYS_APPLICATION a JOIN OSSYS_APP_DEFINITION_MODULE d"
                + " ON d.APPLICATION_ID = a.ID JOIN OSSYS_MODULE m ON m.ID = d.MODULE_ID JOIN OSSYS_ESPACE s"
                + " ON s.ID = m.ESPACE_ID WHERE a.NAME = 'Service Center'")).containsExactlyInAnyOrder(SERVICE_CENTER, "Users");
    }

    @Test
    void everyReferenceResolvesInTheSource() throws SQLException {
        Map<String, Long> dangling = danglingReferences(source);
        assertThat(dangling).containsOnlyKeys("Product.CategoryId", "Product.KindId", "Customer.PrimaryAddressId",
                "Customer.CreatedBy", "Address.CustomerId", "CustomerProfile.Id", "Order.CustomerId", "Order.StatusId",
                "Order.CouponId", "Order.CreatedBy", "OrderLine.OrderId", "OrderLine.ProductId", "Ticket.CustomerId",
                "Ticket.OrderId", "Ticket.ParentTicketId", "Ticket.PriorityId", "Ticket.AssignedTo",
                "TicketComment.TicketId", "TicketComment.AuthorId", "OrderTracking.OrderId", "OrderTracking.ProcessId");
        assertThat(dangling).allSatisfy((reference, count) -> assertThat(count).as(reference).isZero());
    }

    @Test
    void userReferencesPointAtActiveEndUsers() throws SQLException {
        MetamodelView view = new MetamodelView(source);
        String userType = SampleSolution.referenceType(SERVICE_CENTER, "User");
        int checked = 0;
        for (MetamodelView.Entity e : view.applicationEntities()) {
            for (MetamodelView.Attribute a : view.attributes(e)) {
                if (a.active() && a.type().equalsIgnoreCase(userType)) {
                    checked++;
                    assertThat(Sql.count(source, "SELECT COUNT(*) FROM " + e.table() + " x JOIN OSSYS_USER u ON u.ID = x."
                            + a.column() + " JOIN OSSYS_TENANT t ON t.ID = u.TENANT_ID WHERE t.NAME = 'ServiceCenter'"
                            + " OR u.IS_ACTIVE = 0")).as("%s.%s", e.name(), a.name()).isZero();
                    assertThat(Sql.count(source, "SELECT COUNT(*) FROM " + e.table() + " WHERE " + a.column()
                            + " IS NOT NULL")).isPositive();
                }
            }
        }
        assertThat(checked).isEqualTo(4); // Customer.CreatedBy, Order.CreatedBy, Ticket.AssignedTo, TicketComment.AuthorId
    }

    @Test
    void referenceTypesAreSeventyFiveCharactersAndDecodeToTheirTargets() throws SQLException {
        MetamodelView view = new MetamodelView(source);
        List<String> types = Sql.strings(source, "SELECT TYPE FROM OSSYS_ENTITY_ATTR WHERE TYPE LIKE 'bt%'");
        assertThat(types).hasSizeGreaterThan(20).allSatisfy(t -> assertThat(t).hasSize(75));
        String[][] expected = {{ORDERS_CORE, "Order", "CreatedBy", SERVICE_CENTER, "User"},
            {ORDERS_CORE, "OrderLine", "ProductId", CATALOG_CORE, "Product"},
            {ORDERS_CORE, "CustomerProfile", "Id", ORDERS_CORE, "Customer"},
            {ORDERS_CORE, "Order", "StatusId", ORDERS_CORE, "OrderStatus"},
            {ORDERS_CORE, "Order", "CouponId", ORDERS_CORE, "Coupon"},
            {SUPPORT_CORE, "Ticket", "CustomerId", ORDERS_CORE, "Customer"},
            {SUPPORT_CORE, "Ticket", "ParentTicketId", SUPPORT_CORE, "Ticket"},
            {CATALOG_CORE, "Product", "KindId", CATALOG_CORE, "ProductKind"}};
        for (String[] e : expected) {
            MetamodelView.Attribute a = view.attribute(e[0], e[1], e[2]);
            assertThat(a.type()).isEqualTo(SampleSolution.referenceType(e[3], e[4]));
            MetamodelView.Entity target = view.target(a.type());
            assertThat(target.name()).isEqualTo(e[4]);
            assertThat(target.espaceKey()).isEqualToIgnoringCase(SampleSolution.espaceSsKey(e[3]));
        }
        MetamodelView.Entity user = view.target(view.attribute(ORDERS_CORE, "Order", "CreatedBy").type());
        assertThat(user.table()).isEqualToIgnoringCase("OSSYS_USER");
        // the destination stores OrdersCore's key in upper case; its references still decode
        MetamodelView dst = new MetamodelView(destination);
        assertThat(dst.target(dst.attribute(ORDERS_CORE, "OrderLine", "OrderId").type()).table()).isEqualTo("OSUSR_q9z_Order");
        MetamodelView.Attribute profileId = view.attribute(ORDERS_CORE, "CustomerProfile", "Id");
        assertThat(profileId.autonumber()).isFalse();
        assertThat(profileId.deleteRule()).isEqualTo("Delete");
        assertThat(view.attribute(ORDERS_CORE, "Coupon", "Id").type()).isEqualTo("rtText");
        assertThat(view.attribute(ORDERS_CORE, "Order", "Total").deleteRule()).isEqualTo("Protect");
    }

    @Test
    void inactiveLeftoversExistWithTheirData() throws SQLException {
        for (Connection c : List.of(source, destination)) {
            MetamodelView view = new MetamodelView(c);
            List<Object[]> espaces = Sql.rows(c, "SELECT NAME, SS_KEY, IS_ACTIVE FROM OSSYS_ESPACE WHERE NAME LIKE 'OrdersCore%'");
            assertThat(espaces).hasSize(2);
            Object[] deleted = espaces.stream().filter(r -> r[0].equals("OrdersCore (deleted1)")).findFirst().orElseThrow();
            assertThat(flag(deleted[2])).isZero();
            assertThat((String) deleted[1]).isNotEqualToIgnoringCase(SampleSolution.espaceSsKey(ORDERS_CORE));

            List<MetamodelView.Entity> archive = view.allEntities(ORDERS_CORE, "OrderArchive");
            assertThat(archive).singleElement().matches(e -> !e.active());
            assertThat(rows(c, archive.get(0).table())).isEqualTo(5);

            List<MetamodelView.Entity> customers = view.allEntities(ORDERS_CORE, "Customer");
            assertThat(customers).hasSize(2);
            MetamodelView.Entity stale = customers.stream().filter(e -> !e.active()).findFirst().orElseThrow();
            MetamodelView.Entity live = customers.stream().filter(MetamodelView.Entity::active).findFirst().orElseThrow();
            assertThat(stale.ssKey()).isNotEqualToIgnoringCase(live.ssKey());
            assertThat(stale.table()).endsWith("_CUSTOMER_OLD");
            assertThat(rows(c, stale.table())).isEqualTo(5);

            MetamodelView.Attribute legacy = view.attribute(ORDERS_CORE, "Customer", "LegacyCode");
            assertThat(legacy.active()).isFalse();
            assertThat(Catalog.columns(c, live.table())).containsKey("LEGACYCODE");
        }
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSUSR_A1B_CUSTOMER WHERE LEGACYCODE IS NOT NULL")).isPositive();
        assertThat(Catalog.columns(destination, "OSUSR_K3M_TICKET")).containsKey("INTERNALNOTE");
    }

    @Test
    void optionalAttributesHaveNullsAndMandatoryOnesNever() throws SQLException {
        MetamodelView view = new MetamodelView(source);
        int optional = 0;
        for (MetamodelView.Entity e : view.applicationEntities()) {
            if (rows(source, e.table()) == 0 || e.table().endsWith("Status") || e.table().endsWith("Kind")
                    || e.table().endsWith("Priority")) {
                continue; // statics are fully populated by definition
            }
            for (MetamodelView.Attribute a : view.attributes(e)) {
                if (!a.active()) {
                    continue;
                }
                long nulls = Sql.count(source, "SELECT COUNT(*) FROM " + e.table() + " WHERE " + a.column() + " IS NULL");
                if (a.mandatory()) {
                    assertThat(nulls).as("NULLs in mandatory %s.%s", e.name(), a.name()).isZero();
                } else if (!a.name().equals("ClosedOn")) { // OutSystems' empty date is 1900-01-01, not NULL
                    optional++;
                    assertThat(nulls).as("NULLs in optional %s.%s", e.name(), a.name()).isPositive();
                }
            }
        }
        assertThat(optional).isGreaterThan(30);
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSUSR_K3M_TICKET WHERE CLOSEDON IS NULL")).isZero();
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSUSR_K3M_TICKET WHERE CLOSEDON = ?",
                SampleSolution.EMPTY_DATE_TIME)).isBetween(SIZES.tickets() / 4, SIZES.tickets() * 3 / 5);
    }

    @Test
    void valuesExerciseEncoders() throws SQLException {
        List<String> longTexts = new ArrayList<>(Sql.strings(source, "SELECT NOTES FROM OSUSR_A1B_ORDER WHERE NOTES IS NOT NULL"));
        longTexts.addAll(Sql.strings(source, "SELECT BODY FROM OSUSR_K3M_TICKET WHERE BODY IS NOT NULL"));
        longTexts.addAll(Sql.strings(source, "SELECT BIO FROM OSUSR_A1B_CUSTOMERPROFILE WHERE BIO IS NOT NULL"));
        for (String special : List.of("\t", "\n", "\r", "\\")) {
            assertThat(longTexts).as("long texts containing %s", special.codePointAt(0)).anyMatch(t -> t.contains(special));
        }
        List<String> names = Sql.strings(source, "SELECT NAME FROM OSUSR_A1B_CUSTOMER");
        names.addAll(Sql.strings(source, "SELECT SUBJECT FROM OSUSR_K3M_TICKET"));
        for (String special : List.of("é", "ü", "漢")) {
            assertThat(names).as("names containing %s", special).anyMatch(t -> t.contains(special));
        }
        assertThat(Sql.count(source, "SELECT MAX(LENGTH(BIO)) FROM OSUSR_A1B_CUSTOMERPROFILE")).isBetween(200L, 2000L);

        List<Object[]> credit = Sql.rows(source, "SELECT CREDITLIMIT FROM OSUSR_A1B_CUSTOMER WHERE CREDITLIMIT IS NOT NULL");
        assertThat(credit).anyMatch(r -> ((BigDecimal) r[0]).stripTrailingZeros().scale() == 8);

        long tickets = SIZES.tickets();
        long noAttachment = Sql.count(source, "SELECT COUNT(*) FROM OSUSR_K3M_TICKET WHERE ATTACHMENT IS NULL");
        assertThat(noAttachment).isBetween(tickets * 15 / 100, tickets * 45 / 100);
        for (Object[] r : Sql.rows(source, "SELECT ATTACHMENT FROM OSUSR_K3M_TICKET WHERE ATTACHMENT IS NOT NULL")) {
            assertThat(((byte[]) r[0]).length).isBetween(0, 256);
        }
        for (Object[] r : Sql.rows(source, "SELECT AVATAR FROM OSUSR_A1B_CUSTOMERPROFILE WHERE AVATAR IS NOT NULL")) {
            assertThat(((byte[]) r[0]).length).isBetween(64, 512);
        }
    }

    @Test
    void cyclesAndSelfReferencesNeedDeferring() throws SQLException {
        // Customer → Address: the primary address is the customer's own and has a higher id
        long withPrimary = Sql.count(source, "SELECT COUNT(*) FROM OSUSR_A1B_CUSTOMER WHERE PRIMARYADDRESSID IS NOT NULL");
        assertThat(withPrimary).isBetween(SIZES.customers() * 65 / 100, SIZES.customers() * 95 / 100);
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSUSR_A1B_CUSTOMER c JOIN OSUSR_A1B_ADDRESS a"
                + " ON a.ID = c.PRIMARYADDRESSID WHERE a.CUSTOMERID = c.ID AND a.ID > c.ID")).isEqualTo(withPrimary);
        // Ticket → Ticket, pointing both backwards and forwards, never at itself
        long parents = Sql.count(source, "SELECT COUNT(*) FROM OSUSR_K3M_TICKET WHERE PARENTTICKETID IS NOT NULL");
        assertThat(parents).isBetween(SIZES.tickets() / 10, SIZES.tickets() * 3 / 10);
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSUSR_K3M_TICKET WHERE PARENTTICKETID > ID")).isPositive();
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSUSR_K3M_TICKET WHERE PARENTTICKETID < ID")).isPositive();
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSUSR_K3M_TICKET WHERE PARENTTICKETID = ID")).isZero();
        // the multi-tenant customers live in the Acme and Globex tenants
        assertThat(Sql.strings(source, "SELECT DISTINCT t.NAME FROM OSUSR_A1B_CUSTOMER c JOIN OSSYS_TENANT t"
                + " ON t.ID = c.TENANT_ID")).containsExactlyInAnyOrder("Acme", "Globex");
    }

    @Test
    void constraintsFollowDeleteRules() throws SQLException {
        Map<String, Integer> orderKeys = Catalog.foreignKeys(source, "OSUSR_A1B_ORDER");
        assertThat(orderKeys).containsOnlyKeys("CUSTOMERID", "STATUSID", "CREATEDBY"); // CouponId is Ignore: none
        Map<String, Integer> lineKeys = Catalog.foreignKeys(source, "OSUSR_A1B_ORDERLINE");
        assertThat(lineKeys.get("ORDERID")).isEqualTo(DatabaseMetaData.importedKeyCascade);
        assertThat(lineKeys.get("PRODUCTID")).isNotEqualTo(DatabaseMetaData.importedKeyCascade);
        assertThat(Catalog.foreignKeys(source, "OSUSR_K3M_TICKET")).containsOnlyKeys("CUSTOMERID", "PARENTTICKETID",
                "PRIORITYID", "ASSIGNEDTO");
        assertThat(Catalog.foreignKeys(source, "OSUSR_A1B_CUSTOMERPROFILE")).containsOnlyKeys("ID");
        // the event table exists, named by the entity row, with its subscriptions (see the BPT checks)
        MetamodelView.Entity order = new MetamodelView(source).entity(ORDERS_CORE, "Order");
        assertThat(Sql.string(source, "SELECT EVENT_TABLE_NAME FROM OSSYS_ENTITY WHERE ID = ? AND EXPOSE_PROCESS_EVENTS = 1",
                order.id())).isEqualTo("OSEVT_a1b_Order");
        assertThat(rows(source, "OSEVT_a1b_Order")).isPositive();
        assertThat(Catalog.columns(source, "OSEVT_a1b_Order").keySet()).containsExactly("_ESPACE_ID", "_TENANT_ID",
                "_ACTIVITY_ID", "_PROCESS_DEF_ID", "_IS_UPDATE", "_IS_LIGHT", "ID", "CUSTOMERID");
    }

    @Test
    void usersTenantsRolesAndGroupsCarryTheRealWorldTraps() throws SQLException {
        String byTenant = "SELECT t.NAME, u.USERNAME, u.IS_ACTIVE, u.LAST_LOGIN, u.ID FROM OSSYS_USER u"
                + " JOIN OSSYS_TENANT t ON t.ID = u.TENANT_ID";
        assertThat(Sql.strings(source, "SELECT u.USERNAME FROM OSSYS_USER u JOIN OSSYS_TENANT t ON t.ID = u.TENANT_ID"
                + " WHERE t.NAME = 'ServiceCenter'")).containsExactlyInAnyOrder("admin", "dev.lead");
        // source: one pair equal only under a case-insensitive collation, in tenant Users, one inactive and older
        List<Object[]> sourceUsers = Sql.rows(source, byTenant);
        List<List<Object[]>> caseDuplicates = duplicates(sourceUsers, true);
        assertThat(caseDuplicates).singleElement().satisfies(pair -> {
            assertThat(pair.get(0)[0]).isEqualTo("Users");
            assertThat(pair.get(0)[1]).isNotEqualTo(pair.get(1)[1]);
            Object[] inactive = flag(pair.get(0)[2]) == 0 ? pair.get(0) : pair.get(1);
            Object[] active = inactive == pair.get(0) ? pair.get(1) : pair.get(0);
            assertThat(flag(active[2])).isEqualTo(1);
            assertThat(flag(inactive[2])).isZero();
            assertThat(inactive[3].toString()).isLessThan(active[3].toString());
        });
        assertThat(duplicates(sourceUsers, false)).isEmpty();
        assertThat(Sql.count(source, "SELECT COUNT(DISTINCT EXTERNAL_ID) FROM OSSYS_USER")).isEqualTo(sourceUsers.size());
        assertThat(Sql.strings(source, "SELECT PASSWORD FROM OSSYS_USER")).allMatch(p -> p.startsWith("$1$"));

        // destination: ~70% of the source end users, some in another letter case, plus its own users
        Set<String> sourceEndUsers = new HashSet<>();
        Set<String> sourceExact = new HashSet<>();
        for (Object[] u : sourceUsers) {
            if (!u[0].equals("ServiceCenter") && flag(u[2]) == 1) {
                sourceEndUsers.add(u[0] + "/" + ((String) u[1]).toLowerCase(Locale.ROOT));
                sourceExact.add(u[0] + "/" + u[1]);
            }
        }
        List<Object[]> destinationUsers = Sql.rows(destination, byTenant);
        Set<String> matched = new HashSet<>();
        int otherCase = 0;
        int own = 0;
        for (Object[] u : destinationUsers) {
            String key = u[0] + "/" + ((String) u[1]).toLowerCase(Locale.ROOT);
            if (sourceEndUsers.contains(key)) {
                matched.add(key);
                otherCase += sourceExact.contains(u[0] + "/" + u[1]) ? 0 : 1;
            } else if (!u[0].equals("ServiceCenter")) {
                own++;
            }
        }
        assertThat(matched.size()).isBetween(sourceEndUsers.size() / 2, sourceEndUsers.size() * 9 / 10);
        assertThat(otherCase).isPositive();
        assertThat(own).isPositive();
        assertThat(duplicates(destinationUsers, false)).singleElement().satisfies(pair ->
                assertThat(flag(pair.get(0)[2]) + flag(pair.get(1)[2])).isEqualTo(1));
        Map<String, String> sourceIds = idsBy(source, "SELECT t.NAME || '/' || LOWER(u.USERNAME), u.ID FROM OSSYS_USER u"
                + " JOIN OSSYS_TENANT t ON t.ID = u.TENANT_ID WHERE u.IS_ACTIVE = 1");
        Map<String, String> destinationIds = idsBy(destination, "SELECT t.NAME || '/' || LOWER(u.USERNAME), u.ID FROM OSSYS_USER u"
                + " JOIN OSSYS_TENANT t ON t.ID = u.TENANT_ID WHERE u.IS_ACTIVE = 1");
        sourceIds.forEach((key, id) -> assertThat(destinationIds.get(key)).as(key).isNotEqualTo(id));

        // roles: SupportLead was never published to the destination
        assertThat(Sql.strings(source, "SELECT NAME FROM OSSYS_ROLE")).containsExactlyInAnyOrder("OrderManager", "OrderViewer",
                "SupportAgent", "SupportLead");
        assertThat(Sql.strings(destination, "SELECT NAME FROM OSSYS_ROLE")).containsExactlyInAnyOrder("OrderManager",
                "OrderViewer", "SupportAgent");
        assertThat(Sql.string(destination, "SELECT LOWER(SS_KEY) FROM OSSYS_ROLE WHERE NAME = 'OrderManager'"))
                .isEqualTo(SampleSolution.roleSsKey(ORDERS_CORE, "OrderManager"));
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSSYS_USER_ROLE ur JOIN OSSYS_ROLE r ON r.ID = ur.ROLE_ID"
                + " WHERE r.NAME = 'SupportLead'")).isPositive();
        // groups: both in tenant Users in the source, only Sales (one member) in the destination
        assertThat(Sql.strings(source, "SELECT g.NAME FROM OSSYS_GROUP g JOIN OSSYS_TENANT t ON t.ID = g.TENANT_ID"
                + " WHERE t.NAME = 'Users'")).containsExactlyInAnyOrder("Sales", "Support Team");
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSSYS_GROUP_USER")).isEqualTo(7);
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSSYS_GROUP_ROLE")).isEqualTo(4);
        assertThat(Sql.strings(destination, "SELECT NAME FROM OSSYS_GROUP")).containsExactly("Sales");
        assertThat(Sql.count(destination, "SELECT COUNT(*) FROM OSSYS_GROUP_USER")).isEqualTo(1);
        assertThat(Sql.string(destination, "SELECT ID FROM OSSYS_GROUP")).isNotEqualTo(
                Sql.string(source, "SELECT ID FROM OSSYS_GROUP WHERE NAME = 'Sales'"));
    }

    @Test
    void sameOptionsGiveTheSameDataAndAnotherSeedOtherData() throws SQLException {
        Connection again = source(SampleOptions.of(N));
        List<String> tables = new ArrayList<>(applicationTables(source));
        tables.addAll(BptDdl.INSTANCE_TABLES);
        tables.addAll(List.of("OSSYS_BPM_PROCESS_DEFINITION", "OSSYS_BPM_ACTIVITY_DEFINITION", "OSEVT_a1b_Order",
                "OSEVT_k3m_Ticket", "OSEVT_USER"));
        for (String table : tables) {
            assertThat(TableChecksum.of(again, table)).as(table).isEqualTo(TableChecksum.of(source, table));
        }
        Connection reseeded = source(SampleOptions.of(N).withSeed(7));
        assertThat(TableChecksum.of(reseeded, "OSUSR_A1B_CUSTOMER"))
                .isNotEqualTo(TableChecksum.of(source, "OSUSR_A1B_CUSTOMER"));
        assertThat(TableChecksum.of(reseeded, "OSUSR_K3M_TICKET"))
                .isNotEqualTo(TableChecksum.of(source, "OSUSR_K3M_TICKET"));
    }

    @Test
    void danglingIgnoreReferencesBreakOnlyOrderCouponId() throws SQLException {
        Connection c = source(SampleOptions.of(N).withDanglingIgnoreReferences(true));
        Map<String, Long> dangling = danglingReferences(c);
        assertThat(dangling.get("Order.CouponId")).isBetween(1L, SIZES.orders() * 3 / 100);
        dangling.remove("Order.CouponId");
        assertThat(dangling).allSatisfy((reference, count) -> assertThat(count).as(reference).isZero());
        assertThat(TableChecksum.of(c, "OSUSR_A1B_CUSTOMER")).isEqualTo(TableChecksum.of(source, "OSUSR_A1B_CUSTOMER"));
    }

    @Test
    void unmatchedStaticRecordIsActiveInTheSourceAndGoneFromTheDestination() throws SQLException {
        SampleOptions o = SampleOptions.of(N).withUnmatchedStaticRecord(true);
        Connection src = source(o);
        Connection dst = destination(o);
        String key = SampleSolution.recordSsKey(ORDERS_CORE, "OrderStatus", "OnHold");
        Object[] a = new MetamodelView(src).record(ORDERS_CORE, "OrderStatus", key);
        Object[] b = new MetamodelView(dst).record(ORDERS_CORE, "OrderStatus", key);
        assertThat(a[1]).isEqualTo(true);
        assertThat(b[1]).isEqualTo(false);
        assertThat(label(src, "OSUSR_A1B_ORDERSTATUS", (String) a[0])).isEqualTo("OnHold");
        assertThat(Sql.count(dst, "SELECT COUNT(*) FROM OSUSR_Q9Z_ORDERSTATUS WHERE ID = " + b[0])).isZero();
        long onHold = Sql.count(src, "SELECT COUNT(*) FROM OSUSR_A1B_ORDER WHERE STATUSID = " + a[0]);
        assertThat(onHold).isBetween(1L, SIZES.orders() * 3 / 100);
        // without the option neither environment knows the record
        assertThat(new MetamodelView(source).record(ORDERS_CORE, "OrderStatus", key)).isNull();
        assertThat(new MetamodelView(destination).record(ORDERS_CORE, "OrderStatus", key)).isNull();
        assertThat(TableChecksum.of(src, "OSUSR_A1B_CUSTOMER")).isEqualTo(TableChecksum.of(source, "OSUSR_A1B_CUSTOMER"));
    }

    @Test
    void conflictingCouponsShareCodesWithSourceCouponsUnderOtherIds() throws SQLException {
        Connection dst = destination(SampleOptions.of(N).withConflictingCoupons(true));
        Set<String> sourceCodes = new HashSet<>(Sql.strings(source, "SELECT CODE FROM OSUSR_A1B_COUPON"));
        assertThat(Sql.strings(source, "SELECT ID FROM OSUSR_A1B_COUPON")).allSatisfy(id -> assertThat(id).hasSize(36));
        List<Object[]> conflicting = Sql.rows(dst, "SELECT CODE, ID FROM OSUSR_Q9Z_COUPON");
        assertThat(conflicting).hasSize(3).allSatisfy(r -> assertThat(sourceCodes).contains((String) r[0]));
        assertThat(Sql.strings(dst, "SELECT ID FROM OSUSR_Q9Z_COUPON"))
                .doesNotContainAnyElementsOf(Sql.strings(source, "SELECT ID FROM OSUSR_A1B_COUPON"));
        assertThat(rows(destination, "OSUSR_Q9Z_COUPON")).isZero();
    }

    @Test
    void destinationCustomersComeWithAddressesOrdersAndLines() throws SQLException {
        Connection dst = destination(SampleOptions.of(N).withDestinationCustomers(3));
        assertThat(rows(dst, "OSUSR_Q9Z_CUSTOMER")).isEqualTo(3);
        assertThat(rows(dst, "OSUSR_Q9Z_ADDRESS")).isEqualTo(3);
        assertThat(rows(dst, "OSUSR_Q9Z_ORDER")).isEqualTo(6);
        assertThat(rows(dst, "OSUSR_Q9Z_ORDERLINE")).isEqualTo(12);
        assertThat(Sql.strings(dst, "SELECT DISTINCT CHANNEL FROM OSUSR_Q9Z_ORDER")).isNotEmpty().allMatch(v -> v != null);
        assertThat(Sql.count(dst, "SELECT COUNT(*) FROM OSUSR_Q9Z_CUSTOMER WHERE EMAIL2 IS NOT NULL")).isPositive();
        assertThat(danglingReferences(dst)).allSatisfy((reference, count) -> assertThat(count).as(reference).isZero());
        assertThat(Sql.strings(dst, "SELECT DISTINCT t.NAME FROM OSUSR_Q9Z_CUSTOMER c JOIN OSSYS_TENANT t ON t.ID = c.TENANT_ID"))
                .isSubsetOf("Acme", "Globex");
        // identity counters were moved past the generated ids: osmigrate's inserts must not collide
        try (java.sql.Statement s = dst.createStatement()) {
            s.executeUpdate("INSERT INTO OSUSR_Q9Z_CUSTOMER (NAME) VALUES ('new')");
            s.executeUpdate("INSERT INTO OSSYS_USER (TENANT_ID, USERNAME) VALUES (" + Sql.string(dst,
                    "SELECT ID FROM OSSYS_TENANT WHERE NAME = 'Users'") + ", 'new.user@example.com')");
            s.executeUpdate("INSERT INTO OSUSR_Q9Z_ORDERSTATUS (LABEL) VALUES ('New')");
        }
        assertThat(Sql.count(dst, "SELECT ID FROM OSUSR_Q9Z_CUSTOMER WHERE NAME = 'new'")).isEqualTo(4);
        assertThat(Sql.count(dst, "SELECT ID FROM OSUSR_Q9Z_ORDERSTATUS WHERE LABEL = 'New'")).isGreaterThan(14);
        assertThat(Sql.count(dst, "SELECT COUNT(*) FROM OSUSR_Q9Z_ORDER WHERE CHANNEL IS NULL")).isZero();
    }

    @Test
    void bptDefinitionsMatchBySsKeyUnderOtherIdsWithDriftOnBothSides() throws SQLException {
        for (String table : List.of("OSSYS_BPM_PROCESS_DEFINITION", "OSSYS_BPM_ACTIVITY_DEFINITION",
                "OSSYS_BPM_PROCESS_INPUT_DEF", "OSSYS_BPM_PROCESS_OUTPUT_DEF", "OSSYS_BPM_ACTIVITY_OUTPUT_DEF")) {
            Map<String, String> a = idsBy(source, "SELECT LOWER(SS_KEY), ID FROM " + table);
            Map<String, String> b = idsBy(destination, "SELECT LOWER(SS_KEY), ID FROM " + table);
            Set<String> shared = new HashSet<>(a.keySet());
            shared.retainAll(b.keySet());
            assertThat(shared).as(table).isNotEmpty();
            shared.forEach(key -> assertThat(b.get(key)).as("%s id of %s", table, key).isNotEqualTo(a.get(key)));
        }
        for (String table : List.of("OSSYS_BPM_ACTIVITY_KIND", "OSSYS_BPM_PROCESS_STATUS", "OSSYS_BPM_ACTIVITY_STATUS")) {
            Map<String, String> a = idsBy(source, "SELECT NAME, ID FROM " + table);
            Map<String, String> b = idsBy(destination, "SELECT NAME, ID FROM " + table);
            assertThat(b.keySet()).as(table).isEqualTo(a.keySet()).contains(table.endsWith("KIND") ? "Human Activity" : "Closed");
            a.forEach((name, id) -> assertThat(b.get(name)).as("%s id of %s", table, name).isNotEqualTo(id));
        }
        String legacy = SampleSolution.processSsKey(ORDERS_CORE, SampleSolution.PROCESS_LEGACY_APPROVAL);
        String audit = SampleSolution.processSsKey(ORDERS_CORE, SampleSolution.PROCESS_ORDER_AUDIT);
        String definition = "SELECT IS_ACTIVE FROM OSSYS_BPM_PROCESS_DEFINITION WHERE LOWER(SS_KEY) = ?";
        assertThat(flag(Sql.rows(source, definition, legacy).get(0)[0])).isEqualTo(1);
        assertThat(Sql.rows(destination, definition, legacy)).isEmpty();
        assertThat(flag(Sql.rows(destination, definition, audit).get(0)[0])).isZero();
        assertThat(Sql.rows(source, definition, audit)).isEmpty();
        // roles of human activities, by the local ids of each side
        for (Connection c : List.of(source, destination)) {
            assertThat(Sql.strings(c, "SELECT r.NAME FROM OSSYS_BPM_ACTIVITY_DEF_ROLE x JOIN OSSYS_BPM_ACTIVITY_DEFINITION d"
                    + " ON d.ID = x.ACTIVITY_DEF_ID JOIN OSSYS_ROLE r ON r.ID = x.ROLE_ID WHERE d.NAME = 'Triage'"))
                    .containsExactly(SampleSolution.ROLE_SUPPORT_AGENT);
        }
    }

    @Test
    void processTreesKeepTheTopProcessInvariant() throws SQLException {
        long roots = Sql.count(source, "SELECT COUNT(*) FROM OSSYS_BPM_PROCESS WHERE PARENT_PROCESS_ID IS NULL");
        assertThat(roots).isGreaterThanOrEqualTo(BptInstances.fulfillments(N));
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSSYS_BPM_PROCESS WHERE PARENT_PROCESS_ID IS NULL"
                + " AND PARENT_ACTIVITY_ID IS NULL AND TOP_PROCESS_ID = ID")).isEqualTo(roots);
        // a sub-process: launched by an Execute Process activity of its parent, under its parent's top process
        long subs = Sql.count(source, "SELECT COUNT(*) FROM OSSYS_BPM_PROCESS WHERE PARENT_PROCESS_ID IS NOT NULL");
        assertThat(subs).isPositive();
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSSYS_BPM_PROCESS p JOIN OSSYS_BPM_PROCESS parent"
                + " ON parent.ID = p.PARENT_PROCESS_ID JOIN OSSYS_BPM_ACTIVITY a ON a.ID = p.PARENT_ACTIVITY_ID"
                + " JOIN OSSYS_BPM_ACTIVITY_DEFINITION d ON d.ID = a.ACTIVITY_DEF_ID JOIN OSSYS_BPM_ACTIVITY_KIND k ON k.ID = d.KIND"
                + " WHERE a.PROCESS_ID = parent.ID AND p.TOP_PROCESS_ID = parent.TOP_PROCESS_ID AND p.TOP_PROCESS_ID <> p.ID"
                + " AND k.NAME = 'Execute Process'")).isEqualTo(subs);
        // activities follow each other within their process
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSSYS_BPM_ACTIVITY a JOIN OSSYS_BPM_ACTIVITY p"
                + " ON p.ID = a.PRECEDENT_ACTIVITY_ID WHERE p.PROCESS_ID <> a.PROCESS_ID")).isZero();
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSSYS_BPM_ACTIVITY WHERE PRECEDENT_ACTIVITY_ID IS NOT NULL"))
                .isPositive();
        // several kinds, open and closed, human ones assigned to a user or (USER_ID 0) to a group
        String byKind = "SELECT COUNT(*) FROM OSSYS_BPM_ACTIVITY a JOIN OSSYS_BPM_ACTIVITY_DEFINITION d ON d.ID = a.ACTIVITY_DEF_ID"
                + " JOIN OSSYS_BPM_ACTIVITY_KIND k ON k.ID = d.KIND JOIN OSSYS_BPM_ACTIVITY_STATUS s ON s.ID = a.STATUS_ID"
                + " WHERE k.NAME = ? AND s.NAME = ?";
        assertThat(Sql.count(source, byKind + " AND a.USER_ID > 0", "Human Activity", "Closed")).isPositive();
        assertThat(Sql.count(source, byKind + " AND a.USER_ID > 0", "Human Activity", "Ready")).isPositive();
        assertThat(Sql.count(source, byKind + " AND a.USER_ID = 0 AND a.GROUP_ID IS NOT NULL", "Human Activity", "Ready"))
                .isPositive();
        assertThat(Sql.count(source, byKind, "Wait", "Listening")).isPositive();
        assertThat(Sql.count(source, byKind + " AND a.IS_RUNNING_AT IS NOT NULL", "Automatic Activity", "Running")).isPositive();
        assertThat(Sql.count(source, byKind + " AND a.LAST_ERROR_ID IS NOT NULL", "Automatic Activity", "Error")).isPositive();
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSSYS_BPM_ACTIVITY WHERE CLOSED = ?",
                SampleSolution.EMPTY_DATE_TIME)).isPositive();
        // instances of the source-only definition, and tenants on every row
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSSYS_BPM_PROCESS p JOIN OSSYS_BPM_PROCESS_DEFINITION d"
                + " ON d.ID = p.PROCESS_DEF_ID WHERE d.NAME = ?", SampleSolution.PROCESS_LEGACY_APPROVAL)).isPositive();
        for (String table : BptDdl.INSTANCE_TABLES) {
            assertThat(Sql.count(source, "SELECT COUNT(*) FROM " + table + " x WHERE NOT EXISTS (SELECT 1 FROM OSSYS_TENANT t"
                    + " WHERE t.ID = x.TENANT_ID)")).as(table).isZero();
        }
        assertThat(Sql.strings(source, "SELECT DISTINCT t.NAME FROM OSSYS_BPM_PROCESS p JOIN OSSYS_TENANT t"
                + " ON t.ID = p.TENANT_ID")).contains("Acme", "Globex", "Users");
        // the application entity that references process instances
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSUSR_W7F_ORDERTRACKING o JOIN OSSYS_BPM_PROCESS p"
                + " ON p.ID = o.PROCESSID WHERE p.PARENT_PROCESS_ID IS NULL")).isPositive();
        assertThat(new MetamodelView(source).attribute(SampleSolution.WORKFLOW_CORE, "OrderTracking", "ProcessId").type())
                .isEqualTo(SampleSolution.referenceType(SERVICE_CENTER, "Process"));
    }

    @Test
    void referenceTypedValueTextsHoldIdsOfExistingRows() throws SQLException {
        MetamodelView view = new MetamodelView(source);
        int references = 0;
        for (String[] t : new String[][] {{"OSSYS_BPM_PROCESS_INPUT", "INPUT_VALUE"}, {"OSSYS_BPM_PROCESS_OUTPUT", "OUTPUT_VALUE"},
            {"OSSYS_BPM_ACTIVITY_OUTPUT", "OUTPUT_VALUE"}}) {
            assertThat(Sql.count(source, "SELECT COUNT(*) FROM " + t[0] + " WHERE SS_TYPE LIKE 'rt%'")).as(t[0]).isPositive();
            for (Object[] r : Sql.rows(source, "SELECT SS_TYPE, " + t[1] + " FROM " + t[0] + " WHERE SS_TYPE LIKE 'bt%'")) {
                MetamodelView.Entity target = view.target((String) r[0]);
                assertThat(Sql.count(source, "SELECT COUNT(*) FROM " + target.table() + " WHERE " + view.identifierColumn(target)
                        + " = " + Long.parseLong((String) r[1]))).as("%s %s = %s", t[0], target.name(), r[1]).isOne();
                references++;
            }
        }
        assertThat(references).isGreaterThan(20);
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSSYS_BPM_PROCESS_INPUT WHERE SS_KEY LIKE '%.#EventGeneratedInput'"))
                .isPositive();
    }

    @Test
    void subscriptionsOnBothSidesAndStaleOnesInTheDestination() throws SQLException {
        for (Connection c : List.of(source, destination)) {
            MetamodelView view = new MetamodelView(c);
            for (String[] e : new String[][] {{ORDERS_CORE, "Order"}, {SUPPORT_CORE, "Ticket"}, {SERVICE_CENTER, "User"}}) {
                String table = Sql.string(c, "SELECT EVENT_TABLE_NAME FROM OSSYS_ENTITY WHERE ID = ? AND EXPOSE_PROCESS_EVENTS = 1",
                        view.entity(e[0], e[1]).id());
                // a launch subscription of an active definition, published with the module
                assertThat(Sql.count(c, "SELECT COUNT(*) FROM " + table + " e JOIN OSSYS_BPM_PROCESS_DEFINITION d"
                        + " ON d.ID = e._PROCESS_DEF_ID WHERE d.IS_ACTIVE = 1 AND e._ACTIVITY_ID IS NULL")).as(table).isPositive();
            }
            // activities listening for an event hold a subscription each
            assertThat(Sql.count(c, "SELECT COUNT(*) FROM OSEVT_" + (c == source ? "a1b" : "q9z") + "_Order e JOIN OSSYS_BPM_ACTIVITY a"
                    + " ON a.ID = e._ACTIVITY_ID JOIN OSSYS_BPM_ACTIVITY_STATUS s ON s.ID = a.STATUS_ID"
                    + " WHERE s.NAME = 'Listening'")).isPositive();
        }
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSEVT_a1b_Order WHERE _ACTIVITY_ID IS NOT NULL AND ID IS NOT NULL"))
                .isPositive();
        // the destination's stale rows: a launch of a deleted definition, the subscription of a vanished activity
        assertThat(Sql.count(destination, "SELECT COUNT(*) FROM OSEVT_q9z_Order e JOIN OSSYS_BPM_PROCESS_DEFINITION d"
                + " ON d.ID = e._PROCESS_DEF_ID WHERE d.IS_ACTIVE = 0")).isOne();
        assertThat(Sql.count(destination, "SELECT COUNT(*) FROM OSEVT_k3m_Ticket e WHERE e._ACTIVITY_ID IS NOT NULL AND NOT EXISTS"
                + " (SELECT 1 FROM OSSYS_BPM_ACTIVITY a WHERE a.ID = e._ACTIVITY_ID)")).isOne();
        assertThat(Sql.count(source, "SELECT COUNT(*) FROM OSEVT_USER WHERE _IS_LIGHT = 1")).isOne();
        // no event is waiting in either queue by default
        for (Connection c : List.of(source, destination)) {
            assertThat(rows(c, "OSSYS_BPM_EVENT_QUEUE") + rows(c, "OSSYS_BPM_EVENT")).isZero();
        }
    }

    @Test
    void pendingDestinationEventsFillTheDestinationQueue() throws SQLException {
        Connection dst = destination(SampleOptions.of(100).withPendingDestinationEvents(true));
        assertThat(rows(dst, "OSSYS_BPM_EVENT_QUEUE")).isEqualTo(3);
        assertThat(Sql.count(dst, "SELECT COUNT(*) FROM OSSYS_BPM_EVENT_QUEUE q JOIN OSSYS_BPM_PROCESS_DEFINITION d"
                + " ON d.ID = q.PROCESS_DEF_ID WHERE d.NAME = ?", SampleSolution.PROCESS_ORDER_FULFILLMENT)).isEqualTo(3);
    }

    @Test
    void refusesADatabaseThatAlreadyHoldsAnEnvironment() {
        assertThatThrownBy(() -> SampleEnvironments.createDestination(source, SampleOptions.of(10)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty database");
    }

    // ---- helpers ----

    static long rows(Connection c, String table) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM " + table);
    }

    static int flag(Object value) {
        return value instanceof Boolean ? ((Boolean) value ? 1 : 0) : ((Number) value).intValue();
    }

    /** Active application tables (statics included) by their metamodel names. */
    static List<String> applicationTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        for (MetamodelView.Entity e : new MetamodelView(c).applicationEntities()) {
            tables.add(e.table());
        }
        return tables;
    }

    /**
     * For every active reference attribute of every active application entity, reached only through the
     * metamodel: how many non-NULL values find no row in the target. Keys are Entity.Attribute.
     */
    static Map<String, Long> danglingReferences(Connection c) throws SQLException {
        MetamodelView view = new MetamodelView(c);
        Map<String, Long> result = new TreeMap<>();
        for (MetamodelView.Entity e : view.applicationEntities()) {
            for (MetamodelView.Attribute a : view.attributes(e)) {
                if (!a.active() || !a.isReference()) {
                    continue;
                }
                MetamodelView.Entity target = view.target(a.type());
                String targetId = view.identifierColumn(target);
                result.put(e.name() + "." + a.name(), Sql.count(c, "SELECT COUNT(*) FROM " + e.table() + " x WHERE x."
                        + a.column() + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + target.table() + " t WHERE t."
                        + targetId + " = x." + a.column() + ")"));
            }
        }
        return result;
    }

    private static String label(Connection c, String table, String dataId) throws SQLException {
        return Sql.string(c, "SELECT LABEL FROM " + table + " WHERE ID = " + Integer.parseInt(dataId));
    }

    private static Map<String, String> productCategoryCodes(Connection c, String productTable) throws SQLException {
        Map<String, String> result = new HashMap<>();
        for (Object[] r : Sql.rows(c, "SELECT p.CODE, k.CODE FROM " + productTable + " p JOIN OSUSR_C4T_CATEGORY k"
                + " ON k.ID = p.CATEGORYID")) {
            result.put((String) r[0], (String) r[1]);
        }
        return result;
    }

    private static Map<String, Long> idsByCode(Connection c, String table) throws SQLException {
        Map<String, Long> result = new HashMap<>();
        for (Object[] r : Sql.rows(c, "SELECT CODE, ID FROM " + table)) {
            result.put((String) r[0], ((Number) r[1]).longValue());
        }
        return result;
    }

    private static Map<String, String> idsBy(Connection c, String sql) throws SQLException {
        Map<String, String> result = new HashMap<>();
        for (Object[] r : Sql.rows(c, sql)) {
            assertThat(result.put(String.valueOf(r[0]), String.valueOf(r[1]))).as("duplicate key %s", r[0]).isNull();
        }
        return result;
    }

    private static String keyColumn(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().equals("H2") ? "\"KEY\"" : "\"key\"";
    }

    /** Groups of user rows (tenant, username, …) sharing a tenant and a username, compared with or without case. */
    private static List<List<Object[]>> duplicates(List<Object[]> users, boolean ignoreCase) {
        Map<String, List<Object[]>> groups = new HashMap<>();
        for (Object[] u : users) {
            String name = ignoreCase ? ((String) u[1]).toLowerCase(Locale.ROOT) : (String) u[1];
            groups.computeIfAbsent(u[0] + "/" + name, k -> new ArrayList<>()).add(u);
        }
        List<List<Object[]>> result = new ArrayList<>();
        for (List<Object[]> g : groups.values()) {
            if (g.size() > 1) {
                result.add(g);
            }
        }
        return result;
    }
}
