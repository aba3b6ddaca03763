package io.osmigrate.plan;

import static io.osmigrate.plan.MiniModel.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.config.ConfigException;
import io.osmigrate.spec.SpecLoader;

/**
 * Soft keys in the plan: declared ones become references that keep their none values, ordered and deferred like
 * references and listed by the plan; a declaration the metamodel or the scope contradicts is an error naming the
 * file, the line and the key; undeclared look-alikes are found by name and confirmed by their values.
 */
class SoftKeyPlannerTest {

    private static final String SCOPE = "scope: {applications: [Shop App]}\nentities:\n  Catalog.Product: {match: [Code]}\n";

    @TempDir
    Path dir;

    private static MiniModel model(String name, Consumer<MiniModel> extra) {
        MiniModel m = new MiniModel(name).module("Shop", false).module("Catalog", false).module("Archive", false)
                .application("Shop App", "Shop");
        m.entity("Catalog", "Kind").table("OSUSR_C_KIND").id("rtInteger", true).asStatic("Book", "Toy").add();
        m.entity("Catalog", "Product").table("OSUSR_C_PRODUCT").attr("Code", "rtText", true).add();
        m.entity("Archive", "Box").table("OSUSR_A_BOX").attr("Label", "rtText", true).add();
        m.entity("Shop", "Customer").table("OSUSR_S_CUSTOMER").attr("Name", "rtText", true)
                .attr("LastInvoiceId", "rtInteger", false).add();
        m.entity("Shop", "Order").table("OSUSR_S_ORDER").attr("CustomerId", ref("Shop", "Customer"), true)
                .attr("ProductId", ref("Catalog", "Product"), false).add();
        m.entity("Shop", "Invoice").table("OSUSR_S_INVOICE").attr("CustomerRef", "rtLongInteger", true)
                .attr("OrderCode", "rtText", false).attr("Amount", "rtDecimal", false).attr("LegacyOrderId", "rtInteger", false)
                .attr("OrderId", ref("Shop", "Order"), false).add();
        m.entity("Shop", "Tag").table("OSUSR_S_TAG").id("rtText", false).attr("Label", "rtText", true).add();
        extra.accept(m);
        return m;
    }

    private Plan plan(String softKeys) throws Exception {
        return Planner.plan(SpecLoader.load(spec(softKeys)), model("src", m -> { }).view(), model("dst", m -> { }).view(), 1000);
    }

