package io.osmigrate.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The packages form layers whose imports point downwards only, from the command line and the host to
 * the configuration and small text helpers; the maps a record is enriched with sit below every phase.
 */
class LayeringTest {

    /** Top to bottom; a layer may use any layer below it, never one above or beside it. */
    private static final List<String[]> LAYERS = List.of(
            new String[] {"entry points", "io.osmigrate.cli..", "io.osmigrate.host..", "io.osmigrate.bench.."},
            new String[] {"run", "io.osmigrate.run.."},
            new String[] {"runtime", "io.osmigrate.app.."},
            new String[] {"phases", "io.osmigrate.phases..", "io.osmigrate.users..", "io.osmigrate.events.."},
            new String[] {"pipeline", "io.osmigrate.pipeline.."},
            new String[] {"maps", "io.osmigrate.maps.."},
            new String[] {"state", "io.osmigrate.state.."},
            new String[] {"plan", "io.osmigrate.plan.."},
            new String[] {"model", "io.osmigrate.metamodel..", "io.osmigrate.spec.."},
            new String[] {"environments", "io.osmigrate.env.."},
            new String[] {"dialects", "io.osmigrate.dialect..", "io.osmigrate.sample.."},
            new String[] {"foundation", "io.osmigrate.config..", "io.osmigrate.text..", "io.osmigrate.meters.."});

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.osmigrate");

    @Test
    void packagesPointDownwardsOnly() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) {
            architecture = architecture.layer(layer[0]).definedBy(java.util.Arrays.copyOfRange(layer, 1, layer.length));
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] below = LAYERS.subList(i + 1, LAYERS.size()).stream().map(l -> l[0]).toArray(String[]::new);
            architecture = below.length == 0 ? architecture.whereLayer(LAYERS.get(i)[0]).mayNotAccessAnyLayer()
                    : architecture.whereLayer(LAYERS.get(i)[0]).mayOnlyAccessLayers(below);
        }
        architecture.check(CLASSES);
    }

    @Test
    void noTwoPackagesImportEachOther() {
        slices().matching("io.osmigrate.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
