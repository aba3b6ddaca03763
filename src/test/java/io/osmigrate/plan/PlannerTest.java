package io.osmigrate.plan;

import static io.osmigrate.plan.MiniModel.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.osmigrate.config.ConfigException;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.Mode;
import io.osmigrate.spec.SpecLoader;

class PlannerTest {

    private static MiniModel base(String name, Consumer<MiniModel> extra) {
        MiniModel m = new MiniModel(name)
                .module("ServiceCenter", true).module("Shop", false).module("Catalog", false)
                .application("Shop App", "Shop").application("Catalog App", "Catalog");
        m.entity("ServiceCenter", "User").table("ossys_User").asSystem().attr("Username", "rtText", true).add();
        m.entity("Catalog", "Kind").table("OSUSR_C_KIND").id("rtInteger", true).asStatic("Book", "Toy").add();
        m.entity("Catalog", "Product").table("OSUSR_C_PRODUCT").attr("Code", "rtText", true)
                .attr("KindId", ref("Catalog", "Kind"), true).add();
        extra.accept(m);
        return m;
    }

    private static void shop(MiniModel m) {
        m.entity("Shop", "Status").table("OSUSR_S_STATUS").id("rtInteger", true).asStatic("Open", "Closed").add();
        m.entity("Shop", "Customer").table("OSUSR_S_CUSTOMER").multitenant().attr("Name", "rtText", true, 100, null)
                .attr("MainAddressId", ref("Shop", "Address"), false)
                .attr("CreatedBy", ref("ServiceCenter", "User"), false).add();
        m.entity("Shop", "Address").table("OSUSR_S_ADDRESS").attr("CustomerId", ref("Shop", "Customer"), true).add();
        m.entity("Shop", "Order").table("OSUSR_S_ORDER").attr("CustomerId", ref("Shop", "Customer"), true)
                .attr("ParentOrderId", ref("Shop", "Order"), false).attr("Note", "rtText", false)
                .attr("StatusId", ref("Shop", "Status"), true).add();
        m.entity("Shop", "OrderLine").table("OSUSR_S_ORDERLINE").attr("OrderId", ref("Shop", "Order"), true)
                .attr("ProductId", ref("Catalog", "Product"), true).add();
    }

    private static MigrationSpec spec(String yaml) {
        return SpecLoader.parse(Path.of("config/migrations/t.yaml"), "source: src\ndestination: dst\n" + yaml);
    }

    private static Plan plan(String yaml, Consumer<MiniModel> srcExtra, Consumer<MiniModel> dstExtra) {
        return Planner.plan(spec(yaml), base("src", srcExtra).view(), base("dst", dstExtra).view(), 1000);
    }

    private static final String SHOP = "scope: {applications: [Shop App]}\nentities:\n  Catalog.Product: {match: [Code]}\n";

    @Test
    void selectsApplicationEntitiesAndAddsProducersAsLookupsAndStaticsToMap() {
        Plan plan = plan(SHOP, PlannerTest::shop, PlannerTest::shop);
        assertThat(plan.runnable()).as(plan.findings().toString()).isTrue();
        assertThat(plan.moved()).extracting(p -> p.entity().qualifiedName())
                .containsExactly("Shop.Customer", "Shop.Address", "Shop.Order", "Shop.OrderLine");
        assertThat(plan.lookups()).extracting(p -> p.entity().qualifiedName()).containsExactly("Catalog.Product");
        assertThat(plan.statics()).extracting(s -> s.entity().qualifiedName()).containsExactly("Shop.Status");
        assertThat(plan.entity("Shop.Order").orElseThrow().column("StatusId").orElseThrow().role())
                .isEqualTo(ColumnRole.STATIC_REFERENCE);
        assertThat(plan.findings()).anyMatch(f -> f.code().equals("joined-scope") && f.message().contains("Shop.OrderLine.ProductId"));
        PlannedEntity customer = plan.entity("Shop.Customer").orElseThrow();
        assertThat(customer.column("CreatedBy").orElseThrow().role()).isEqualTo(ColumnRole.USER_REFERENCE);
        assertThat(customer.column("TENANT_ID").orElseThrow().role()).isEqualTo(ColumnRole.TENANT_ID);
        assertThat(customer.identifier().kind()).isEqualTo(IdentifierKind.AUTONUMBER);
        assertThat(plan.entity("Catalog.Product").orElseThrow().match()).extracting(MatchColumn::attribute).containsExactly("Code");
    }

