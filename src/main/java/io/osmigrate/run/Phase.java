package io.osmigrate.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.osmigrate.config.ConfigException;

/**
 * The phases of a run, in the order they run. Triggers-off comes before the users phase, since that phase
 * writes OSSYS_USER and the other user tables, which BPT triggers watch too; events comes after the data.
 */
public enum Phase {
    STATICS, TRIGGERS_OFF, USERS, CLEAN, DATA, EVENTS, VERIFY;

    /** The name on the command line, in job files and in reports, e.g. "triggers-off". */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
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
