package io.osmigrate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.osmigrate.config.ConfigException;

class SpecLoaderTest {

    private static final Path FILE = Path.of("config/migrations/test.yaml");

    private static MigrationSpec parse(String yaml) {
        return SpecLoader.parse(FILE, yaml);
    }

    @Test
    void readsAFullSpecWithDefaultsAndPerEntitySettings() {
        MigrationSpec spec = parse("""
                source: prod
                destination: qa
                scope:
                  applications: [Orders, Support]
                defaults:
                  batchSize: 2000
                  onConflict: fail
                clean: true
                entities:
                  CatalogCore.Product:
                    mode: lookup
                    match: [Code]
                  OrdersCore.Coupon:
                    onConflict: match-existing
                    match: [Code]
                    batchSize: 50
                """);
        assertThat(spec.name()).isEqualTo("test");
        assertThat(spec.source()).isEqualTo("prod");
        assertThat(spec.scope().applications()).containsExactly("Orders", "Support");
        assertThat(spec.clean()).isTrue();
        EntitySettings coupon = spec.settingsFor("orderscore", "COUPON").orElseThrow().getValue();
        assertThat(spec.conflictPolicy(coupon)).isEqualTo(ConflictPolicy.MATCH_EXISTING);
        assertThat(spec.batchSize(coupon, 5000)).isEqualTo(50);
        EntitySettings product = spec.settingsFor("CatalogCore", "Product").orElseThrow().getValue();
        assertThat(product.mode()).isEqualTo(Mode.LOOKUP);
        assertThat(spec.conflictPolicy(product)).isEqualTo(ConflictPolicy.FAIL);
        assertThat(spec.batchSize(product, 5000)).isEqualTo(2000);
        assertThat(spec.statics().unmatchedOrDefault()).isEqualTo(UnresolvedPolicy.FAIL);
    }

    @Test
    void fallsBackToOsmigrateDefaults() {
        MigrationSpec spec = parse("source: a\ndestination: b\nscope: {modules: [OrdersCore]}\n");
        EntitySettings none = EntitySettings.none();
        assertThat(spec.conflictPolicy(none)).isEqualTo(ConflictPolicy.DEAD_LETTER);
        assertThat(spec.unresolvedPolicy(none)).isEqualTo(UnresolvedPolicy.DEAD_LETTER);
        assertThat(spec.batchSize(none, 777)).isEqualTo(777);
        assertThat(spec.clean()).isFalse();
        assertThat(spec.tenants().missingOrDefault()).isEqualTo(TenantPolicy.FAIL);
        assertThat(spec.bpt().instancesOrDefault()).isEqualTo(io.osmigrate.spec.BptSelection.ALL);
    }

    @Test
    void bptInstancesAreAllOpenOrNone() {
        assertThat(parse("source: a\ndestination: b\nscope: {modules: [X]}\nbpt:\n  instances: open\n").bpt()
                .instancesOrDefault()).isEqualTo(io.osmigrate.spec.BptSelection.OPEN);
        assertThatThrownBy(() -> parse("source: a\ndestination: b\nscope: {modules: [X]}\nbpt:\n  instances: closed\n"))
                .hasMessageContaining("line 5").hasMessageContaining("bpt.instances is not an allowed value")
                .hasMessageContaining("allowed: all, open, none");
        assertThatThrownBy(() -> parse("source: a\ndestination: b\nscope: {modules: [X]}\nbpt:\n  instance: all\n"))
                .hasMessageContaining("unknown key 'instance' under 'bpt'");
    }

