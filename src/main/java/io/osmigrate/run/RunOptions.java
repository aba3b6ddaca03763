package io.osmigrate.run;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.osmigrate.config.ConfigException;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.RefreshMode;

/**
 * What a run does beyond its spec.
 *
 * @param phases the phases to run; empty means all that apply (clean only when the spec asks)
 * @param fresh   start over: clean the destination and forget the key map of the scope
 * @param refresh bring the rows moved by earlier runs up to date with their source (as {@code refresh: changed}
 *                in the spec does)
 * @param sample  the most rows per table the verify phase compares by value, spread over the table; null: every
 *                moved row; 0: none
 */
public record RunOptions(List<Phase> phases, boolean fresh, boolean refresh, Integer sample) {

    /** @throws ConfigException a sample below 0 */
    public RunOptions {
        phases = List.copyOf(phases);
        if (sample != null && sample < 0) {
            throw new ConfigException("--sample is " + sample + "; allowed: 0 or more (0 compares no row by value)");
        }
    }

    /** A run whose verify phase compares every moved row. */
    public RunOptions(List<Phase> phases, boolean fresh, boolean refresh) {
        this(phases, fresh, refresh, null);
    }

    /** A run that refreshes only when its spec asks. */
    public RunOptions(List<Phase> phases, boolean fresh) {
        this(phases, fresh, false);
    }

    public static RunOptions defaults() {
        return new RunOptions(List.of(), false);
    }

    /** Whether the run refreshes the rows moved before: asked here or in the spec. */
    public boolean refreshes(MigrationSpec spec) {
        return refresh || spec.refresh() == RefreshMode.CHANGED;
    }

    /**
     * The phases that run for a spec. The clean phase deletes destination rows, so it runs only with consent:
     * {@code clean: true} in the spec or {@code fresh}. Naming it in {@code phases} without either is a
     * {@link ConfigException} that says how to ask for it; nothing has been read or written when it is thrown.
     */
    public Set<Phase> effective(MigrationSpec spec) {
        boolean consent = spec.clean() || fresh;
        if (phases.contains(Phase.CLEAN) && !consent) {
            throw new ConfigException(spec.file() + ": the clean phase deletes the destination's rows of the scope (and the"
                    + " rows that reference them), and this spec does not ask for it; nothing was deleted. To clean, add"
                    + " `clean: true` to the spec, or pass --fresh (fresh: true in a job file)");
        }
        Set<Phase> set = EnumSet.noneOf(Phase.class);
        (phases.isEmpty() ? EnumSet.allOf(Phase.class) : EnumSet.copyOf(phases)).stream().filter(Phase::selectable).forEach(set::add);
        if (phases.isEmpty() && !consent) {
            set.remove(Phase.CLEAN);
        }
        if (fresh) {
            set.add(Phase.CLEAN);
        }
        return set;
    }
}
