package io.osmigrate.metamodel;

import java.util.Locale;
import java.util.Map;

/** One metamodel row by column name, tolerant of how each engine types booleans and numbers. */
public record MetaRow(Map<String, Object> values) {

    public Object get(String column) {
        return values.get(column.toUpperCase(Locale.ROOT));
    }

    public String text(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    public long number(String column) {
        Object v = get(column);
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v == null ? 0 : Long.parseLong(v.toString().trim());
    }

    public Long optionalNumber(String column) {
        Object v = get(column);
        return v == null ? null : number(column);
    }

    /** A date and time of any JDBC shape (Timestamp, LocalDateTime), or null. */
    public java.time.LocalDateTime dateTime(String column) {
        Object v = get(column);
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof java.time.LocalDateTime d) {
            return d;
        }
        if (v instanceof java.time.OffsetDateTime o) {
            return o.toLocalDateTime();
        }
        return v == null ? null : java.time.LocalDateTime.parse(v.toString().trim().replace(' ', 'T'));
    }

    /** BIT/BOOLEAN, integers 0/1, or text "1"/"true": real platform databases use all of them. */
    public boolean flag(String column) {
        Object v = get(column);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.intValue() != 0;
        }
        if (v == null) {
            return false;
        }
        String t = v.toString().trim();
        return t.equals("1") || t.equalsIgnoreCase("true");
    }
}
