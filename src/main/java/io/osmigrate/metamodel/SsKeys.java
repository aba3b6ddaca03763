package io.osmigrate.metamodel;

import java.util.Locale;

/**
 * SS_Keys are text (GUIDs, sometimes with suffixes) that compare case-insensitively. Every key
 * osmigrate keeps is normalised here once, so maps can use plain string equality.
 */
public final class SsKeys {

    private SsKeys() {
    }

    /** Trimmed, lower-case form of an SS_Key; null stays null. */
    public static String normalize(String ssKey) {
        return ssKey == null ? null : ssKey.trim().toLowerCase(Locale.ROOT);
    }
}