    @Test
    void cycleAndSelfReferenceAreDeferredAndTheOrderRespectsTheRest() {
        Plan plan = plan(SHOP, PlannerTest::shop, PlannerTest::shop);
        assertThat(plan.deferred()).extracting(d -> d.entity().name() + "." + d.attribute())
                .containsExactlyInAnyOrder("Customer.MainAddressId", "Order.ParentOrderId");
        assertThat(plan.entity("Shop.Customer").orElseThrow().column("MainAddressId").orElseThrow().deferred()).isTrue();
        assertThat(plan.entity("Shop.Order").orElseThrow().column("ParentOrderId").orElseThrow().deferred()).isTrue();
        assertThat(plan.entity("Shop.Address").orElseThrow().column("CustomerId").orElseThrow().deferred()).isFalse();
        PlannedEntity customer = plan.entity("Shop.Customer").orElseThrow();
        PlannedEntity address = plan.entity("Shop.Address").orElseThrow();
        assertThat(customer.cycleGroup()).isEqualTo(address.cycleGroup());
        assertThat(customer.order()).isLessThan(address.order());
    }

    @Test
    void driftIsReportedNotGuessed() {
        Plan plan = plan(SHOP, m -> {
            shop(m);
            m.entity("Shop", "Note").table("OSUSR_S_NOTE").attr("Text", "rtText", false, 200, null)
                    .attr("OnlyHere", "rtText", false).attr("Count", "rtInteger", false).add();
        }, m -> {
            shop(m);
            m.entity("Shop", "Note").table("OSUSR_S_NOTE2").attr("Text", "rtText", false, 80, null)
                    .attr("Channel", "rtText", true, 20, "\"web\"").attr("Count", "rtText", false).add();
        });
        assertThat(plan.runnable()).isTrue();
        PlannedEntity note = plan.entity("Shop.Note").orElseThrow();
        assertThat(note.destinationTable()).isEqualTo("OSUSR_S_NOTE2");
        assertThat(note.column("OnlyHere")).isEmpty();
        assertThat(note.column("Channel").orElseThrow().role()).isEqualTo(ColumnRole.DEFAULT_FILL);
        assertThat(note.column("Channel").orElseThrow().fill()).isEqualTo("web");
        assertThat(plan.findings()).extracting(Finding::code).contains("attribute-missing-in-destination",
                "mandatory-attribute-filled-with-default", "text-shorter-in-destination", "type-changed");
    }

    @Test
    void moveEntityMissingInDestinationBlocksThePlan() {
        Plan plan = plan(SHOP, m -> {
            shop(m);
            m.entity("Shop", "Gone").add();
        }, PlannerTest::shop);
        assertThat(plan.runnable()).isFalse();
        assertThat(plan.errors()).extracting(Finding::code).containsExactly("entity-missing-in-destination");
    }

