package io.osmigrate.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.YamlErrors;
import io.osmigrate.config.YamlLines;

/**
 * Reads a migration spec from YAML and validates it. Unknown keys, keys written twice and bad values are
 * rejected with the file, the line, the key and what is allowed. Stateless and thread-safe.
 */
public final class SpecLoader {

    private static final int MAX_BATCH = 100_000;
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SpecLoader() {
    }

    public static MigrationSpec load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("spec file " + file + " does not exist; specs live under config/migrations/");
        } catch (IOException e) {
            throw new ConfigException("cannot read spec file " + file + ": " + e.getMessage());
        }
        return parse(file, text);
    }

    public static MigrationSpec parse(Path file, String yaml) {
        SpecDocument doc;
        try {
            JsonNode tree = YAML.readTree(yaml);
            rejectBareNulls(file, yaml, tree, new ArrayList<>());
            doc = tree == null || tree.isMissingNode() ? null : YAML.treeToValue(tree, SpecDocument.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(file, yaml, e));
        }
        if (doc == null) {
            throw new ConfigException(file + ": the spec is empty; it needs at least source, destination and scope");
        }
        return validate(file, yaml, doc);
    }

    private static MigrationSpec validate(Path file, String yaml, SpecDocument doc) {
        require(file, "source", doc.source(), "the name of a configured environment to copy from");
        require(file, "destination", doc.destination(), "the name of a configured environment to copy to");
        if (doc.source().trim().equalsIgnoreCase(doc.destination().trim())) {
            throw new ConfigException(file + ": source and destination name the same environment;"
                    + " osmigrate copies between two different environments");
        }
        Scope scope = doc.scope() == null ? new Scope(null, null, null, null) : doc.scope();
        if (scope.isEmpty() && doc.entitiesOrEmpty().values().stream().noneMatch(s -> s.mode() == Mode.MOVE)) {
            throw new ConfigException(file + ": scope selects nothing; list applications, modules, moduleKeys or "
                    + "entities (as Module.Entity) under scope");
        }
        for (int i = 0; i < scope.entities().size(); i++) {
            if (!isEntityName(scope.entities().get(i))) {
                String line = YamlLines.lineOf(yaml, List.of("scope", "entities", "[" + i + "]")).stream()
                        .mapToObj(l -> ", line " + l).findFirst().orElse("");
                throw new ConfigException(file + line + ": scope.entities[" + i + "] is not an entity name; write"
                        + " Module.Entity, e.g. OrdersCore.Order");
            }
        }
        Defaults defaults = doc.defaults() == null ? Defaults.none() : doc.defaults();
        checkBatch(file, "defaults.batchSize", defaults.batchSize());
        Map<String, EntitySettings> entities = new LinkedHashMap<>();
        for (Map.Entry<String, EntitySettings> e : doc.entitiesOrEmpty().entrySet()) {
            String key = "entities." + e.getKey();
            if (!isEntityName(e.getKey())) {
                // a key, so it may be named
                throw new ConfigException(file + ": entities: '" + e.getKey() + "' is not an entity name; write"
                        + " Module.Entity, e.g. OrdersCore.Order");
            }
            EntitySettings s = e.getValue() == null ? EntitySettings.none() : e.getValue();
            checkBatch(file, key + ".batchSize", s.batchSize());
            if (s.mode() == Mode.LOOKUP && s.match().isEmpty()) {
                throw new ConfigException(file + ": " + key + " is a lookup but has no match attributes; add "
                        + "match: [Attribute, …] naming the attributes that identify a row in both environments");
            }
            entities.put(e.getKey().trim(), s);
        }
        return new MigrationSpec(file, doc.source().trim(), doc.destination().trim(), scope, defaults,
                doc.statics() == null ? new StaticsSettings(null) : doc.statics(),
                doc.tenants() == null ? new TenantsSettings(null) : doc.tenants(),
                UsersSpecCheck.check(file, yaml, doc.users() == null ? UsersSettings.defaults() : doc.users()),
                doc.clean() != null && doc.clean(), entities);
    }

    /** A key written without a value (or as a bare null) is a mistake, not "use the default". */
    private static void rejectBareNulls(Path file, String yaml, JsonNode node, List<String> path) {
        if (node == null) {
            return;
        }
        if (node.isNull() && !path.isEmpty()) {
            String key = String.join(".", path);
            String line = YamlLines.lineOf(yaml, path).stream().mapToObj(l -> ", line " + l).findFirst().orElse("");
            throw new ConfigException(file + line + ": " + key + " has no value; give one, or leave the key out for the default"
                    + (key.endsWith("unresolvedReference") || key.endsWith("unmatched") ? " (to leave references empty write: empty)" : ""));
        }
        if (node.isObject()) {
            node.properties().forEach(f -> {
                path.add(f.getKey());
                rejectBareNulls(file, yaml, f.getValue(), path);
                path.remove(path.size() - 1);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add("[" + i + "]");
                rejectBareNulls(file, yaml, node.get(i), path);
                path.remove(path.size() - 1);
            }
        }
    }

    private static void require(Path file, String key, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(file + ": " + key + " is missing; give " + what);
        }
    }

    private static boolean isEntityName(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1;
    }

    private static void checkBatch(Path file, String key, Integer batch) {
        if (batch != null && (batch < 1 || batch > MAX_BATCH)) {
            throw new ConfigException(file + ": " + key + " is " + batch + "; allowed: 1.." + MAX_BATCH);
        }
    }

    private static String describe(Path file, String yaml, JsonProcessingException e) {
        String where = file + location(e.getLocation());
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            List<String> keys = m.getPath().stream().map(SpecLoader::segment).toList();
            if (m instanceof UnrecognizedPropertyException u) {
                keys = new java.util.ArrayList<>(keys.subList(0, keys.size() - 1));
                keys.add(u.getPropertyName());
            }
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
            return where + ": unknown key '" + u.getPropertyName() + "'" + parentOf(u) + "; allowed: "
                    + allowed(u.getKnownPropertyIds());
        }
        // the value itself is not repeated: it may be anything the file holds (see YamlErrors)
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(c -> c instanceof WireEnum w ? w.wire() : c.toString()).collect(Collectors.joining(", "));
            return where + ": " + YamlErrors.path(f) + " is not an allowed value; allowed: " + allowed;
        }
        return where + ": " + YamlErrors.problem(e);
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

    private static String parentOf(UnrecognizedPropertyException u) {
        List<JsonMappingException.Reference> refs = u.getPath();
        if (refs.size() < 2) {
            return " at the top level";
        }
        return " under '" + refs.subList(0, refs.size() - 1).stream().map(SpecLoader::segment)
                .collect(Collectors.joining(".")) + "'";
    }

    private static String segment(JsonMappingException.Reference r) {
        return r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]";
    }

    private static String allowed(Collection<Object> known) {
        return known.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }
}
