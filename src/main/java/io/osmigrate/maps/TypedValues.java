package io.osmigrate.maps;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.osmigrate.dialect.ValueKind;
import io.osmigrate.plan.DefaultValues;

/** Turns text (default values, static DATA_IDs) into a value of a destination column's kind. */
public final class TypedValues {

    private TypedValues() {
    }

    public static Object fromText(String text, ValueKind kind, LocalDateTime now) {
        if (text == null) {
            return null;
        }
        boolean isNow = DefaultValues.NOW.equals(text);
        String t = text.trim();
        return switch (kind) {
            case TEXT -> text;
            case INTEGER -> Integer.parseInt(t);
            case LONG -> Long.parseLong(t);
            case DECIMAL -> new BigDecimal(t);
            case DOUBLE -> Double.parseDouble(t);
            case BOOLEAN -> t.equals("1") || t.toLowerCase(Locale.ROOT).equals("true");
            case DATE -> isNow ? now.toLocalDate() : LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
            case TIME -> isNow ? now.toLocalTime().truncatedTo(ChronoUnit.SECONDS) : LocalTime.parse(t);
            case TIMESTAMP -> isNow ? now.truncatedTo(ChronoUnit.SECONDS) : LocalDateTime.parse(t.replace(' ', 'T'));
            case BINARY -> new byte[0];
        };
    }

    /** A mapped identifier (Long or text) typed for a destination column. */
    public static Object id(Object id, ValueKind kind) {
        if (id == null) {
            return null;
        }
        return switch (kind) {
            case INTEGER -> ((Number) (id instanceof String s ? Long.parseLong(s.trim()) : id)).intValue();
            case LONG -> id instanceof String s ? Long.parseLong(s.trim()) : ((Number) id).longValue();
            case DECIMAL -> new BigDecimal(id.toString());
            case TEXT -> id.toString();
            default -> id;
        };
    }
}
