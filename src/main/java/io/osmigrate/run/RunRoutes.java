package io.osmigrate.run;

import org.apache.camel.builder.RouteBuilder;

import io.osmigrate.pipeline.Phase;
import io.osmigrate.pipeline.PipelineHeaders;
import io.osmigrate.pipeline.RunStoppedException;

/**
 * A run, as a route over its phases, and each phase as a route of its own, so that the command line, job
 * files, schedules and HTTP all run the same routes and Camel's metrics, tracer and health see every
 * phase. The data-moving phases hand each planned table to a table route (see pipeline.TableRoutes).
 *
 * <pre>
 * direct:run
 *   run-plan        plan both environments; a blocked plan ends here (nothing written)
 *   run-start       recovery, the run's record, the maps, the destination's row counts
 *   run-statics, run-triggers-off, run-users, run-clean, run-users-after-clean, run-bpt, run-data,
 *   run-refresh (not in a replay: rows moved before brought up to date, where asked), run-deferred,
 *   run-resolve (a replay: the dead letters it moved marked resolved), run-events, run-verify
 *                   each the phase's own route, when the run has that phase
 *   run-stopped / run-failed   a stop request or a failure ends the phases; the run still reports
 *   run-finish      the run's state, its record, report.json
 * </pre>
 */
public final class RunRoutes extends RouteBuilder {

    static final String RUN = "direct:run";

    @Override
    public void configure() {
        from(RUN).routeId("run").routeConfigurationId(PipelineHeaders.ROUTE_CONFIGURATION)
                .process(RunSteps::plan).id("run-plan")
                .filter(RunSteps::runnable).id("run-if-runnable")
                    .process(RunSteps::start).id("run-start")
                    .doTry().id("run-phases")
                        .filter(e -> has(e, Phase.STATICS)).id("run-if-statics").to("direct:phase-statics").id("run-statics").end()
                        .filter(e -> has(e, Phase.TRIGGERS_OFF)).id("run-if-triggers-off")
                            .to("direct:phase-triggers-off").id("run-triggers-off").end()
                        .filter(e -> has(e, Phase.USERS) && !usersAfterClean(e)).id("run-if-users")
                            .to("direct:phase-users").id("run-users").end()
                        .filter(e -> has(e, Phase.CLEAN)).id("run-if-clean").to("direct:phase-clean").id("run-clean").end()
                        .filter(e -> has(e, Phase.USERS) && usersAfterClean(e)).id("run-if-users-after-clean")
                            .to("direct:phase-users").id("run-users-after-clean").end()
                        .filter(e -> has(e, Phase.BPT)).id("run-if-bpt").to("direct:phase-bpt").id("run-bpt").end()
                        .filter(e -> has(e, Phase.DATA)).id("run-if-data")
                            .to("direct:phase-data").id("run-data")
                            .filter(e -> !replay(e)).id("run-if-not-replay").to("direct:phase-refresh").id("run-refresh").end()
                            .to("direct:phase-deferred").id("run-deferred")
                            .filter(RunRoutes::replay).id("run-if-replay").to("direct:phase-resolve").id("run-resolve").end()
                        .end()
                        .filter(e -> has(e, Phase.EVENTS)).id("run-if-events").to("direct:phase-events").id("run-events").end()
                        .filter(e -> has(e, Phase.VERIFY)).id("run-if-verify").to("direct:phase-verify").id("run-verify")
                    .endDoTry()
                    .doCatch(RunStoppedException.class).id("run-if-stopped")
                        .process(RunSteps::stopped).id("run-stopped")
                    .doCatch(Exception.class).id("run-if-failed")
                        .process(RunSteps::failed).id("run-failed")
                    .end()
                    .process(RunSteps::finish).id("run-finish")
                .end();

        phase("statics").process(RunSteps::statics).id("statics-figures");
        phase("triggers-off").process(RunSteps::triggersOff).id("triggers-off-tables");
        phase("users").process(RunSteps::users).id("users-tenants-users-links");
        phase("clean").process(RunSteps::clean).id("clean-steps");
        phase("bpt").process(RunSteps::bpt).id("bpt-maps");
        phase("data").process(RunSteps::data).id("data-tables");
        phase("refresh").process(RunSteps::refresh).id("refresh-tables");
        phase("deferred").process(RunSteps::deferred).id("deferred-tables");
        phase("resolve").process(RunSteps::resolve).id("resolve-dead-letters");
        phase("events").process(RunSteps::events).id("events-tables");
        phase("verify").process(RunSteps::verify).id("verify-tables");
    }

    private org.apache.camel.model.RouteDefinition phase(String name) {
        return from("direct:phase-" + name).routeId("phase-" + name).routeConfigurationId(PipelineHeaders.ROUTE_CONFIGURATION);
    }

    private static boolean has(org.apache.camel.Exchange e, Phase phase) {
        return e.getIn().getBody(RunInProgress.class).has(phase);
    }

    private static boolean replay(org.apache.camel.Exchange e) {
        return e.getIn().getBody(RunInProgress.class).isReplay();
    }

    private static boolean usersAfterClean(org.apache.camel.Exchange e) {
        return e.getIn().getBody(RunInProgress.class).usersAfterClean();
    }
}
