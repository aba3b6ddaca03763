package io.osmigrate.run;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a run does beyond its spec.
 *
 * @param phases the phases to run; empty means all that apply (clean only when the spec asks)
 * @param fresh  start over: clean the destination and forget the key map of the scope
 */
public record RunOptions(List<Phase> phases, boolean fresh) {

    public RunOptions {
        phases = List.copyOf(phases);
    }

    public static RunOptions defaults() {
        return new RunOptions(List.of(), false);
    }

    /** The phases that run for a spec that does (or does not) ask to clean. */
    public Set<Phase> effective(boolean specCleans) {
        Set<Phase> set = phases.isEmpty() ? EnumSet.allOf(Phase.class) : EnumSet.copyOf(phases);
        if (phases.isEmpty() && !specCleans && !fresh) {
            set.remove(Phase.CLEAN);
        }
        if (fresh) {
            set.add(Phase.CLEAN);
        }
        return set;
    }
}
