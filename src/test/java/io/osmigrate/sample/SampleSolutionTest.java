package io.osmigrate.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keys, options, sizes and engine detection: everything that needs no database. */
class SampleSolutionTest {

    @Test
    void ssKeysAreNameBasedLowerCaseGuidsOfTheObjectPath() {
        String expected = UUID.nameUUIDFromBytes("osmigrate-sample:entity:OrdersCore.Customer".getBytes(StandardCharsets.UTF_8))
                .toString();
        assertThat(SampleSolution.entitySsKey("OrdersCore", "Customer")).isEqualTo(expected).hasSize(36)
                .isLowerCase();
        assertThat(SampleSolution.espaceSsKey("OrdersCore")).isEqualTo(SampleSolution.ssKey("espace:OrdersCore"));
        assertThat(SampleSolution.attributeSsKey("OrdersCore", "Customer", "Email"))
                .isEqualTo(SampleSolution.ssKey("attr:OrdersCore.Customer.Email"));
        assertThat(SampleSolution.recordSsKey("OrdersCore", "OrderStatus", "Placed"))
                .isEqualTo(SampleSolution.ssKey("record:OrdersCore.OrderStatus.Placed"));
        assertThat(SampleSolution.roleSsKey("OrdersCore", "OrderManager"))
                .isEqualTo(SampleSolution.ssKey("role:OrdersCore.OrderManager"));
        assertThat(SampleSolution.applicationKey("Orders")).isEqualTo(SampleSolution.ssKey("app:Orders"));
        assertThat(SampleSolution.espaceSsKey("OrdersCore")).isNotEqualTo(SampleSolution.espaceSsKey("SupportCore"));
    }

    @Test
    void referenceTypesFollowTheBtEncoding() {
        String type = SampleSolution.referenceType("ServiceCenter", "User");
        assertThat(type).hasSize(75).startsWith("bt");
        assertThat(type.substring(2, 38)).isEqualTo(SampleSolution.espaceSsKey("ServiceCenter"));
        assertThat(type.charAt(38)).isEqualTo('*');
        assertThat(type.substring(39)).isEqualTo(SampleSolution.entitySsKey("ServiceCenter", "User"));
    }

    @Test
    void optionsDefaultAndCopy() {
        SampleOptions o = SampleOptions.of(1000);
        assertThat(o).isEqualTo(new SampleOptions(1000, 42, false, false, false, 0, false));
        assertThat(o.withRows(5)).isEqualTo(new SampleOptions(5, 42, false, false, false, 0, false));
        assertThat(o.withSeed(7)).isEqualTo(new SampleOptions(1000, 7, false, false, false, 0, false));
        assertThat(o.withConflictingCoupons(true)).isEqualTo(new SampleOptions(1000, 42, true, false, false, 0, false));
        assertThat(o.withUnmatchedStaticRecord(true)).isEqualTo(new SampleOptions(1000, 42, false, true, false, 0, false));
        assertThat(o.withDanglingIgnoreReferences(true)).isEqualTo(new SampleOptions(1000, 42, false, false, true, 0, false));
        assertThat(o.withDestinationCustomers(4)).isEqualTo(new SampleOptions(1000, 42, false, false, false, 4, false));
        assertThat(o.withPendingDestinationEvents(true)).isEqualTo(new SampleOptions(1000, 42, false, false, false, 0, true));
        assertThatThrownBy(() -> SampleOptions.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withDestinationCustomers(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizesFollowTheBrief() {
        assertThat(SampleSizes.of(1_000_000)).isEqualTo(new SampleSizes(500, 5000, 2000, 50_000, 200_000, 100_000, 83_333, 2000));
        assertThat(SampleSizes.of(0)).isEqualTo(new SampleSizes(5, 20, 10, 20, 40, 20, 20, 20));
    }

    @Test
    void caseVariantsDifferOnlyInCase() {
        assertThat(UserRows.caseVariant("anna.smith3@example.com")).isEqualTo("Anna.Smith3@example.com");
    }

    @Test
    void otherEnginesAreRefusedByName() {
        DatabaseMetaData meta = (DatabaseMetaData) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDatabaseProductName")) {
                        return "Oracle";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Connection c = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getMetaData")) {
                        return meta;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        assertThatThrownBy(() -> SampleEnvironments.createSource(c, SampleOptions.of(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Oracle").hasMessageContaining("H2")
                .hasMessageContaining("PostgreSQL");
    }
}
