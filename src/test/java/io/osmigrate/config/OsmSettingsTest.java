package io.osmigrate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.app.OsmRuntime;

class OsmSettingsTest {

    @TempDir
    Path dir;

    private OsmSettings load(String properties) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, properties);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().setLocation(OsmRuntime.locations(file));
            return OsmSettings.load(new PropertySource(camel, file.toString()));
        }
    }

    @Test
    void readsEnvironmentsAndSettingsWithTheirDefaults() throws Exception {
        OsmSettings s = load("""
                osmigrate.env.prod.url = jdbc:sqlserver://db:1433;databaseName=outsystems
                osmigrate.env.prod.username = reader
                osmigrate.env.qa.url = jdbc:postgresql://qa/os
                osmigrate.env.qa.pool-size = 6
                osmigrate.batch-size = 1000
                """);
        assertThat(s.environments()).containsOnlyKeys("prod", "qa");
        assertThat(s.environment("prod").username()).isEqualTo("reader");
        assertThat(s.environment("prod").poolSize()).isEqualTo(4);
        assertThat(s.environment("qa").poolSize()).isEqualTo(6);
        assertThat(s.batchSize()).isEqualTo(1000);
        assertThat(s.fetchSize()).isEqualTo(5000);
        assertThat(s.writers()).isEqualTo(2);
        assertThat(s.stateUrl()).startsWith("jdbc:sqlite:").endsWith("osmigrate.db");
    }

    @Test
    void passwordsComeFromEnvironmentVariablesAndNeverShowInToString() throws Exception {
        String variable = System.getenv().keySet().stream().filter(k -> k.matches("[A-Z_]+") && !System.getenv(k).isBlank())
                .findFirst().orElseThrow();
        OsmSettings s = load("osmigrate.env.a.url = jdbc:h2:mem:a\nosmigrate.env.a.password = {{env:" + variable + "}}\n");
        assertThat(s.environment("a").password()).isEqualTo(System.getenv(variable));
        assertThat(s.environment("a").toString()).doesNotContain(System.getenv(variable));
    }

    @Test
    void aMissingEnvironmentVariableIsNamed() {
        assertThatThrownBy(() -> load("osmigrate.env.a.url = jdbc:h2:mem:a\nosmigrate.env.a.password = {{env:OSM_SURELY_NOT_SET_42}}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("osmigrate.env.a.password needs the environment variable OSM_SURELY_NOT_SET_42");
    }

    @Test
    void unknownPropertiesAreRejectedWithWhatIsAllowed() {
        assertThatThrownBy(() -> load("osmigrate.env.a.url = jdbc:h2:mem:a\nosmigrate.env.a.passwrd = x\n"))
                .hasMessageContaining("unknown property osmigrate.env.a.passwrd")
                .hasMessageContaining("password");
        assertThatThrownBy(() -> load("osmigrate.batchsize = 10\n"))
                .hasMessageContaining("unknown property osmigrate.batchsize");
    }

    @Test
    void badValuesNameTheKeyAndTheRange() {
        assertThatThrownBy(() -> load("osmigrate.batch-size = many\n"))
                .hasMessageContaining("osmigrate.batch-size is 'many'; allowed: 1..100000");
        assertThatThrownBy(() -> load("osmigrate.env.a.url = not-a-url\n"))
                .hasMessageContaining("osmigrate.env.a.url must be a JDBC URL");
        assertThatThrownBy(() -> load("osmigrate.env.a.username = x\n"))
                .hasMessageContaining("environment 'a' has no osmigrate.env.a.url");
        assertThatThrownBy(() -> load("osmigrate.schedule.n.spec = x.yaml\nosmigrate.schedule.n.cron = 0 0 2 * * ?\nosmigrate.schedule.n.command = copy\n"))
                .hasMessageContaining("osmigrate.schedule.n.command is 'copy'; allowed: plan, run");
    }

    @Test
    void specFoldersAreAListWithADefault() throws Exception {
        assertThat(load("").specFolders()).containsExactly(Path.of("config/migrations"));
        assertThat(load("osmigrate.spec-folders = specs/a , /srv/specs\n").specFolders())
                .containsExactly(Path.of("specs/a"), Path.of("/srv/specs"));
        assertThatThrownBy(() -> load("osmigrate.spec-folders = a,,b\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("osmigrate.spec-folders has an empty entry");
    }

    @Test
    void thePoolMustHoldEveryWriter() {
        assertThatThrownBy(() -> load("osmigrate.writers = 4\nosmigrate.env.a.url = jdbc:h2:mem:a\n"))
                .hasMessageContaining("osmigrate.env.a.pool-size is 4, but osmigrate.writers is 4");
    }

    @Test
    void anEnvironmentMayBeDeclaredReadOnly() throws Exception {
        OsmSettings s = load("osmigrate.env.prod.url = jdbc:h2:mem:p\nosmigrate.env.prod.read-only = TRUE\n"
                + "osmigrate.env.qa.url = jdbc:h2:mem:q\n");
        assertThat(s.environment("prod").readOnly()).isTrue();
        assertThat(s.environment("qa").readOnly()).as("the default").isFalse();
        assertThatThrownBy(() -> load("osmigrate.env.prod.url = jdbc:h2:mem:p\nosmigrate.env.prod.read-only = yes\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("osmigrate.env.prod.read-only is 'yes'; allowed: true, false");
    }

    /** The example configuration's production environment, uncommented as its comment says, is a source only. */
    @Test
    void theExampleProductionEnvironmentIsReadOnly() throws Exception {
        String example = Files.readString(Path.of("config/application.properties")).replaceAll("(?m)^# (osmigrate\\.env\\.)", "$1")
                .replaceAll("\\{\\{env:[A-Z_]+}}", "x");
        OsmSettings s = load(example);
        assertThat(s.environment("prod").readOnly()).isTrue();
        assertThat(s.environment("qa").readOnly()).isFalse();
    }

    @Test
    void anUnknownEnvironmentListsTheConfiguredOnes() throws Exception {
        OsmSettings s = load("osmigrate.env.prod.url = jdbc:h2:mem:p\n");
        assertThatThrownBy(() -> s.environment("qa")).hasMessageContaining("unknown environment 'qa'").hasMessageContaining("prod");
    }

    @Test
    void urlsLoseTheirPasswordsInMessages() {
        assertThat(Secrets.redactUrl("jdbc:sqlserver://h:1433;user=a;password=s3cret;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://h:1433;user=a;password=***;encrypt=true");
        assertThat(Secrets.redactUrl("jdbc:postgresql://u:s3cret@h/db")).doesNotContain("s3cret");
        assertThat(Secrets.mask("login failed: s3cret", "s3cret")).isEqualTo("login failed: ***");
    }

    /** -D gives a key the file lacks, and wins over the file's value of a key it has (README, Configuration). */
    @Test
    void dashDPropertiesOverrideTheFileAndAddKeysItDoesNotHave() throws Exception {
        Map<String, String> given = Map.of("osmigrate.batch-size", "777", "osmigrate.writers", "3",
                "osmigrate.env.extra.url", "jdbc:h2:mem:extra", "osmigrate.env.extra.password", "{{env:OSM_SURELY_NOT_SET_42:fallback}}");
        given.forEach(System::setProperty);
        try {
            OsmSettings s = load("osmigrate.env.prod.url = jdbc:h2:mem:p\nosmigrate.batch-size = 1000\n");
            assertThat(s.batchSize()).as("in the file, overridden").isEqualTo(777);
            assertThat(s.writers()).as("not in the file").isEqualTo(3);
            assertThat(s.environments()).containsOnlyKeys("prod", "extra");
            assertThat(s.environment("extra").url()).isEqualTo("jdbc:h2:mem:extra");
            assertThat(s.environment("extra").password()).as("placeholders resolve in -D values too").isEqualTo("fallback");
        } finally {
            given.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void aDashDPropertyIsValidatedLikeTheFilesOwn() {
        System.setProperty("osmigrate.bach-size", "10");
        try {
            assertThatThrownBy(() -> load("osmigrate.env.prod.url = jdbc:h2:mem:p\n"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("unknown property osmigrate.bach-size");
        } finally {
            System.clearProperty("osmigrate.bach-size");
        }
    }

    /** The log levels and the crash tests' fault seam are JVM options, not settings: they are not refused as unknown. */
    @Test
    void jvmOptionsThatAreNotSettingsAreLeftAlone() throws Exception {
        Map<String, String> given = Map.of("osmigrate.log.level", "DEBUG", "osmigrate.camel.log.level", "INFO",
                "osmigrate.fault.pause-at", "nowhere:1");
        given.forEach(System::setProperty);
        try {
            assertThat(load("osmigrate.env.prod.url = jdbc:h2:mem:p\n").environments()).containsOnlyKeys("prod");
        } finally {
            given.keySet().forEach(System::clearProperty);
        }
    }
}
