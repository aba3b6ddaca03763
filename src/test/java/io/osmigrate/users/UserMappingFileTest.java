package io.osmigrate.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.config.ConfigException;
import io.osmigrate.users.UserMappingFile.UserMapping;

/** The user mapping CSV: what a good file gives, and every mistake named with its line. */
class UserMappingFileTest {

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("mapping.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsAGoodFileWithCommentsQuotesAndAnOptionalTenant() throws Exception {
        Path file = write("""
                \uFEFF# prod users → the QA accounts that stand for them
                source_username,tenant,destination_username

                anna.smith@example.com,,anna.qa@example.org
                "bob, the builder",Acme,bob.qa
                  carol@example.com , Globex , carol.qa
                """);
        List<UserMapping> m = UserMappingFile.read(file);
        assertThat(m).containsExactly(
                new UserMapping(4, "anna.smith@example.com", null, "anna.qa@example.org"),
                new UserMapping(5, "bob, the builder", "Acme", "bob.qa"),
                new UserMapping(6, "carol@example.com", "Globex", "carol.qa"));
        assertThat(m.get(0).appliesTo("Users", "ANNA.SMITH@example.com")).isTrue();
        assertThat(m.get(1).appliesTo("acme", "Bob, The Builder")).isTrue();
        assertThat(m.get(1).appliesTo("Globex", "bob, the builder")).isFalse();
    }

    @Test
    void columnsMayComeInAnyOrderAndTheTenantColumnIsOptional() throws Exception {
        List<UserMapping> m = UserMappingFile.read(write("destination_username,source_username\nqa.one,prod.one\n"));
        assertThat(m).containsExactly(new UserMapping(2, "prod.one", null, "qa.one"));
    }

    @Test
    void malformedLinesAreAllReportedWithTheirLineNumbers() throws Exception {
        Path file = write("""
                source_username,tenant,destination_username
                anna@example.com,,anna.qa
                bob@example.com,Acme
                ,Acme,nobody.qa
                carol@example.com,Globex,
                ANNA@example.com,,anna.other
                dave@example.com,"Acme,qa
                erin@example.com,Acme,erin.qa,extra
                """);
        assertThatThrownBy(() -> UserMappingFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has 6 mistakes")
                .hasMessageContaining(file + ", line 3: 2 values; expected 3 (source_username, tenant, destination_username)")
                .hasMessageContaining(file + ", line 4: source_username is empty")
                .hasMessageContaining(file + ", line 5: destination_username is empty")
                .hasMessageContaining(file + ", line 6: ANNA@example.com is already mapped on line 2")
                .hasMessageContaining(file + ", line 7: not valid CSV")
                .hasMessageContaining(file + ", line 8: 4 values; expected 3");
    }

    @Test
    void theFirstLineMustNameTheColumns() throws Exception {
        assertThatThrownBy(() -> UserMappingFile.read(write("anna@example.com,anna.qa\n")))
                .hasMessageContaining("line 1: unknown column 'anna@example.com'");
        assertThatThrownBy(() -> UserMappingFile.read(write("# only a comment\nsource_username,tenant\n")))
                .hasMessageContaining("line 2: the first line must name the columns source_username and destination_username");
        assertThatThrownBy(() -> UserMappingFile.read(write("source_username,source_username,destination_username\n")))
                .hasMessageContaining("line 1: column source_username is named twice");
        assertThatThrownBy(() -> UserMappingFile.read(write("\n# nothing\n")))
                .hasMessageContaining("the file is empty");
    }

    @Test
    void aMissingFileSaysWhereRelativePathsAreRead() {
        assertThatThrownBy(() -> UserMappingFile.read(dir.resolve("nope.csv")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("users.mappingFile: " + dir.resolve("nope.csv") + " does not exist");
    }

    @Test
    void aFileThatIsNotUtf8IsRejected() throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "source_username,destination_username\nj\u00f6rg,joerg\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> UserMappingFile.read(file)).hasMessageContaining("is not UTF-8 text");
    }
}