    @Test
    void unknownKeyNamesFileLineKeyAndAllowedKeys() {
        assertThatThrownBy(() -> parse("source: a\ndestination: b\nscope:\n  modules: [X]\ndefaults:\n  batchsize: 10\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config/migrations/test.yaml, line 6")
                .hasMessageContaining("unknown key 'batchsize' under 'defaults'")
                .hasMessageContaining("allowed: batchSize, onConflict, unresolvedReference");
    }

    @Test
    void unknownTopLevelKeyIsRejected() {
        assertThatThrownBy(() -> parse("source: a\ndestination: b\nscope: {modules: [X]}\ncleanup: true\n"))
                .hasMessageContaining("unknown key 'cleanup' at the top level")
                .hasMessageContaining("clean");
    }

    @Test
    void badEnumValueListsTheAllowedWords() {
        assertThatThrownBy(() -> parse("""
                source: a
                destination: b
                scope: {modules: [X]}
                entities:
                  OrdersCore.Coupon:
                    onConflict: skip
                """))
                .hasMessageContaining("line 6")
                .hasMessageContaining("entities.OrdersCore.Coupon.onConflict is not an allowed value")
                .hasMessageContaining("allowed: fail, dead-letter, match-existing")
                .hasMessageNotContaining("skip");
    }

    @Test
    void badModeListsModes() {
        assertThatThrownBy(() -> parse("source: a\ndestination: b\nscope: {modules: [X]}\nentities:\n  A.B: {mode: copy}\n"))
                .hasMessageContaining("allowed: move, lookup, skip");
    }

    @Test
    void aBareNullIsRejectedWithAHint() {
        assertThatThrownBy(() -> parse("source: a\ndestination: b\nscope: {modules: [X]}\ndefaults:\n  unresolvedReference: null\n"))
                .hasMessageContaining("line 5")
                .hasMessageContaining("defaults.unresolvedReference has no value")
                .hasMessageContaining("write: empty");
    }

    @Test
    void batchSizeOutOfRangeIsRejected() {
        assertThatThrownBy(() -> parse("source: a\ndestination: b\nscope: {modules: [X]}\ndefaults: {batchSize: 0}\n"))
                .hasMessageContaining("defaults.batchSize is 0; allowed: 1..100000");
    }

    @Test
    void missingDestinationIsRejected() {
        assertThatThrownBy(() -> parse("source: a\nscope: {modules: [X]}\n"))
                .hasMessageContaining("destination is missing");
    }

    @Test
    void sameSourceAndDestinationIsRejected() {
        assertThatThrownBy(() -> parse("source: a\ndestination: A\nscope: {modules: [X]}\n"))
                .hasMessageContaining("source and destination name the same environment");
    }

    @Test
    void emptyScopeIsRejected() {
        assertThatThrownBy(() -> parse("source: a\ndestination: b\n")).hasMessageContaining("scope selects nothing");
    }

    @Test
    void entityNamesMustBeModuleDotEntity() {
        assertThatThrownBy(() -> parse("source: a\ndestination: b\nscope: {entities: [Customer]}\n"))
                .hasMessageContaining("line 3: scope.entities[0] is not an entity name; write Module.Entity")
                .hasMessageNotContaining("Customer");
    }

    @Test
    void lookupWithoutMatchAttributesIsRejected() {
        assertThatThrownBy(() -> parse("source: a\ndestination: b\nscope: {modules: [X]}\nentities:\n  A.B: {mode: lookup}\n"))
                .hasMessageContaining("entities.A.B is a lookup but has no match attributes");
    }

    @Test
    void wrongShapeIsReportedWithThePath() {
        assertThatThrownBy(() -> parse("source: a\ndestination: b\nscope:\n  applications: Orders\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("scope.applications");
    }

    @Test
    void yamlSyntaxErrorIsReported() {
        assertThatThrownBy(() -> parse("source: a\ndestination: [b\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config/migrations/test.yaml");
    }

    @Test
    void missingFileSaysWhereSpecsLive() {
        assertThatThrownBy(() -> SpecLoader.load(Path.of("config/migrations/nope.yaml")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aKeyWrittenTwiceIsAnErrorNamingFileAndLine() {
        assertThatThrownBy(() -> parse("source: a\ndestination: b\nscope: {modules: [X]}\nsource: c\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config/migrations/test.yaml, line 4")
                .hasMessageContaining("'source' is written twice");
        assertThatThrownBy(() -> parse("""
                source: a
                destination: b
                scope: {modules: [X]}
                entities:
                  OrdersCore.Coupon:
                    match: [Code]
                    batchSize: 50
                    match: [Name]
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config/migrations/test.yaml, line 8")
                .hasMessageContaining("'match' is written twice under 'entities.OrdersCore.Coupon'");
    }
}