    @Test
    void producerWithoutMatchAttributesBlocksThePlan() {
        Plan plan = plan("scope: {applications: [Shop App]}\n", PlannerTest::shop, PlannerTest::shop);
        assertThat(plan.runnable()).isFalse();
        assertThat(plan.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("lookup-without-match");
            assertThat(f.message()).contains("Catalog.Product");
        });
    }

    @Test
    void producerCanBeMovedInsteadOfLookedUp() {
        Plan plan = plan(SHOP.replace("{match: [Code]}", "{mode: move}"), PlannerTest::shop, PlannerTest::shop);
        assertThat(plan.runnable()).isTrue();
        assertThat(plan.moved()).extracting(p -> p.entity().qualifiedName()).contains("Catalog.Product");
        assertThat(plan.moved().indexOf(plan.entity("Catalog.Product").orElseThrow()))
                .isLessThan(plan.moved().indexOf(plan.entity("Shop.OrderLine").orElseThrow()));
    }

    @Test
    void skippedProducerMakesItsReferencesSkipped() {
        Plan plan = plan(SHOP.replace("{match: [Code]}", "{mode: skip}"), PlannerTest::shop, PlannerTest::shop);
        assertThat(plan.entity("Shop.OrderLine").orElseThrow().column("ProductId").orElseThrow().role())
                .isEqualTo(ColumnRole.SKIPPED_REFERENCE);
        assertThat(plan.findings()).extracting(Finding::code).contains("mandatory-reference-to-skipped");
    }

    @Test
    void mandatoryCycleBlocksThePlanAndNamesIt() {
        Plan plan = plan("scope: {modules: [Shop]}\n", m -> {
            m.entity("Shop", "A").attr("BId", ref("Shop", "B"), true).add();
            m.entity("Shop", "B").attr("AId", ref("Shop", "A"), true).add();
        }, m -> {
            m.entity("Shop", "A").attr("BId", ref("Shop", "B"), true).add();
            m.entity("Shop", "B").attr("AId", ref("Shop", "A"), true).add();
        });
        assertThat(plan.runnable()).isFalse();
        assertThat(plan.errors()).singleElement().satisfies(f -> assertThat(f.message()).contains("Shop.A.BId → Shop.B", "Shop.B.AId → Shop.A"));
    }

    @Test
    void physicalNamesResolveCaseInsensitively() {
        MiniModel src = base("src", PlannerTest::shop);
        MiniModel dst = new MiniModel("dst").lowerCaseCatalog().module("ServiceCenter", true).module("Shop", false)
                .module("Catalog", false);
        dst.entity("ServiceCenter", "User").table("ossys_User").asSystem().attr("Username", "rtText", true).add();
        dst.entity("Catalog", "Kind").table("OSUSR_C_KIND").id("rtInteger", true).asStatic("Book", "Toy").add();
        dst.entity("Catalog", "Product").table("OSUSR_C_PRODUCT").attr("Code", "rtText", true)
                .attr("KindId", ref("Catalog", "Kind"), true).add();
        shop(dst);
        Plan plan = Planner.plan(spec(SHOP), src.view(), dst.view(), 1000);
        assertThat(plan.runnable()).as(plan.findings().toString()).isTrue();
        PlannedEntity order = plan.entity("Shop.Order").orElseThrow();
        assertThat(order.sourceTable()).isEqualTo("OSUSR_S_ORDER");
        assertThat(order.destinationTable()).isEqualTo("osusr_s_order");
        assertThat(order.column("Note").orElseThrow().destinationColumn()).isEqualTo("note");
    }

    @Test
    void unknownApplicationIsAConfigErrorListingTheApplications() {
        assertThatThrownBy(() -> plan("scope: {applications: [Shopp]}\n", PlannerTest::shop, PlannerTest::shop))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("scope.applications: no active application 'Shopp'")
                .hasMessageContaining("Shop App, Catalog App");
    }

    @Test
    void unknownMatchAttributeIsAConfigError() {
        assertThatThrownBy(() -> plan(SHOP.replace("[Code]", "[Kode]"), PlannerTest::shop, PlannerTest::shop))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("entities.Catalog.Product.match: no attribute 'Kode'");
    }

    @Test
    void staticEntitiesCannotBeSelected() {
        assertThatThrownBy(() -> plan("scope: {entities: [Catalog.Kind]}\n", PlannerTest::shop, PlannerTest::shop))
                .hasMessageContaining("is a static entity");
    }

    @Test
    void lookupModeFromTheSpecWins() {
        Plan plan = plan(SHOP + "  Shop.Address: {mode: lookup, match: [CustomerId]}\n", PlannerTest::shop, PlannerTest::shop);
        assertThat(plan.entity("Shop.Address").orElseThrow().mode()).isEqualTo(Mode.LOOKUP);
        assertThat(plan.deferred()).extracting(DeferredReference::attribute).containsExactly("ParentOrderId");
    }

    @Test
    void lookupsComeFirstBecauseTheyAreResolvedBeforeAnyRowIsMoved() {
        Plan plan = plan(SHOP, PlannerTest::shop, PlannerTest::shop);
        assertThat(plan.entities()).extracting(p -> p.entity().qualifiedName()).containsExactly(
                "Catalog.Product", "Shop.Customer", "Shop.Address", "Shop.Order", "Shop.OrderLine");
        assertThat(plan.entities()).extracting(PlannedEntity::step).containsExactly("resolve-first", "load", "load", "load", "load");
        String printed = PlanPrinter.print(plan);
        assertThat(printed.indexOf("Catalog.Product")).isGreaterThan(0).isLessThan(printed.indexOf("Shop.Customer"));
        assertThat(printed).contains("lookups first");
    }

    @Test
    void lookupsAreOrderedByTheReferencesOfTheirMatchAttributes() {
        // Vendor sorts after Part by name, so only the reference of Part.VendorId puts it first.
        Consumer<MiniModel> withVendor = m -> {
            m.entity("Catalog", "Vendor").table("OSUSR_C_VENDOR").attr("Name", "rtText", true).add();
            m.entity("Catalog", "Part").table("OSUSR_C_PART").attr("Code", "rtText", true)
                    .attr("VendorId", ref("Catalog", "Vendor"), true).add();
            m.entity("Shop", "Repair").table("OSUSR_S_REPAIR").attr("PartId", ref("Catalog", "Part"), true).add();
        };
        Plan plan = plan("scope: {modules: [Shop]}\nentities:\n  Catalog.Part: {match: [Code, VendorId]}\n"
                + "  Catalog.Vendor: {match: [Name]}\n", withVendor, withVendor);
        assertThat(plan.runnable()).as(plan.findings().toString()).isTrue();
        assertThat(plan.entities()).extracting(p -> p.entity().qualifiedName())
                .containsExactly("Catalog.Vendor", "Catalog.Part", "Shop.Repair");
    }

    @Test
    void aLookupMatchingThroughAMovedEntityBlocksThePlan() {
        Plan plan = plan(SHOP + "  Shop.Address: {mode: lookup, match: [CustomerId]}\n", PlannerTest::shop, PlannerTest::shop);
        assertThat(plan.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("lookup-matches-moved-entity");
            assertThat(f.subject()).isEqualTo("Shop.Address.CustomerId");
            assertThat(f.message()).contains("Shop.Customer", "resolved before any row is moved");
        });
    }

    /** A (module Front) → B (module Mid) → C (module Back), each reference mandatory; B also has a Code. */
    private static void chain(MiniModel m) {
        m.module("Front", false).module("Mid", false).module("Back", false);
        m.entity("Back", "C").table("OSUSR_K_C").attr("Name", "rtText", true).add();
        m.entity("Mid", "B").table("OSUSR_M_B").attr("Code", "rtText", true).attr("CId", ref("Back", "C"), true).add();
        m.entity("Front", "A").table("OSUSR_F_A").attr("BId", ref("Mid", "B"), true).add();
    }

    private static Plan chainPlan(String entities) {
        return plan("scope: {modules: [Front]}\nentities:\n" + entities, PlannerTest::chain, PlannerTest::chain);
    }

    @Test
    void aLookupProducerBringsInOnlyWhatItsMatchAttributesReference() {
        Plan plan = chainPlan("  Mid.B: {match: [Code]}\n");
        assertThat(plan.runnable()).as(plan.findings().toString()).isTrue();
        assertThat(plan.entities()).extracting(p -> p.entity().qualifiedName() + ":" + p.mode().wire())
                .containsExactly("Mid.B:lookup", "Front.A:move");
        assertThat(plan.findings()).anyMatch(f -> f.code().equals("joined-scope") && f.subject().equals("Mid.B")
                && f.message().contains("referenced by Front.A.BId"));

        plan = chainPlan("  Mid.B: {match: [Code, CId]}\n  Back.C: {match: [Name]}\n");
        assertThat(plan.runnable()).as(plan.findings().toString()).isTrue();
        assertThat(plan.entities()).extracting(p -> p.entity().qualifiedName() + ":" + p.mode().wire())
                .containsExactly("Back.C:lookup", "Mid.B:lookup", "Front.A:move");
        assertThat(plan.findings()).anyMatch(f -> f.code().equals("joined-scope") && f.subject().equals("Back.C")
                && f.message().contains("referenced by Mid.B.CId"));
    }

    @Test
    void settingsOfAnEntityOutsideTheScopeAreAWarningNotSilentlyIgnored() {
        Plan plan = chainPlan("  Mid.B: {match: [Code]}\n  Back.C: {match: [Name], batchSize: 10}\n");
        assertThat(plan.runnable()).isTrue();
        assertThat(plan.entity("Back.C")).isEmpty();
        assertThat(plan.findings()).filteredOn(f -> f.code().equals("entity-settings-unused")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.subject()).isEqualTo("Back.C");
            assertThat(f.message()).contains("config/migrations/t.yaml: entities.Back.C has no effect", "match attributes");
        });
        assertThat(chainPlan("  Mid.B: {match: [Code, CId]}\n  Back.C: {match: [Name]}\n").findings())
                .noneMatch(f -> f.code().equals("entity-settings-unused"));
    }

    @Test
    void aMovedProducerBringsInItsOwnProducersAcrossModules() {
        Plan plan = chainPlan("  Mid.B: {mode: move}\n  Back.C: {match: [Name]}\n");
        assertThat(plan.runnable()).as(plan.findings().toString()).isTrue();
        assertThat(plan.entities()).extracting(p -> p.entity().qualifiedName() + ":" + p.mode().wire())
                .containsExactly("Back.C:lookup", "Mid.B:move", "Front.A:move");
        assertThat(plan.findings()).anyMatch(f -> f.code().equals("joined-scope") && f.subject().equals("Back.C")
                && f.message().contains("referenced by Mid.B.CId"));
    }

    @Test
    void planRoundTripsThroughJson() throws Exception {
        Plan plan = plan(SHOP, PlannerTest::shop, PlannerTest::shop);
        Path file = java.nio.file.Files.createTempFile("plan", ".json");
        PlanJson.write(plan, file);
        assertThat(java.nio.file.Files.readString(file)).contains("\"runnable\" : true");
        assertThat(PlanJson.read(file)).isEqualTo(plan);
        assertThat(PlanPrinter.print(plan)).contains("Shop.Customer.MainAddressId → Shop.Address", "self-reference", "Runnable");
    }
}
