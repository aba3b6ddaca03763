package io.osmigrate.spec;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.StrictYaml;
import io.osmigrate.config.YamlLines;

/**
 * Reads a migration spec from YAML and validates it. Unknown keys, keys written twice and bad values are
 * rejected with the file, the line, the key and what is allowed. Stateless and thread-safe.
 */
public final class SpecLoader {

    static final int MAX_BATCH = 100_000;
    static final int MAX_SAMPLE = 100_000_000;
    private static final ObjectMapper YAML = StrictYaml.mapper();

    private SpecLoader() {
    }

    public static MigrationSpec load(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException("spec file " + file + " is a folder; name a YAML file, e.g. config/migrations/demo.yaml");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("spec file " + file + " does not exist; specs live under config/migrations/");
        } catch (CharacterCodingException e) {
            throw new ConfigException("spec file " + file + " is not a text file (it is not UTF-8); a spec is YAML text,"
                    + " e.g. config/migrations/demo.yaml");
        } catch (IOException e) {
            throw new ConfigException("cannot read spec file " + file + ": " + e.getMessage());
        }
        return parse(file, text);
    }

    public static MigrationSpec parse(Path file, String yaml) {
        SpecDocument doc;
        JsonNode tree = null;
        try {
            tree = YAML.readTree(yaml);
            rejectBareNulls(file, yaml, tree, new ArrayList<>());
            doc = tree == null || tree.isMissingNode() ? null : YAML.treeToValue(tree, SpecDocument.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(SpecErrors.describe(file, yaml, tree, e));
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
            throw new ConfigException(at(file, yaml, List.of("destination")) + ": source and destination name the same"
                    + " environment; osmigrate copies between two different environments");
        }
        Scope scope = doc.scope() == null ? new Scope(null, null, null, null) : doc.scope();
        if (scope.isEmpty() && doc.entitiesOrEmpty().values().stream().noneMatch(s -> s.mode() == Mode.MOVE)) {
            throw new ConfigException(file + ": scope selects nothing; list applications, modules, moduleKeys or "
                    + "entities (as Module.Entity) under scope");
        }
        for (int i = 0; i < scope.entities().size(); i++) {
            if (!isEntityName(scope.entities().get(i))) {
                // a value, so it is not repeated: it may be anything the file holds
                throw new ConfigException(at(file, yaml, List.of("scope", "entities", "[" + i + "]")) + ": scope.entities[" + i
                        + "] is not an entity name; write Module.Entity, e.g. OrdersCore.Order");
            }
        }
        Defaults defaults = doc.defaults() == null ? Defaults.none() : doc.defaults();
        checkBatch(at(file, yaml, List.of("defaults", "batchSize")), "defaults.batchSize", defaults.batchSize());
        Map<String, EntitySettings> entities = new LinkedHashMap<>();
        for (Map.Entry<String, EntitySettings> e : doc.entitiesOrEmpty().entrySet()) {
            String key = "entities." + e.getKey();
            if (!isEntityName(e.getKey())) {
                // a key, so it may be named
                throw new ConfigException(at(file, yaml, List.of("entities", e.getKey())) + ": entities: '" + e.getKey()
                        + "' is not an entity name; write Module.Entity, e.g. OrdersCore.Order");
            }
            EntitySettings s = e.getValue() == null ? EntitySettings.none() : e.getValue();
            checkBatch(at(file, yaml, List.of("entities", e.getKey(), "batchSize")), key + ".batchSize", s.batchSize());
            if (s.mode() == Mode.LOOKUP && s.match().isEmpty()) {
                throw new ConfigException(at(file, yaml, List.of("entities", e.getKey())) + ": " + key + " is a lookup but has no match attributes; add "
                        + "match: [Attribute, …] naming the attributes that identify a row in both environments");
            }
            checkSubset(file, yaml, e.getKey(), s);
            entities.put(e.getKey().trim(), s);
        }
        return new MigrationSpec(file, doc.source().trim(), doc.destination().trim(), scope, defaults,
                doc.statics() == null ? new StaticsSettings(null) : doc.statics(),
                doc.tenants() == null ? new TenantsSettings(null) : doc.tenants(),
                UsersSpecCheck.check(file, yaml, doc.users() == null ? UsersSettings.defaults() : doc.users()),
                doc.bpt() == null ? new BptSettings(null) : doc.bpt(),
                doc.clean() != null && doc.clean(), entities, AnonymizeSpecCheck.check(file, yaml, doc.anonymizeOrEmpty()),
                doc.refresh(), SoftKeySpecCheck.check(file, yaml, doc.softKeysOrEmpty()));
    }

    /** A key written without a value (or as a bare null) is a mistake, not "use the default". */
    private static void rejectBareNulls(Path file, String yaml, JsonNode node, List<String> path) {
        if (node == null) {
            return;
        }
        if (node.isNull() && !path.isEmpty()) {
            String key = String.join(".", path);
            throw new ConfigException(at(file, yaml, path) + ": " + key + " has no value; give one, or leave the key out for the default"
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

    /** "file, line N" where the key at the end of {@code path} is written, else just the file. */
    private static String at(Path file, String yaml, List<String> path) {
        return file + YamlLines.lineOf(yaml, path).stream().mapToObj(l -> ", line " + l).findFirst().orElse("");
    }

    private static boolean isEntityName(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1;
    }

    /** A subset's condition parses, its sample is a count, and only a moved entity has one. */
    private static void checkSubset(Path file, String yaml, String entity, EntitySettings s) {
        String key = "entities." + entity;
        if (s.where() != null) {
            try {
                ConditionParser.parse(s.where());
            } catch (ConditionParser.Invalid e) {
                throw new ConfigException(at(file, yaml, List.of("entities", entity, "where")) + ": " + key + ".where: "
                        + e.getMessage() + ". A condition compares attributes with literals (= <> < <= > >=, IN (…), IS NULL),"
                        + " joined by AND, OR, NOT and parentheses, e.g. CreatedOn >= #2025-01-01# AND Status IN ('A', 'B')");
            }
        }
        if (s.sample() != null && (s.sample() < 1 || s.sample() > MAX_SAMPLE)) {
            throw new ConfigException(at(file, yaml, List.of("entities", entity, "sample")) + ": " + key + ".sample is "
                    + s.sample() + "; allowed: 1.." + MAX_SAMPLE + " (rows)");
        }
        if (s.subset() && s.mode() != null && s.mode() != Mode.MOVE) {
            throw new ConfigException(at(file, yaml, List.of("entities", entity)) + ": " + key + " has "
                    + (s.where() != null ? "where" : "sample") + " but is a " + s.mode().wire() + "; only a moved entity's rows"
                    + " are a subset (a lookup matches every row it is asked for): set mode: move, or remove it");
        }
    }

    private static void checkBatch(String where, String key, Integer batch) {
        if (batch != null && (batch < 1 || batch > MAX_BATCH)) {
            throw new ConfigException(where + ": " + key + " is " + batch + "; allowed: 1.." + MAX_BATCH);
        }
    }
}
