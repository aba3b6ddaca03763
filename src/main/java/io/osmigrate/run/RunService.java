package io.osmigrate.run;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.spec.MigrationSpec;

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
 */
public final class RunService {

    private RunService() {
    }

    public static synchronized RunReport run(OsmRuntime runtime, MigrationSpec spec, RunOptions options) throws Exception {
        Set<Phase> phases = options.effective(spec);
        CamelContext camel = runtime.pipeline();
        runtime.installOnce(RunRoutes.class, RunRoutes::new);
        RunInProgress run = new RunInProgress(runtime, spec, phases);
        try (ProducerTemplate producer = camel.createProducerTemplate()) {
            producer.requestBody(RunRoutes.RUN, run);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            run.release();
        }
        return run.report;
    }
}
