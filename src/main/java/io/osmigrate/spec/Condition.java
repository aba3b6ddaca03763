package io.osmigrate.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A subset condition over an entity's attributes, by name: the safe expression form of a spec's
 * {@code where}. Parsed by {@link ConditionParser}; rendered to SQL with every literal a bind parameter, so
 * no text of the spec ever becomes SQL text except attribute names, which are resolved to physical columns
 * and quoted by the caller. Immutable.
 */
public sealed interface Condition {

    /** SQL text with {@code ?} placeholders and their values, in order. */
    record Sql(String text, List<Object> binds) {
    }

    /** The attribute names the condition uses. */
    default Set<String> attributes() {
        Set<String> names = new LinkedHashSet<>();
        collect(names);
        return names;
    }

    void collect(Set<String> names);

    /** @param column the quoted physical column of an attribute name (from {@link #attributes()}) */
    default Sql toSql(Function<String, String> column) {
        List<Object> binds = new ArrayList<>();
        return new Sql(render(column, binds), List.copyOf(binds));
    }

    String render(Function<String, String> column, List<Object> binds);

    record And(List<Condition> parts) implements Condition {
        public void collect(Set<String> names) {
            parts.forEach(p -> p.collect(names));
        }

        public String render(Function<String, String> column, List<Object> binds) {
            return join(parts, " AND ", column, binds);
        }
    }

    record Or(List<Condition> parts) implements Condition {
        public void collect(Set<String> names) {
            parts.forEach(p -> p.collect(names));
        }

        public String render(Function<String, String> column, List<Object> binds) {
            return join(parts, " OR ", column, binds);
        }
    }

    record Not(Condition inner) implements Condition {
        public void collect(Set<String> names) {
            inner.collect(names);
        }

        public String render(Function<String, String> column, List<Object> binds) {
            return "NOT (" + inner.render(column, binds) + ")";
        }
    }

    /** {@code Attribute op literal}; op is one of = &lt;&gt; &lt; &lt;= &gt; &gt;=. */
    record Compare(String attribute, String op, Object value) implements Condition {
        public void collect(Set<String> names) {
            names.add(attribute);
        }

        public String render(Function<String, String> column, List<Object> binds) {
            binds.add(value);
            return column.apply(attribute) + " " + op + " ?";
        }
    }

    record In(String attribute, List<Object> values, boolean negated) implements Condition {
        public void collect(Set<String> names) {
            names.add(attribute);
        }

        public String render(Function<String, String> column, List<Object> binds) {
            binds.addAll(values);
            return column.apply(attribute) + (negated ? " NOT IN (" : " IN (") + String.join(", ", values.stream().map(v -> "?").toList()) + ")";
        }
    }

    record IsNull(String attribute, boolean negated) implements Condition {
        public void collect(Set<String> names) {
            names.add(attribute);
        }

        public String render(Function<String, String> column, List<Object> binds) {
            return column.apply(attribute) + (negated ? " IS NOT NULL" : " IS NULL");
        }
    }

    /** TRUE or FALSE alone: every row, or none (then only rows the closure reaches are kept). */
    record Constant(boolean value) implements Condition {
        public void collect(Set<String> names) {
            // no attribute
        }

        public String render(Function<String, String> column, List<Object> binds) {
            return value ? "1 = 1" : "1 = 0"; // SQL Server has no boolean literal
        }
    }

    private static String join(List<Condition> parts, String op, Function<String, String> column, List<Object> binds) {
        List<String> rendered = new ArrayList<>();
        for (Condition p : parts) {
            rendered.add("(" + p.render(column, binds) + ")");
        }
        return String.join(op, rendered);
    }
}
