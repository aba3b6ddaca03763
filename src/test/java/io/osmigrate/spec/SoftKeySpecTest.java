package io.osmigrate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.osmigrate.config.ConfigException;

/** The spec's softKeys section as written: Module.Entity.Attribute: Module.Entity, each attribute once. */
class SoftKeySpecTest {

    private static final Path FILE = Path.of("config/migrations/test.yaml");
    private static final String HEAD = "source: prod\ndestination: qa\nscope: {modules: [Billing, Sales]}\nsoftKeys:\n";

    private static MigrationSpec parse(String softKeys) {
        return SpecLoader.parse(FILE, HEAD + softKeys);
    }

    @Test
    void readsTheDeclarationsWithTheirLines() {
        MigrationSpec spec = parse("  Billing.Invoice.CustomerRef: Sales.Customer\n  billing.invoice.ordercode:  Sales.Order \n");
        assertThat(spec.softKeys()).containsExactly(new SoftKey("Billing.Invoice.CustomerRef", "Sales.Customer", 5),
                new SoftKey("billing.invoice.ordercode", "Sales.Order", 6));
        assertThat(spec.softKeys().get(0).entity()).isEqualTo("Billing.Invoice");
        assertThat(spec.softKeys().get(0).attributeName()).isEqualTo("CustomerRef");
        assertThat(SpecLoader.parse(FILE, HEAD.replace("softKeys:\n", "")).softKeys()).isEmpty();
    }

    @Test
    void aKeyThatIsNoAttributeNameIsRefusedNamingFileLineAndKey() {
        assertThatThrownBy(() -> parse("  Billing.Invoice: Sales.Customer\n")).isInstanceOf(ConfigException.class)
                .hasMessage(FILE + ", line 5: softKeys.Billing.Invoice is not an attribute name; write"
                        + " Module.Entity.Attribute: Module.Entity, e.g. Billing.Invoice.CustomerRef: Sales.Customer");
    }

    @Test
    void aValueThatIsNoEntityNameIsRefused() {
        for (String value : new String[] {"Customer", "[Sales.Customer]", "Sales.Customer.Id", "42"}) {
            assertThatThrownBy(() -> parse("  Billing.Invoice.CustomerRef: " + value + "\n")).as(value)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(FILE + ", line 5: softKeys.Billing.Invoice.CustomerRef does not name an entity;")
                    .hasMessageNotContaining("42");
        }
        assertThatThrownBy(() -> parse("  Billing.Invoice.CustomerRef:\n")).hasMessageContaining("has no value");
    }

    @Test
    void anAttributeDeclaredTwiceIsRefused() {
        assertThatThrownBy(() -> parse("  Billing.Invoice.CustomerRef: Sales.Customer\n  BILLING.INVOICE.CUSTOMERREF: Sales.Order\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(FILE + ", line 6: softKeys.BILLING.INVOICE.CUSTOMERREF declares"
                        + " Billing.Invoice.CustomerRef a second time");
    }

    @Test
    void aMistypedSectionIsAnUnknownKeyThatNamesSoftKeys() {
        assertThatThrownBy(() -> SpecLoader.parse(FILE, HEAD.replace("softKeys:", "softkeys:") + "  A.B.C: A.D\n"))
                .hasMessageContaining("unknown key 'softkeys' at the top level").hasMessageContaining("softKeys");
    }
}
