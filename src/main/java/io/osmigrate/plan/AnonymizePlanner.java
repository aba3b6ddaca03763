package io.osmigrate.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.osmigrate.config.ConfigException;
import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.spec.AnonymizeMethod;
import io.osmigrate.spec.AnonymizeRule;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.Mode;

/**
 * Resolves a spec's {@code anonymize} entries against a plan: each names a plain value attribute of a moved
 * entity, whose method suits the destination column's type and length, and keeps a unique index unique where
 * the destination has one on that column. A key or a reference is never anonymised: an entry naming one, like any
 * other mistake, is a {@link ConfigException} naming the entry. Reads the destination's catalog only.
 */
public final class AnonymizePlanner {

    /** Shortest text column each method's values fit (a pseudonym cut shorter would repeat). */
    static final int MIN_EMAIL = 24;
    static final int MIN_HASH = 8;
    static final int MIN_UNIQUE_NAME = 20;
    private static final Set<AnonymizeMethod> TEXT = EnumSet.of(AnonymizeMethod.NAME, AnonymizeMethod.EMAIL,
            AnonymizeMethod.PHONE, AnonymizeMethod.TEXT, AnonymizeMethod.HASH);
    private static final Set<AnonymizeMethod> NOT_UNIQUE = EnumSet.of(AnonymizeMethod.EMPTY, AnonymizeMethod.FIXED,
            AnonymizeMethod.DATE_SHIFT, AnonymizeMethod.NUMBER_RANGE);

    private AnonymizePlanner() {
    }

    public static Plan apply(Plan plan, MigrationSpec spec, EnvironmentView destination) {
        if (spec.anonymize().isEmpty()) {
            return plan;
        }
        List<AnonymizedAttribute> attributes = new ArrayList<>();
        for (Map.Entry<String, AnonymizeRule> e : spec.anonymize().entrySet()) {
            attributes.add(resolve(plan, spec, destination, e.getKey(), e.getValue()));
        }
        return plan.withShaping(plan.shaping().withAnonymized(attributes));
    }

    private static AnonymizedAttribute resolve(Plan plan, MigrationSpec spec, EnvironmentView destination, String key,
                                               AnonymizeRule rule) {
        String where = spec.file() + ": anonymize." + key;
        int dot = key.lastIndexOf('.');
        String entityName = key.substring(0, dot);
        String attribute = key.substring(dot + 1);
        PlannedEntity e = plan.entity(entityName).orElseThrow(() -> new ConfigException(where + ": " + entityName
                + " is not in this spec's scope; only the attributes of moved entities are anonymised"));
        if (e.mode() != Mode.MOVE) {
            throw new ConfigException(where + ": " + e.entity().qualifiedName() + " is a " + e.mode().wire()
                    + " here, not moved; only the attributes of moved entities are anonymised");
        }
        if (e.identifier().attribute().equalsIgnoreCase(attribute)) {
            throw new ConfigException(where + ": " + attribute + " is " + e.entity().qualifiedName() + "'s identifier;"
                    + " keys and references are never anonymised (they would no longer join)");
        }
        ColumnPlan column = e.column(attribute).filter(c -> c.ssKey() != null).orElseThrow(() -> new ConfigException(where
                + ": no attribute '" + attribute + "' in " + e.entity().qualifiedName() + "; its attributes: "
                + e.columns().stream().filter(c -> c.ssKey() != null).map(ColumnPlan::attribute).collect(Collectors.joining(", "))));
        if (column.role() != ColumnRole.VALUE) {
            throw new ConfigException(where + ": " + column.attribute() + " is a reference ("
                    + column.role().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "); keys and references are never"
                    + " anonymised (they would no longer join)");
        }
        ColumnInfo info = destination.catalog().column(e.destinationTable(), column.destinationColumn()).orElseThrow(
                () -> new ConfigException(where + ": the destination has no column " + column.destinationColumn()));
        ValueKind kind = ValueKind.of(info.jdbcType());
        int length = kind == ValueKind.TEXT && info.size() > 0 && info.size() < (1 << 24) ? info.size() : 0;
        boolean unique = destination.catalog().uniqueIndexes(e.destinationTable()).stream()
                .anyMatch(index -> index.size() == 1 && index.get(0).equalsIgnoreCase(info.name()));
        checkType(where, rule, kind, length, column);
        if (unique && NOT_UNIQUE.contains(rule.method())) {
            throw new ConfigException(where + ": the destination has a unique index on " + info.name() + ", which "
                    + rule.method().wire() + " cannot keep unique; use hash or text");
        }
        if (unique && rule.method() == AnonymizeMethod.NAME && length > 0 && length < MIN_UNIQUE_NAME) {
            throw new ConfigException(where + ": a unique name needs a column of " + MIN_UNIQUE_NAME + " characters or more"
                    + " (it carries a distinguishing suffix); " + info.name() + " holds " + length + "; use hash or text");
        }
        return new AnonymizedAttribute(e.entity(), column.attribute(), info.name(), rule, length, unique);
    }