    private Path spec(String softKeys) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "source: src\ndestination: dst\n" + SCOPE + "softKeys:\n" + softKeys);
        return file;
    }

    @Test
    void aDeclaredSoftKeyIsAReferenceThatIsOrderedListedAndKeepsItsNoneValues() throws Exception {
        Plan plan = plan("  shop.invoice.customerref: Shop.Customer\n  Shop.Invoice.OrderCode: shop.order\n");
        assertThat(plan.runnable()).as(plan.findings().toString()).isTrue();
        ColumnPlan customer = plan.entity("Shop.Invoice").orElseThrow().column("CustomerRef").orElseThrow();
        assertThat(customer.role()).isEqualTo(ColumnRole.REFERENCE);
        assertThat(customer.soft()).isTrue();
        assertThat(customer.target().qualifiedName()).isEqualTo("Shop.Customer");
        assertThat(customer.mandatory()).isTrue();
        assertThat(plan.entity("Shop.Invoice").orElseThrow().column("Amount").orElseThrow().soft()).isFalse();
        List<String> order = plan.moved().stream().map(p -> p.entity().name()).toList();
        assertThat(order.indexOf("Invoice")).isGreaterThan(order.indexOf("Customer")).isGreaterThan(order.indexOf("Order"));
        assertThat(plan.softKeys()).extracting(k -> k.entity() + "." + k.attribute() + " → " + k.target() + " " + k.type())
                .containsExactly("Shop.Invoice.CustomerRef → Shop.Customer LongInteger", "Shop.Invoice.OrderCode → Shop.Order Text");
        assertThat(PlanPrinter.print(plan)).contains("Soft keys", "Shop.Invoice.CustomerRef → Shop.Customer", "mandatory");

        Path json = dir.resolve("plan.json");
        PlanJson.write(plan, json);
        Plan read = PlanJson.read(json);
        assertThat(read.entity("Shop.Invoice").orElseThrow().column("OrderCode").orElseThrow().soft()).isTrue();
        assertThat(read.softKeys()).isEqualTo(plan.softKeys());
    }

    @Test
    void anOptionalSoftKeyIsDeferredToBreakACycle() throws Exception {
        Plan plan = plan("  Shop.Invoice.CustomerRef: Shop.Customer\n  Shop.Customer.LastInvoiceId: Shop.Invoice\n");
        assertThat(plan.runnable()).as(plan.findings().toString()).isTrue();
        assertThat(plan.deferred()).extracting(d -> d.entity().name() + "." + d.attribute() + " → " + d.target().name())
                .containsExactly("Customer.LastInvoiceId → Invoice");
        ColumnPlan last = plan.entity("Shop.Customer").orElseThrow().column("LastInvoiceId").orElseThrow();
        assertThat(last.deferred()).isTrue();
        assertThat(last.soft()).as("deferring keeps it soft").isTrue();
        assertThat(plan.softKeys()).filteredOn(SoftKeyLine::deferred).extracting(SoftKeyLine::attribute)
                .containsExactly("LastInvoiceId");
    }

    @Test
    void aDeclarationTheModelOrTheScopeContradictsIsAnErrorNamingFileLineAndKey() {
        assertError("  Shop.Bill.CustomerRef: Shop.Customer\n", "no entity Shop.Bill in the source");
        assertError("  Shop.Invoice.CustomerNo: Shop.Customer\n", "no attribute 'CustomerNo' in Shop.Invoice; its attributes: Id,"
                + " CustomerRef");
        assertError("  Shop.Invoice.OrderId: Shop.Order\n", "OrderId is a reference already (to Shop.Order)");
        assertError("  Shop.Invoice.Id: Shop.Order\n", "is Shop.Invoice's identifier");
        assertError("  Shop.Invoice.Amount: Shop.Order\n", "Amount is of type rtDecimal; a soft key is an Integer, Long Integer"
                + " or Text attribute");
        assertError("  Shop.Invoice.CustomerRef: Archive.Box\n", "Archive.Box is not in this spec's scope, so its ids cannot be"
                + " remapped; add it to the scope");
        assertError("  Shop.Invoice.CustomerRef: Catalog.Kind\n", "Catalog.Kind is a static entity");
        assertError("  Shop.Invoice.CustomerRef: Shop.Nobody\n", "no entity Shop.Nobody in the source");
        assertError("  Catalog.Product.Code: Shop.Order\n", "Catalog.Product is a lookup here; only the attributes of moved"
                + " entities are remapped");
        assertError("  Shop.Invoice.CustomerRef: Shop.Tag\n", "Shop.Tag's identifier is not a number, so the rtLongInteger"
                + " attribute CustomerRef cannot hold its ids");
    }

    private void assertError(String softKeys, String message) {
        assertThatThrownBy(() -> plan(softKeys)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("t.yaml") + ", line 7: softKeys." + softKeys.trim().split(":")[0] + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void aTextSoftKeyMayPointAtATextIdentifier() throws Exception {
        Plan plan = plan("  Shop.Invoice.OrderCode: Shop.Tag\n");
        assertThat(plan.runnable()).isTrue();
        assertThat(plan.entity("Shop.Invoice").orElseThrow().column("OrderCode").orElseThrow().target().name()).isEqualTo("Tag");
    }

    @Test
    void noneValuesAreKeptAndOtherValuesAreLookedUpAsTheTargetsIdentifiersAreCarried() {
        for (Object none : new Object[] {null, 0, 0L, new java.math.BigDecimal("0.00"), "", "  ", "0", " 0 "}) {
            assertThat(SoftKeyValues.isNone(none)).as("%s", none).isTrue();
        }
        for (Object some : new Object[] {7, -1L, "12", "x", "007"}) {
            assertThat(SoftKeyValues.isNone(some)).as("%s", some).isFalse();
        }
        SoftKeyValues numeric = new SoftKeyValues(true);
        assertThat(numeric.key(7)).isEqualTo(7L);
        assertThat(numeric.key(" 42 ")).isEqualTo(42L);
        assertThat(numeric.key("+42")).isEqualTo(42L);
        assertThat(numeric.key("A-42")).isEqualTo("A-42");
        assertThat(new SoftKeyValues(false).key(" 42 ")).isEqualTo("42");
    }

    /** A source that answers the look-alike's one query with the given counts, and records it. */
    private static final class Counts implements SubsetResolver.SourceScan {
        final List<String> queries = new ArrayList<>();
        final long values;
        final long matching;

        Counts(long values, long matching) {
            this.values = values;
            this.matching = matching;
        }

        @Override
        public String quote(String identifier) {
            return "\"" + identifier + "\"";
        }

        @Override
        public void query(String sql, List<Object> binds, Consumer<Object[]> row) {
            queries.add(sql);
            row.accept(new Object[] {values, matching});
        }
    }

    @Test
    void anUndeclaredLookAlikeIsWarnedAboutWhenAllOrNearlyAllOfItsValuesAreIds() throws Exception {
        Plan plan = plan("  Shop.Invoice.CustomerRef: Shop.Customer\n");
        Counts all = new Counts(40, 40);
        List<Finding> found = PossibleSoftKeys.findings(plan, all);
        assertThat(found).extracting(Finding::subject)
                .containsExactly("Shop.Customer.LastInvoiceId", "Shop.Invoice.LegacyOrderId");
        assertThat(found.get(1)).satisfies(f -> {
            assertThat(f.code()).isEqualTo("possible-soft-key");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("looks like a soft key to Shop.Order", "Integer whose 40 non-zero source values all"
                    + " are ids of Shop.Order", "softKeys", "Shop.Invoice.LegacyOrderId: Shop.Order");
        });
        assertThat(all.queries).hasSize(2).anySatisfy(q -> assertThat(q).contains("LEFT JOIN \"OSUSR_S_ORDER\" p",
                "\"LEGACYORDERID\" <> 0"));
        assertThat(PossibleSoftKeys.findings(plan, new Counts(200, 199))).hasSize(2)
                .allSatisfy(f -> assertThat(f.message()).contains("all but 1 (at least 99%)"));
        assertThat(PossibleSoftKeys.findings(plan, new Counts(200, 190))).as("a tenth are no ids").isEmpty();
        assertThat(PossibleSoftKeys.findings(plan, new Counts(0, 0))).as("only zeros say nothing").isEmpty();
        // declared, an attribute is not asked about
        Plan declared = plan("  Shop.Invoice.LegacyOrderId: Shop.Order\n");
        Counts none = new Counts(40, 40);
        assertThat(PossibleSoftKeys.findings(declared, none)).extracting(Finding::subject)
                .containsExactly("Shop.Customer.LastInvoiceId");
    }

    /** Tables as lists of rows by column; answers the subset's selects (a where is "COLUMN = ?" or FALSE). */
    private static final class Rows implements SubsetResolver.SourceScan {
        final java.util.Map<String, List<java.util.Map<String, Object>>> tables = new java.util.HashMap<>();

        Rows table(String name, String columns, Object[]... rows) {
            String[] names = columns.split(",");
            List<java.util.Map<String, Object>> list = new ArrayList<>();
            for (Object[] r : rows) {
                java.util.Map<String, Object> row = new java.util.HashMap<>();
                for (int i = 0; i < names.length; i++) {
                    row.put(names[i], r[i]);
                }
                list.add(row);
            }
            tables.put(name, list);
            return this;
        }

        @Override
        public String quote(String identifier) {
            return identifier;
        }

        @Override
        public void query(String sql, List<Object> binds, Consumer<Object[]> row) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("SELECT (.+) FROM (\\w+)(?: WHERE (.+?))?(?: ORDER BY .*)?$")
                    .matcher(sql);
            assertThat(m.matches()).as(sql).isTrue();
            String[] columns = m.group(1).split(", ");
            for (java.util.Map<String, Object> r : tables.getOrDefault(m.group(2), List.of())) {
                if (m.group(3) != null) {
                    java.util.regex.Matcher eq = java.util.regex.Pattern.compile("\\(?(\\w+) = \\?\\)?").matcher(m.group(3));
                    if (!eq.matches() || !r.get(eq.group(1)).equals(binds.get(0))) {
                        continue;
                    }
                }
                Object[] values = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    values[i] = r.get(columns[i]);
                }
                row.accept(values);
            }
        }
    }

    @Test
    void aSubsetKeepsTheRowsADeclaredSoftKeyNamesButNotForItsNoneValues() throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "source: src\ndestination: dst\n" + SCOPE + "  Shop.Invoice: {where: \"Amount = 5\"}\n"
                + "  Shop.Customer: {where: \"FALSE\"}\n  Shop.Order: {where: \"FALSE\"}\n"
                + "softKeys:\n  Shop.Invoice.CustomerRef: Shop.Customer\n  Shop.Invoice.OrderCode: Shop.Customer\n");
        io.osmigrate.spec.MigrationSpec spec = SpecLoader.load(file);
        Plan plan = Planner.plan(spec, model("src", m -> { }).view(), model("dst", m -> { }).view(), 1000);
        Rows source = new Rows()
                .table("OSUSR_S_INVOICE", "ID,AMOUNT,CUSTOMERREF,ORDERCODE,ORDERID", new Object[] {1L, 5L, 7L, " 9 ", null},
                        new Object[] {2L, 5L, 0L, "", null}, new Object[] {3L, 6L, 8L, "10", null})
                .table("OSUSR_S_CUSTOMER", "ID,NAME,LASTINVOICEID", new Object[] {7L, "a", 0L}, new Object[] {8L, "b", 0L},
                        new Object[] {9L, "c", 0L}, new Object[] {10L, "d", 0L});
        Plan subset = SubsetResolver.apply(plan, spec, source);
        KeptIds customers = subset.shaping().keptOf(plan.entity("Shop.Customer").orElseThrow().entity()).orElseThrow();
        assertThat(customers.count()).isEqualTo(2);
        assertThat(customers.contains(7L)).isTrue();
        assertThat(customers.contains(9L)).as("a text soft key's digits name customer 9").isTrue();
        assertThat(customers.contains(0L)).isFalse();
    }
}
