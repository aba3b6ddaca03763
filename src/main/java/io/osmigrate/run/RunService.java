package io.osmigrate.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.config.ConfigException;
import io.osmigrate.config.Secrets;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.SpecLoader;
import io.osmigrate.state.Runs;

/**
 * One run of a spec, through the run route ({@link RunRoutes}): plan, recover what an interrupted run left,
 * then the phases in order, recorded in the run history with a state; the report is printed by the caller
 * and written under {@code <data-dir>/runs/<run id>/}. The command line, job files and schedules all call
 * this. One run at a time per process.
 *
 * <p>Phase order: statics, triggers-off (before anything is written), users (before the clean, or just after it
 * when users.strategy is recreate, since recreating deletes users that in-scope rows may reference), clean, data,
 * deferred, events, verify. Without the users
 * phase the user map is a plain lookup by tenant and username.
 *
 * <p>A replay ({@link #replay}) is a run of its own through the same route: the past run's spec, with the phases
 * triggers-off, bpt (its maps), data (and deferred), events and verify, whose data and deferred phases read again from the source
 * only the rows of the past run's open dead letters.
 */
public final class RunService {

    /** The phases of a replay: no clean, no users phase (the user map is the plain lookup), no statics figures. */
    private static final Set<Phase> REPLAY_PHASES = EnumSet.of(Phase.TRIGGERS_OFF, Phase.BPT, Phase.DATA, Phase.EVENTS,
            Phase.VERIFY);

    /** The outcome of a run that ended without a report: refused (its environments held), or broken. */
    public static final String ERROR = "ERROR";

    private RunService() {
    }

    public static synchronized RunReport run(OsmRuntime runtime, MigrationSpec spec, RunOptions options) throws Exception {
        RunInProgress run = new RunInProgress(runtime, spec, options.effective(spec));
        run.refresh = options.refreshes(spec);
        run.sample = options.sample();
        return execute(runtime, run);
    }

    /**
     * Replays the open dead letters of a past run, with the spec that run used (read again from its file), between
     * the same two environments.
     *
     * @param entity only this entity's dead letters (Module.Entity) and those dead-lettered because of them; null: all
     * @throws ConfigException the run is unknown, its spec now names other environments, or the entity is not moved
     */
    public static synchronized RunReport replay(OsmRuntime runtime, String runId, String entity) throws Exception {
        Runs.Run past = runtime.state().runs().find(runId).orElseThrow(() -> new ConfigException("there is no run " + runId
                + " in the state store at " + Secrets.redactUrl(runtime.settings().stateUrl())
                + "; list the runs with: osmigrate runs"));
        MigrationSpec spec = SpecLoader.load(Path.of(past.spec()));
        if (!spec.source().equals(past.sourceEnv()) || !spec.destination().equals(past.destinationEnv())) {
            throw new ConfigException(spec.file() + ": run " + runId + " moved from " + past.sourceEnv() + " to "
                    + past.destinationEnv() + ", but this spec now names " + spec.source() + " and " + spec.destination()
                    + "; its dead letters can only be replayed between the environments they were read from and meant for");
        }
        RunInProgress run = new RunInProgress(runtime, spec, REPLAY_PHASES);
        run.replayOf = runId;
        run.replayEntity = entity;
        return execute(runtime, run);
    }

    private static RunReport execute(OsmRuntime runtime, RunInProgress run) throws Exception {
        CamelContext camel = runtime.pipeline();
        runtime.installOnce(RunRoutes.class, RunRoutes::new);
        runtime.board().begin(run.spec.name(), run.phaseNames());
        try (ProducerTemplate producer = camel.createProducerTemplate()) {
            producer.requestBody(RunRoutes.RUN, run);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            run.release();
            // a run refused or broken before it could report ends as ERROR: one more bounded outcome
            String outcome = run.report == null ? ERROR : run.report.state();
            runtime.board().end(outcome);
            runtime.meters().runEnded(outcome, Duration.between(run.started, Instant.now()));
        }
        return run.report;
    }
}
