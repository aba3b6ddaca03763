package io.osmigrate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is the reference: it lists exactly the declared properties, each
 * with its default.
 */
class ReadmeTest {

    /** A row of the configuration table: | `key` | default | what it is for | */
    private static final Pattern ROW = Pattern.compile("^\\| `(osmigrate\\.[^`]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

    @Test
    void theConfigurationTableListsEveryPropertyAndNothingElse() throws Exception {
        Map<String, String> documented = table();
        assertThat(documented.keySet()).as("properties in the README's configuration table")
                .containsExactlyInAnyOrderElementsOf(Setting.all().stream().map(Setting::key).toList());
    }

    @Test
    void theTableGivesEachPropertysDefault() throws Exception {
        Map<String, String> documented = table();
        for (Setting s : Setting.all()) {
            String shown = s.defaultValue() == null ? "*(required)*" : s.defaultValue().isEmpty() ? "*(empty)*" : "`" + s.defaultValue() + "`";
            assertThat(documented.get(s.key())).as(s.key()).isEqualTo(shown);
        }
    }

    private static Map<String, String> table() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(readme);
        while (m.find()) {
            rows.put(m.group(1), m.group(2).strip());
        }
        assertThat(rows).as("rows of the README's configuration table").isNotEmpty();
        return rows;
    }
}
