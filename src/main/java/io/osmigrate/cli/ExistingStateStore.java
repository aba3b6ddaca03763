package io.osmigrate.cli;

import java.nio.file.Path;
import java.util.Optional;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.config.ConfigException;
import io.osmigrate.config.OsmSettings;
import io.osmigrate.config.Secrets;
import io.osmigrate.state.Runs;
import io.osmigrate.state.StateStore;

/**
 * The state store as the commands that only read it (runs, report, dead-letters) open it: never made where
 * none exists, since an empty one would answer "no runs" as if that were the truth. Stateless.
 */
final class ExistingStateStore {

    private ExistingStateStore() {
    }

    /**
     * The configured store, opened; a {@link ConfigException} naming the file and the keys that place it when the
     * embedded store's file does not exist.
     */
    static StateStore open(OsmRuntime runtime) {
        OsmSettings settings = runtime.settings();
        Optional<Path> file = settings.stateFile();
        if (file.isPresent() && !StateStore.exists(settings)) {
            throw new ConfigException("there is no state store yet: " + file.get() + " (where osmigrate.state.url or"
                    + " osmigrate.data-dir in " + settings.origin() + " puts it) does not exist. The first run makes it, and only"
                    + " runs leave a history and dead letters; is this the configuration those runs used?");
        }
        return runtime.state();
    }

    /** The run with this id, or a {@link ConfigException} naming it and how to list the runs there are. */
    static Runs.Run run(OsmRuntime runtime, StateStore state, String runId) {
        return state.runs().find(runId).orElseThrow(() -> new ConfigException("there is no run " + runId
                + " in the state store at " + Secrets.redactUrl(runtime.settings().stateUrl()) + "; list the runs with:"
                + " osmigrate runs"));
    }
}
