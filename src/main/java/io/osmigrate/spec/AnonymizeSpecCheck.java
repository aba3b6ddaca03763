package io.osmigrate.spec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.YamlLines;

/**
 * Validates a spec's {@code anonymize} section: keys are {@code Module.Entity.Attribute}, values a method word
 * ({@code name}, {@code email}, …) or a one-key section for the methods with a parameter ({@code dateShift: 30},
 * {@code numberRange: [0, 1000]}, {@code fixed: "n/a"}). Errors name the file, the line and the key; a value is
 * never repeated. Stateless.
 */
final class AnonymizeSpecCheck {

    static final int MAX_DAYS = 36_500;
    private static final List<AnonymizeMethod> WORDS = List.of(AnonymizeMethod.NAME, AnonymizeMethod.EMAIL,
            AnonymizeMethod.PHONE, AnonymizeMethod.TEXT, AnonymizeMethod.HASH, AnonymizeMethod.EMPTY);

    private AnonymizeSpecCheck() {
    }

    static Map<String, AnonymizeRule> check(Path file, String yaml, Map<String, JsonNode> section) {
        Map<String, AnonymizeRule> rules = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : section.entrySet()) {
            String key = "anonymize." + e.getKey();
            String where = file + YamlLines.lineOf(yaml, List.of("anonymize", e.getKey())).stream()
                    .mapToObj(l -> ", line " + l).findFirst().orElse("") + ": " + key;
            String[] parts = e.getKey().split("\\.", -1);
            if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw new ConfigException(where + " is not an attribute name; write Module.Entity.Attribute, e.g."
                        + " OrdersCore.Customer.Email");
            }
            rules.put(e.getKey().trim(), rule(where, e.getValue()));
        }
        return rules;
    }

    private static AnonymizeRule rule(String where, JsonNode value) {
        if (value.isTextual()) {
            return WORDS.stream().filter(m -> m.wire().equals(value.asText())).findFirst().map(AnonymizeRule::of)
                    .orElseThrow(() -> new ConfigException(where + " is not a method; allowed: " + allowed()));
        }
        if (!value.isObject() || value.size() != 1) {
            throw new ConfigException(where + " is not a method; allowed: " + allowed());
        }
        String method = value.fieldNames().next();
        JsonNode parameter = value.get(method);
        switch (method) {
            case "dateShift" -> {
                if (!parameter.isIntegralNumber() || parameter.asLong() < 1 || parameter.asLong() > MAX_DAYS) {
                    throw new ConfigException(where + ".dateShift is not a number of days; allowed: 1.." + MAX_DAYS);
                }
                return new AnonymizeRule(AnonymizeMethod.DATE_SHIFT, parameter.asInt(), null, null, null);
            }
            case "numberRange" -> {
                if (!parameter.isArray() || parameter.size() != 2 || !parameter.get(0).isNumber() || !parameter.get(1).isNumber()
                        || parameter.get(0).decimalValue().compareTo(parameter.get(1).decimalValue()) > 0) {
                    throw new ConfigException(where + ".numberRange is not a range; write [lowest, highest], e.g. [0, 1000]");
                }
                BigDecimal min = parameter.get(0).decimalValue();
                BigDecimal max = parameter.get(1).decimalValue();
                return new AnonymizeRule(AnonymizeMethod.NUMBER_RANGE, null, min, max, null);
            }
            case "fixed" -> {
                if (!parameter.isValueNode()) {
                    throw new ConfigException(where + ".fixed is not a value; write one text, number or date");
                }
                return new AnonymizeRule(AnonymizeMethod.FIXED, null, null, null, parameter.asText());
            }
            default -> throw new ConfigException(where + ": unknown method '" + method + "'; allowed: " + allowed());
        }
    }

    private static String allowed() {
        return WORDS.stream().map(AnonymizeMethod::wire).collect(Collectors.joining(", "))
                + ", dateShift: DAYS, numberRange: [MIN, MAX], fixed: VALUE";
    }
}
