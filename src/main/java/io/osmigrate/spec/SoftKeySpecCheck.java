package io.osmigrate.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.YamlLines;

/**
 * Validates a spec's {@code softKeys} section as written: keys are {@code Module.Entity.Attribute}, values
 * {@code Module.Entity}, each attribute declared once (names compare case-insensitively). Whether the names exist,
 * the types suit and the target is in scope is the plan's to check (it has the metamodels). Errors name the file,
 * the line and the key; a value is never repeated. Stateless.
 */
final class SoftKeySpecCheck {

    private SoftKeySpecCheck() {
    }

    static List<SoftKey> check(Path file, String yaml, Map<String, JsonNode> section) {
        List<SoftKey> keys = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : section.entrySet()) {
            int line = YamlLines.lineOf(yaml, List.of("softKeys", e.getKey())).orElse(0);
            String where = file + (line > 0 ? ", line " + line : "") + ": softKeys." + e.getKey();
            String[] parts = e.getKey().split("\\.", -1);
            if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw new ConfigException(where + " is not an attribute name; write Module.Entity.Attribute: Module.Entity,"
                        + " e.g. Billing.Invoice.CustomerRef: Sales.Customer");
            }
            JsonNode value = e.getValue();
            String target = value != null && value.isTextual() ? value.asText().trim() : "";
            String[] t = target.split("\\.", -1);
            if (t.length != 2 || Arrays.stream(t).anyMatch(String::isBlank)) {
                throw new ConfigException(where + " does not name an entity; its value is the entity whose ids the attribute"
                        + " holds, as Module.Entity, e.g. Billing.Invoice.CustomerRef: Sales.Customer");
            }
            String attribute = e.getKey().trim();
            String earlier = seen.put(attribute.toLowerCase(Locale.ROOT), attribute);
            if (earlier != null) {
                throw new ConfigException(where + " declares " + earlier + " a second time (names compare"
                        + " case-insensitively); keep one");
            }
            keys.add(new SoftKey(attribute, target, line));
        }
        return List.copyOf(keys);
    }
}
