package io.osmigrate.metamodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.env.Environment;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.sample.SampleSolution;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * The reader on the sample environments, H2 and PostgreSQL: active rows only, references decoded,
 * SS_Keys compared case-insensitively, booleans of either shape, stale tables and columns ignored.
 */
class MetamodelReaderTest {

    @TempDir
    Path dir;

    private static EntityKey key(String module, String entity) {
        return new EntityKey(SampleSolution.espaceSsKey(module), SampleSolution.entitySsKey(module, entity));
    }

    private static void check(MigrationFixture f) {
        try (Environment src = f.source(); Environment dst = f.destination()) {
            Metamodel source = MetamodelReader.read(src);
            Metamodel destination = MetamodelReader.read(dst);
            for (Metamodel m : new Metamodel[] {source, destination}) {
                assertThat(m.espaceNamed(SampleSolution.DELETED_ORDERS_CORE)).isEmpty();
                assertThat(m.entityNamed("OrdersCore", "OrderArchive")).as("inactive entity").isEmpty();
                Entity customer = m.entity(key("OrdersCore", "Customer")).orElseThrow();
                assertThat(customer.physicalTable()).doesNotContainIgnoringCase("_OLD");
                assertThat(customer.attributeNamed("LegacyCode")).as("inactive attribute").isEmpty();
                assertThat(customer.multitenant()).isTrue();
                Entity order = m.entity(key("OrdersCore", "Order")).orElseThrow();
                assertThat(order.attributeNamed("CustomerId").orElseThrow().type().target()).isEqualTo(customer.key());
                assertThat(order.attributeNamed("CouponId").orElseThrow().deleteRule()).isEqualTo(DeleteRule.IGNORE);
                assertThat(order.identifierAttribute().orElseThrow().autonumber()).isTrue();
                assertThat(m.entity(key("OrdersCore", "Coupon")).orElseThrow().identifierAttribute().orElseThrow().autonumber()).isFalse();
                assertThat(m.entity(key("OrdersCore", "OrderStatus")).orElseThrow().isStatic()).isTrue();
                assertThat(m.records(key("OrdersCore", "OrderStatus"))).filteredOn(StaticRecord::active).hasSize(5);
                assertThat(m.systemEntityByTable(Metamodel.USER_TABLE)).isPresent();
                assertThat(m.application("orders").orElseThrow().espaces()).contains(SampleSolution.espaceSsKey("OrdersCore"));
                assertThat(m.tenants()).extracting(Tenant::name).contains("Users", "Acme", "Globex", "ServiceCenter");
            }
            // the destination spells the OrdersCore SS_Key in upper case: the keys still match
            assertThat(destination.espace(SampleSolution.espaceSsKey("OrdersCore").toUpperCase())).isPresent();
            assertThat(destination.entity(key("OrdersCore", "Order")).orElseThrow().attributeNamed("Channel")).isPresent();
            assertThat(source.entity(key("OrdersCore", "Order")).orElseThrow().attributeNamed("Channel")).isEmpty();
            assertThat(source.entity(key("OrdersCore", "Customer")).orElseThrow().attributeNamed("Email").orElseThrow().column())
                    .isEqualTo("EMAIL");
            assertThat(destination.entity(key("OrdersCore", "Customer")).orElseThrow().attributeNamed("Email").orElseThrow().column())
                    .isEqualTo("EMAIL2");
        }
    }

    @Test
    void readsTheActiveMetamodelOfH2Environments() throws Exception {
        try (MigrationFixture f = MigrationFixture.h2(dir, SampleOptions.of(100))) {
            check(f);
        }
    }

    @Test
    void readsTheActiveMetamodelOfPostgresEnvironmentsWithIntegerFlags() throws Exception {
        try (MigrationFixture f = MigrationFixture.postgres(dir, SampleOptions.of(100))) {
            check(f);
        }
    }

    @Test
    void decodesReferenceTypes() {
        AttributeType t = AttributeType.parse("bt2848DF88-835f-427a-b0db-e29a1d8e9766*0f3b6288-e5b3-4804-97e2-9b1ea18fc12e");
        assertThat(t.isReference()).isTrue();
        assertThat(t.target()).isEqualTo(new EntityKey("2848df88-835f-427a-b0db-e29a1d8e9766", "0F3B6288-E5B3-4804-97E2-9B1EA18FC12E"));
        assertThat(AttributeType.parse("rtText").basic()).isEqualTo(OsType.TEXT);
        assertThat(AttributeType.parse("rtEntityReference").isReference()).isFalse();
        assertThat(AttributeType.parse("bt*").isReference()).isFalse();
        assertThat(AttributeType.parse(null).basic()).isEqualTo(OsType.UNKNOWN);
    }
}