    private static void checkType(String where, AnonymizeRule rule, ValueKind kind, int length, ColumnPlan column) {
        AnonymizeMethod m = rule.method();
        if (TEXT.contains(m) && kind != ValueKind.TEXT) {
            throw new ConfigException(where + ": " + m.wire() + " replaces text, but the column holds " + word(kind)
                    + "; use " + (kind == ValueKind.DATE || kind == ValueKind.TIMESTAMP ? "dateShift" : "numberRange")
                    + ", fixed or empty");
        }
        if (m == AnonymizeMethod.EMAIL && length > 0 && length < MIN_EMAIL) {
            throw new ConfigException(where + ": an anonymised e-mail needs a column of " + MIN_EMAIL + " characters or more;"
                    + " this one holds " + length + "; use text or hash");
        }
        if (m == AnonymizeMethod.HASH && length > 0 && length < MIN_HASH) {
            throw new ConfigException(where + ": a hash needs a column of " + MIN_HASH + " characters or more; this one holds "
                    + length);
        }
        if (m == AnonymizeMethod.DATE_SHIFT && kind != ValueKind.DATE && kind != ValueKind.TIMESTAMP) {
            throw new ConfigException(where + ": dateShift moves dates, but the column holds " + word(kind));
        }
        if (m == AnonymizeMethod.NUMBER_RANGE) {
            boolean whole = kind == ValueKind.INTEGER || kind == ValueKind.LONG;
            if (!whole && kind != ValueKind.DECIMAL && kind != ValueKind.DOUBLE) {
                throw new ConfigException(where + ": numberRange makes numbers, but the column holds " + word(kind));
            }
            if (whole && (rule.min().stripTrailingZeros().scale() > 0 || rule.max().stripTrailingZeros().scale() > 0)) {
                throw new ConfigException(where + ": the column holds whole numbers; give numberRange whole bounds");
            }
        }
        if (m == AnonymizeMethod.EMPTY && column.mandatory()) {
            throw new ConfigException(where + ": " + column.attribute() + " is mandatory and cannot be emptied; use fixed");
        }
        if (m == AnonymizeMethod.FIXED) {
            checkFixed(where, rule.fixed(), kind, length);
        }
    }

    private static void checkFixed(String where, String value, ValueKind kind, int length) {
        try {
            switch (kind) {
                case TEXT -> {
                    if (length > 0 && value.length() > length) {
                        throw new ConfigException(where + ".fixed is longer than the column's " + length + " characters");
                    }
                }
                case INTEGER, LONG -> Long.parseLong(value);
                case DECIMAL, DOUBLE -> new BigDecimal(value);
                case DATE -> LocalDate.parse(value);
                case TIMESTAMP -> LocalDateTime.parse(value.replace(' ', 'T'));
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new IllegalArgumentException();
                    }
                }
                default -> throw new ConfigException(where + ": fixed cannot fill a column of " + word(kind) + "; use empty");
            }
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new ConfigException(where + ".fixed is not " + word(kind) + " (write e.g. "
                    + switch (kind) {
                        case DATE -> "2025-01-31";
                        case TIMESTAMP -> "2025-01-31 10:30:00";
                        case BOOLEAN -> "false";
                        default -> "0";
                    } + ")");
        }
    }

    private static String word(ValueKind kind) {
        return switch (kind) {
            case TEXT -> "text";
            case INTEGER, LONG -> "whole numbers";
            case DECIMAL, DOUBLE -> "numbers";
            case BOOLEAN -> "true or false";
            case DATE -> "dates";
            case TIME -> "times";
            case TIMESTAMP -> "date-times";
            case BINARY -> "binary data";
        };
    }
}
