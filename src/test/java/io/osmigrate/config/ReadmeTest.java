package io.osmigrate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README's configuration table is the reference: every property must be in it. */
class ReadmeTest {

    @Test
    void documentsEveryProperty() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting s : Setting.all()) {
            assertThat(readme).as(s.key()).contains("`" + s.key() + "`");
        }
    }
}
