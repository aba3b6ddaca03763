package io.osmigrate.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * osmigrate's view of the configuration: the same Camel properties component that camel-main uses
 * in host mode, so {@code {{env:NAME}}} and {@code {{env:NAME:default}}} placeholders resolve the
 * same way on the command line and in the route host. A JVM system property ({@code -Dosmigrate.…})
 * overrides the file's value of its key, and adds its key when the file does not have it.
 */
public final class PropertySource {

    /** The keys a -D system property may give or override: osmigrate's own (camel-main reads camel.* itself). */
    private static final String OVERRIDABLE = "osmigrate.";
    /** JVM options of osmigrate's that are not settings: log levels (log4j2.xml) and the crash tests' fault seam. */
    private static final List<String> NOT_SETTINGS = List.of("osmigrate.log.", "osmigrate.camel.", "osmigrate.fault.");
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\{\\{env:([A-Za-z0-9_]+)(:[^}]*)?}}");

    private final PropertiesComponent properties;
    private final Map<String, String> rawValues = new TreeMap<>();
    private final String origin;

    /** Snapshots the raw properties once: settings are read at start-up, not per use. */
    public PropertySource(CamelContext context, String origin) {
        this.properties = context.getPropertiesComponent();
        this.origin = origin;
        // entrySet, not forEach: Camel's ordered properties map overrides the first but not the second
        for (Map.Entry<String, Object> e : properties.loadPropertiesAsMap().entrySet()) {
            rawValues.put(e.getKey().toString(), e.getValue().toString());
        }
        // Camel resolves a -D override of a key its locations hold, but never lists a key only -D gives
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(OVERRIDABLE) && NOT_SETTINGS.stream().noneMatch(key::startsWith)) {
                rawValues.put(key, System.getProperty(key));
            }
        }
    }

    /** The value with placeholders resolved; empty when the key is absent. */
    public Optional<String> get(String key) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return raw;
        }
        Optional<String> resolved;
        try {
            resolved = properties.resolveProperty(key);
        } catch (RuntimeException e) {
            resolved = Optional.empty();
        }
        if (resolved.isEmpty() || resolved.get().contains("{{")) {
            Matcher env = ENV_PLACEHOLDER.matcher(raw.get());
            if (env.find() && System.getenv(env.group(1)) == null) {
                throw new ConfigException(origin + ": " + key + " needs the environment variable " + env.group(1)
                        + ", which is not set; set it (or give a default as {{env:" + env.group(1) + ":value}})");
            }
            throw new ConfigException(origin + ": " + key + " has a placeholder that cannot be resolved: " + raw.get());
        }
        return resolved.map(String::trim);
    }

    /** The value as written, placeholders and all. */
    public Optional<String> raw(String key) {
        return Optional.ofNullable(rawValues.get(key));
    }

    public Set<String> keys() {
        return rawValues.keySet();
    }

    public String origin() {
        return origin;
    }
}
