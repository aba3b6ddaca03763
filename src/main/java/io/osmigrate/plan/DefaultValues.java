package io.osmigrate.plan;

import java.util.Locale;
import java.util.Optional;

import io.osmigrate.metamodel.Attribute;
import io.osmigrate.metamodel.OsType;

/**
 * Turns an OutSystems default expression (OSSYS_ENTITY_ATTR.DEFAULT_VALUE) into the canonical text
 * of the value osmigrate writes: {@code "web"} → web, {@code True} → true, {@code #2020-01-31#} →
 * 2020-01-31, empty → the type's own default (empty text, 0, false, 1900-01-01). Functions of the
 * current time become {@link #NOW}, resolved when the row is written.
 */
public final class DefaultValues {

    /** Written as the time the row is inserted. */
    public static final String NOW = "@now";

    private DefaultValues() {
    }

    /** The fill value, or empty when none can be given (a reference without a default). */
    public static Optional<String> of(Attribute attribute) {
        String raw = attribute.defaultValue() == null ? "" : attribute.defaultValue().trim();
        OsType type = attribute.type().basic();
        if (raw.isEmpty() || raw.equalsIgnoreCase("NullDate()") || raw.equalsIgnoreCase("NullIdentifier()")
                || raw.equalsIgnoreCase("NullTextIdentifier()")) {
            return typeDefault(type);
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.startsWith("currdatetime(") || lower.startsWith("currdate(") || lower.startsWith("currtime(")) {
            return Optional.of(NOW);
        }
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return Optional.of(raw.substring(1, raw.length() - 1).replace("\"\"", "\""));
        }
        if (raw.length() >= 2 && raw.startsWith("#") && raw.endsWith("#")) {
            return Optional.of(raw.substring(1, raw.length() - 1).trim());
        }
        if (lower.equals("true") || lower.equals("false")) {
            return Optional.of(lower);
        }
        return Optional.of(raw);
    }

    private static Optional<String> typeDefault(OsType type) {
        return switch (type) {
            case TEXT, EMAIL, PHONE_NUMBER, BINARY_DATA -> Optional.of("");
            case INTEGER, LONG_INTEGER, DECIMAL, CURRENCY -> Optional.of("0");
            case BOOLEAN -> Optional.of("false");
            case DATE -> Optional.of("1900-01-01");
            case TIME -> Optional.of("00:00:00");
            case DATE_TIME -> Optional.of("1900-01-01 00:00:00");
            default -> Optional.empty();
        };
    }
}
