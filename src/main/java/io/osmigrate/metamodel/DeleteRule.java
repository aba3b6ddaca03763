package io.osmigrate.metamodel;

import java.util.Locale;

/** OutSystems delete rule of a reference attribute, as stored in OSSYS_ENTITY_ATTR.DELETE_RULE. */
public enum DeleteRule {
    PROTECT, DELETE, IGNORE;

    /** Unknown or empty text reads as Protect, which is what OutSystems stores on plain attributes. */
    public static DeleteRule parse(String text) {
        if (text == null) {
            return PROTECT;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "delete" -> DELETE;
            case "ignore" -> IGNORE;
            default -> PROTECT;
        };
    }
}
