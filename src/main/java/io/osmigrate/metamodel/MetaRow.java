package io.osmigrate.metamodel;

import java.util.Locale;
import java.util.Map;

/** One metamodel row by column name, tolerant of how each engine types booleans and numbers. */
record MetaRow(Map<String, Object> values) {

    Object get(String column) {
        return values.get(column.toUpperCase(Locale.ROOT));
    }

    String text(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    long number(String column) {
        Object v = get(column);
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v == null ? 0 : Long.parseLong(v.toString().trim());
    }

    Long optionalNumber(String column) {
        Object v = get(column);
        return v == null ? null : number(column);
    }

    /** BIT/BOOLEAN, integers 0/1, or text "1"/"true": real platform databases use all of them. */
    boolean flag(String column) {
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
