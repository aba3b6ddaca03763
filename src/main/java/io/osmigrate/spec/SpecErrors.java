package io.osmigrate.spec;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

import io.osmigrate.config.YamlErrors;
import io.osmigrate.config.YamlLines;

/**
 * Turns what the YAML parser and the binder report about a spec into a message for a person: the file, the
 * line, the key, what kind of value was found and what is allowed. Never quotes the file beyond its keys, and
 * never names a Java type. Stateless.
 */
final class SpecErrors {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    /** A parser's problem that quotes something of the file (a character, a tag) is replaced by a plain one. */
    private static final Pattern QUOTES = Pattern.compile("['\"`]");
    /** Ranges of the whole-number keys, by key name, for messages about a value of the wrong kind. */
    private static final Map<String, String> RANGES = Map.of("batchSize", "1.." + SpecLoader.MAX_BATCH);

    private SpecErrors() {
    }

    /** The message for a spec that cannot be read or bound; {@code tree} is the parsed YAML when it parsed. */
    static String describe(Path file, String yaml, JsonNode tree, JsonProcessingException e) {
        String where = file + location(e.getLocation());
        List<String> keys = e instanceof JsonMappingException m ? keys(m) : List.of();
        if (!keys.isEmpty()) {
            OptionalInt line = YamlLines.lineOf(yaml, keys);
            if (line.isPresent()) {
                where = file + ", line " + line.getAsInt();
            }
        }
        Optional<String> duplicate = duplicateKey(e);
        if (duplicate.isPresent()) {
            return where + ": '" + duplicate.get() + "' is written twice" + duplicateParent(e) + "; keep one of them";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return where + ": unknown key '" + u.getPropertyName() + "'" + parentOf(keys) + "; allowed: "
                    + allowed(u.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            // the value itself is not repeated: it may be anything the file holds (the line says where it is)
            return where + ": " + String.join(".", keys) + " is not an allowed value; allowed: "
                    + expected(f.getTargetType(), keys);
        }
        if (e instanceof JsonMappingException m) {
            String key = keys.isEmpty() ? "the spec" : String.join(".", keys);
            JsonNode found = tree == null ? null : at(tree, keys);
            return where + ": " + key + " is " + kind(found, e) + "; allowed: " + expected(targetType(m), keys);
        }
        if (e.getCause() instanceof ReaderException r) {
            // a character YAML forbids, such as a control character in a binary file: the reader knows where
            long line = 1 + yaml.substring(0, Math.min(r.getPosition(), yaml.length())).chars()
                    .filter(c -> c == '\n').count();
            return file + ", line " + line + ": not valid YAML: it holds a character YAML does not allow (code "
                    + String.format("0x%X", r.getCodePoint()) + "); is it a text file?";
        }
        return where + ": not valid YAML: " + yamlProblem(e);
    }

    /** The path of keys to the value in error ("[2]" for a list item), the unknown key itself included. */
    private static List<String> keys(JsonMappingException m) {
        List<String> keys = new ArrayList<>(m.getPath().stream().map(SpecErrors::segment).toList());
        if (m instanceof UnrecognizedPropertyException u && !keys.isEmpty()) {
            keys.set(keys.size() - 1, u.getPropertyName());
        }
        return keys;
    }

    private static JsonNode at(JsonNode tree, List<String> keys) {
        JsonNode node = tree;
        for (String k : keys) {
            if (node == null) {
                return null;
            }
            node = k.startsWith("[") ? node.get(Integer.parseInt(k.substring(1, k.length() - 1))) : node.get(k);
        }
        return node;
    }

    /** What was written, described by its kind only: a message never quotes the file. */
    private static String kind(JsonNode found, JsonProcessingException e) {
        if (found == null) {
            return "a value of the wrong kind";
        }
        if (found.isTextual()) {
            return found.asText().matches("[-+]?[0-9.]+") || found.asText().matches("(?i)true|false")
                    ? "in quotes, which makes it text" : "text";
        }
        if (found.isIntegralNumber()) {
            return rootCause(e) instanceof InputCoercionException ? "out of range" : "a number";
        }
        if (found.isNumber()) {
            return "a decimal number";
        }
        if (found.isBoolean()) {
            return "true or false";
        }
        if (found.isArray()) {
            return "a list";
        }
        if (found.isObject()) {
            return "a section of keys";
        }
        return "a value of the wrong kind";
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static Class<?> targetType(JsonMappingException m) {
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return mi.getTargetType();
        }
        return rootCause(m) instanceof InputCoercionException ic ? ic.getTargetType() : null;
    }

    /** What the key allows, from the type it binds to. */
    private static String expected(Class<?> type, List<String> keys) {
        if (type == null) {
            return "see the spec format in the README";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            String range = keys.isEmpty() ? null : RANGES.get(keys.get(keys.size() - 1));
            return "a whole number" + (range == null ? "" : ", " + range) + ", without quotes";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false, without quotes";
        }
        if (type == String.class) {
            return "a name or text";
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).map(c -> c instanceof WireEnum w ? w.wire() : c.toString())
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list, e.g. [First, Second]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a section of keys, e.g. one per Module.Entity";
        }
        if (type.isRecord()) {
            return "a section with the keys " + Arrays.stream(type.getRecordComponents()).map(SpecErrors::wireName)
                    .sorted().collect(Collectors.joining(", "));
        }
        return "see the spec format in the README";
    }

    private static String wireName(RecordComponent c) {
        JsonProperty p = c.getAnnotation(JsonProperty.class);
        return p == null ? c.getName() : p.value();
    }

    /**
     * The parser's own words on a YAML syntax error, without the excerpt of the file it appends (a message
     * never quotes the file).
     */
    private static String yamlProblem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null && !QUOTES.matcher(y.getProblem()).find()) {
            return y.getProblem();
        }
        return YamlErrors.problem(e);
    }

    /** The key of a "Duplicate field" error (STRICT_DUPLICATE_DETECTION), if that is what {@code e} is. */
    private static Optional<String> duplicateKey(JsonProcessingException e) {
        Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        return e instanceof StreamReadException && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Where a duplicate key sits: " under 'a.b'", or " at the top level". */
    private static String duplicateParent(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser) || parser.getParsingContext() == null) {
            return "";
        }
        List<String> keys = new ArrayList<>();
        for (JsonStreamContext c = parser.getParsingContext().getParent(); c != null; c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                keys.add(0, c.getCurrentName());
            } else if (c.inArray()) {
                keys.add(0, "[" + c.getCurrentIndex() + "]");
            }
        }
        return keys.isEmpty() ? " at the top level" : " under '" + String.join(".", keys) + "'";
    }

    private static String location(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : ", line " + loc.getLineNr();
    }

    private static String parentOf(List<String> keys) {
        return keys.size() < 2 ? " at the top level" : " under '" + String.join(".", keys.subList(0, keys.size() - 1)) + "'";
    }

    private static String segment(JsonMappingException.Reference r) {
        return r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]";
    }

    private static String allowed(Collection<Object> known) {
        return known.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }
}
