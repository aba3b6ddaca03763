package io.osmigrate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What Camel's tracer follows ({@code osmigrate.trace.*}): the tables whose table routes are traced, and other routes or
 * steps by id. Both empty (the default): tracing is off. Read and validated with the rest of the configuration;
 * immutable.
 *
 * @param entities traced tables as Module.Entity, or {@code *} for every table
 * @param routes   more route or step ids: an id, a prefix ending in {@code *}, or a regular expression
 */
public record TraceSettings(List<String> entities, List<String> routes) {

    private static final Pattern ENTITY = Pattern.compile("[^.\\s]+\\.[^.\\s]+");

    public TraceSettings {
        entities = List.copyOf(entities);
        routes = List.copyOf(routes);
    }

    /** Whether anything is traced. */
    public boolean on() {
        return !entities.isEmpty() || !routes.isEmpty();
    }

    static TraceSettings read(PropertySource p) {
        List<String> entities = list(p, Setting.TRACE_ENTITIES);
        for (String e : entities) {
            if (!e.equals("*") && !ENTITY.matcher(e).matches()) {
                throw new ConfigException(p.origin() + ": " + Setting.TRACE_ENTITIES.key() + ": '" + e + "' is not an entity;"
                        + " give Module.Entity names separated by commas, e.g. OrdersCore.Order, or * for every table");
            }
        }
        List<String> routes = list(p, Setting.TRACE_ROUTES);
        for (String r : routes) {
            boolean prefix = r.indexOf('*') == r.length() - 1;
            if (!prefix) {
                try {
                    Pattern.compile(r);
                } catch (PatternSyntaxException e) {
                    throw new ConfigException(p.origin() + ": " + Setting.TRACE_ROUTES.key() + ": '" + r + "' is neither an"
                            + " id, a prefix ending in *, nor a regular expression (" + e.getDescription() + ")");
                }
            }
        }
        return new TraceSettings(entities, routes);
    }

    private static List<String> list(PropertySource p, Setting setting) {
        List<String> values = new ArrayList<>();
        for (String v : p.get(setting.key()).orElse(setting.defaultValue()).split(",")) {
            if (!v.isBlank()) {
                values.add(v.trim());
            }
        }
        return values;
    }
}
