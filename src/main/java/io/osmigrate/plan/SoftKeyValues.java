package io.osmigrate.plan;

import java.math.BigDecimal;

/**
 * How the values of a soft key are read: an Integer, Long Integer or Text attribute that holds another entity's id
 * without being a reference in the model. OutSystems gives such attributes 0 and "" for "no value", so null, 0 and
 * empty or blank text (and the text "0") mean "no reference": they are written as they are and never looked up. Any
 * other value is looked up in the target's key map as its identifier is carried there: a number as a Long; a text
 * holding a whole number as that Long when the target's identifier is numeric, else the text trimmed.
 *
 * @param numericTarget whether the target's identifier is a number (Integer, Long Integer or a reference to one)
 */
public record SoftKeyValues(boolean numericTarget) {

    /** Whether a value means "no reference". */
    public static boolean isNone(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue() == 0;
        }
        String text = value.toString().trim();
        return text.isEmpty() || text.equals("0");
    }

    /** Whether a planned identifier is a number: Integer, Long Integer, or a reference (whose ids are numbers). */
    public static boolean numericIdentifier(Identifier identifier) {
        String type = identifier.type() == null ? "" : identifier.type().trim().toLowerCase(java.util.Locale.ROOT);
        return !type.equals("rttext") && !type.equals("rtemail") && !type.equals("rtphonenumber");
    }

    /** The key-map key of a value that is not {@link #isNone none}. */
    public Object key(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        String text = value.toString().trim();
        if (numericTarget && text.matches("[+-]?\\d{1,18}")) {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        }
        return text;
    }
}
