package io.osmigrate.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.osmigrate.config.ConfigException;

/** The phases of a run, in the order they run. */
public enum Phase {
    STATICS, USERS, CLEAN, DATA, VERIFY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Phase parse(String text) {
        for (Phase p : values()) {
            if (p.wire().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new ConfigException("unknown phase '" + text + "'; phases: "
                + Arrays.stream(values()).map(Phase::wire).collect(Collectors.joining(", ")));
    }
}
