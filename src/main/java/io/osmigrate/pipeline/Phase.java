package io.osmigrate.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.osmigrate.config.ConfigException;

/**
 * The phases of a run, in the order they run, and the steps of the data phase that report figures of
 * their own (lookups, the refresh of rows moved before, deferred references). A run's {@code --phases} names phases, never steps.
 * Triggers-off comes before the users phase, since that phase writes OSSYS_USER and the other user
 * tables, which BPT triggers watch too; bpt maps definitions and groups after the users phase (whose groups it
 * maps) and before the data, whose load order moves the process instances; events comes after the data.
 */
public enum Phase {
    STATICS(true), TRIGGERS_OFF(true), USERS(true), CLEAN(true), BPT(true), LOOKUP(false), DATA(true), REFRESH(false), DEFERRED(false),
    EVENTS(true), VERIFY(true);

    private final boolean selectable;

    Phase(boolean selectable) {
        this.selectable = selectable;
    }

    /** The word for it in specs, job files, reports and the state store, e.g. "triggers-off". */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A phase a run may be asked for; false for a step of another phase. */
    public boolean selectable() {
        return selectable;
    }

    public static Phase parse(String text) {
        for (Phase p : values()) {
            if (p.selectable && p.wire().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new ConfigException("unknown phase '" + text + "'; phases: " + Arrays.stream(values()).filter(Phase::selectable)
                .map(Phase::wire).collect(Collectors.joining(", ")));
    }
}
