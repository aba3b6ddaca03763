package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Build-time validation of the operator-editable routes: each file matches Camel's YAML DSL schema,
 * uses canonical camelCase keys, gives every route and step an id, and loads into a context.
 */
class RoutesValidationTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> routeFiles() throws Exception {
        return Files.list(Path.of("routes")).filter(p -> p.toString().endsWith(".camel.yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void matchesTheYamlDslSchema(Path file) throws Exception {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/camelYamlDsl.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));
        assertThat(errors).as(file + " against the YAML DSL schema").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void usesCamelCaseKeysAndIdsEverywhere(Path file) throws Exception {
        JsonNode root = YAML.readTree(file.toFile());
        List<String> problems = new ArrayList<>();
        check(root, "", problems);
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void loadsIntoACamelContext(Path file) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation("classpath:osmigrate-defaults.properties");
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "file:" + file));
            assertThat(context.getRouteDefinitions().size() + context.getRouteConfigurationDefinitions().size())
                    .as(file + " defines something").isPositive();
        }
    }

    private static void check(JsonNode node, String path, List<String> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (key.contains("-")) {
                problems.add(path + "." + key + " is kebab-case; write camelCase");
            }
            JsonNode child = node.get(key);
            if ((key.equals("route") || key.equals("routeConfiguration")) && !child.has("id")) {
                problems.add(path + "." + key + " has no id");
            }
            if (path.matches(".*\\.steps\\[\\d+]") && child.isObject() && !child.has("id")) {
                problems.add(path + "." + key + " has no id");
            }
            if (!key.equals("parameters")) {
                check(child, path + "." + key, problems);
            }
        });
    }
}
