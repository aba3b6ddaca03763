package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.config.ConfigException;
import io.osmigrate.spec.MigrationSpec;

/**
 * A job's or schedule's spec path is read only when it leads, links followed, to a regular YAML file of
 * bounded size inside a spec folder; every refusal names the path and the rule, never the file's content.
 * Each test plants a secret outside (or in a file that is not a spec) and checks it never shows.
 */
class SpecFoldersTest {

    private static final String SECRET = "osm-secret-" + UUID.randomUUID();

    @TempDir
    Path tmp;

    private Path folder;
    private Path outside;
    private SpecFolders specs;

    @BeforeEach
    void folders() throws Exception {
        folder = Files.createDirectories(tmp.resolve("specs"));
        outside = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(folder.resolve("demo.yaml"), Files.readString(Path.of("config/migrations/demo.yaml")));
        Files.writeString(outside.resolve("passwd"), "root:x:0:0:" + SECRET + ":/root:/bin/bash\n");
        Files.writeString(outside.resolve("prod.yaml"), "source: " + SECRET + "\ndestination: b\nscope: {modules: [X]}\n");
        specs = SpecFolders.check(List.of(folder), "test.properties");
    }

    @Test
    void aSpecInAFolderIsReadByAbsoluteOrRelativePathOrThroughALinkThatStaysInside() throws Exception {
        MigrationSpec spec = specs.load(folder.resolve("demo.yaml").toString());
        assertThat(spec.source()).isEqualTo("demo-source");

        Path relative = Path.of("").toAbsolutePath().relativize(folder.resolve("demo.yaml"));
        assertThat(specs.load(relative.toString()).source()).isEqualTo("demo-source");

        Files.createDirectories(folder.resolve("nightly"));
        Files.createSymbolicLink(folder.resolve("nightly").resolve("current.yaml"), folder.resolve("demo.yaml"));
        assertThat(specs.load(folder.resolve("nightly").resolve("current.yaml").toString()).source()).isEqualTo("demo-source");
    }

    @Test
    void aFileOutsideTheFoldersIsRefusedUnread() {
        String given = outside.resolve("passwd").toString();
        assertRefused(given, "spec " + given + " is outside the spec folders (osmigrate.spec-folders = " + folder + ")");
        assertRefused(outside.resolve("prod.yaml").toString(), "is outside the spec folders");
        // a missing file outside gets the same answer as one that is there
        assertRefused(outside.resolve("nothing.yaml").toString(), "is outside the spec folders");
        assertRefused("/", "is outside the spec folders");
        assertRefused(folder.toString(), "is not named *.yaml or *.yml");
    }

    @Test
    void dotDotOutOfAFolderIsRefused() {
        assertRefused(folder.resolve("../etc/prod.yaml").toString(), "is outside the spec folders");
        assertRefused(folder.resolve("../../../../../../../../etc/passwd").toString(), "is outside the spec folders");
    }

    @Test
    void aLinkInAFolderThatLeadsOutIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(folder.resolve("prod.yaml"), outside.resolve("prod.yaml"));
        Path dirLink = Files.createSymbolicLink(folder.resolve("etc"), outside);

        assertRefused(link.toString(), "spec " + link + " is outside the spec folders");
        assertRefused(dirLink.resolve("prod.yaml").toString(), "is outside the spec folders");
    }

    @Test
    void aFileThatIsNotNamedLikeASpecIsRefusedUnread() throws Exception {
        Path env = folder.resolve(".env");
        Files.writeString(env, "DB_PASSWORD=" + SECRET + "\n");
        Path disguised = Files.createSymbolicLink(folder.resolve("env.yaml"), env);

        assertRefused(env.toString(), "is not named *.yaml or *.yml");
        assertRefused(disguised.toString(), "is not named *.yaml or *.yml (once symbolic links are followed)");
    }

    @Test
    void aFolderAFifoAndAnOversizedFileAreRefusedWithoutReadingThem() throws Exception {
        Path dir = Files.createDirectories(folder.resolve("x.yaml"));
        Path fifo = folder.resolve("pipe.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        Path big = folder.resolve("big.yaml");
        Files.writeString(big, "# " + SECRET + "\n" + "#".repeat(SpecFolders.MAX_SPEC_BYTES));

        assertRefused(dir.toString(), "is a folder, not a regular file");
        // were the FIFO opened, this would block until something wrote to it
        assertRefused(fifo.toString(), "is a special file (a FIFO, socket or device), not a regular file");
        assertRefused(big.toString(), "is larger than the limit of " + SpecFolders.MAX_SPEC_BYTES + " bytes");
    }

    @Test
    void aMissingSpecInsideIsNamedAsMissing() {
        assertRefused(folder.resolve("gone.yaml").toString(), "gone.yaml does not exist; specs live in the spec folders");
    }

    @Test
    void aFileInAFolderThatIsNotASpecIsReportedWithoutItsContent() throws Exception {
        Path copy = folder.resolve("passwd.yaml");
        Files.copy(outside.resolve("passwd"), copy);
        Path badValue = folder.resolve("bad.yaml");
        Files.writeString(badValue, "source: a\ndestination: b\nscope: {modules: [X]}\ndefaults:\n  onConflict: " + SECRET + "\n");
        Path badYaml = folder.resolve("broken.yaml");
        Files.writeString(badYaml, "source: a\ndestination: [" + SECRET + "\n  : : {\n");

        assertRefused(copy.toString(), copy + ": the spec is text; allowed: a section with the keys");
        assertRefused(badValue.toString(), badValue + ", line 5: defaults.onConflict is not an allowed value");
        assertRefused(badYaml.toString(), "not valid YAML");
    }

    @Test
    void aFolderThatDoesNotExistFailsTheCheckNamingTheKey() {
        assertThatThrownBy(() -> SpecFolders.check(List.of(folder, tmp.resolve("nope")), "test.properties"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("test.properties: osmigrate.spec-folders: " + tmp.resolve("nope") + " does not exist");
        assertThatThrownBy(() -> SpecFolders.check(List.of(folder.resolve("demo.yaml")), "test.properties"))
                .hasMessageContaining("osmigrate.spec-folders: " + folder.resolve("demo.yaml") + " is not a folder");
    }

    private void assertRefused(String given, String message) {
        assertThatThrownBy(() -> specs.load(given))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining(SECRET);
    }
}
