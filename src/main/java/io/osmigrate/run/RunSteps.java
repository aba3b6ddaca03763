package io.osmigrate.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.Plans;
import io.osmigrate.config.ConfigException;
import io.osmigrate.env.Environment;
import io.osmigrate.env.Side;
import io.osmigrate.events.EventsPhase;
import io.osmigrate.events.TriggersOffPhase;
import io.osmigrate.maps.StaticMap;
import io.osmigrate.maps.TenantMap;
import io.osmigrate.maps.UserMap;
import io.osmigrate.phases.BptPhase;
import io.osmigrate.phases.CleanPhase;
import io.osmigrate.phases.DataPhase;
import io.osmigrate.phases.DeferredPhase;
import io.osmigrate.phases.ReconcilePhase;
import io.osmigrate.phases.RefreshPhase;
import io.osmigrate.phases.Replay;
import io.osmigrate.phases.VerifyPhase;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.pipeline.Progress;
import io.osmigrate.pipeline.Recovery;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.pipeline.RunStoppedException;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlanJson;
import io.osmigrate.plan.StaticPlan;
import io.osmigrate.state.EntityFigures;
import io.osmigrate.state.RunState;
import io.osmigrate.state.StateStore;
import io.osmigrate.users.UserTable;
import io.osmigrate.users.UsernameMatcher;
import io.osmigrate.users.UsersPhase;
import io.osmigrate.text.Json;

/**
 * The steps of the run route and of its phase routes (see {@link RunRoutes}), each working on the
 * {@link RunInProgress} in the message body. Stateless.
 */
final class RunSteps {

    private static final Logger LOG = LoggerFactory.getLogger(RunSteps.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = Json.FILES;

    private RunSteps() {
    }

    private static RunInProgress run(Exchange exchange) {
        return exchange.getIn().getBody(RunInProgress.class);
    }

    /** Makes the plan (reading both environments, writing nothing); a blocked plan ends the run here. */
    static void plan(Exchange exchange) {
        RunInProgress r = run(exchange);
        r.planned = Plans.prepare(r.runtime, r.spec, r.has(Phase.CLEAN));
        Plan plan = r.planned.plan();
        if (!plan.runnable()) {
            r.report = new RunReport(null, r.spec.name(), r.spec.source(), r.spec.destination(), "BLOCKED",
                    ExitCode.PLAN_BLOCKED.code(), r.started, Instant.now(), r.phaseNames(), List.of(), List.of(), 0,
                    "the plan has blocking errors; nothing was written: " + String.join("; ",
                            plan.errors().stream().map(f -> f.message()).toList()), null);
        } else if (r.isReplay()) {
            r.replay = Replay.select(r.runtime.state().deadLetters(), plan, r.replayOf, r.replayEntity);
        }
    }

    static boolean runnable(Exchange exchange) {
        return run(exchange).report == null;
    }

    /**
     * Takes the two environments for this run (one run between them at a time, in any process: before recovery,
     * which would settle another live run's batches as if it had died), settles what an interrupted run left,
     * refuses to move data past an unfinished clean, records the run's start, and prepares what every phase
     * shares: the maps, the destination's row counts.
     */
    static void start(Exchange exchange) throws Exception {
        RunInProgress r = run(exchange);
        Environment source = r.runtime.environment(r.spec, Side.SOURCE);
        Environment destination = r.runtime.environment(r.spec, Side.DESTINATION);
        StateStore state = r.runtime.state();
        r.lock = state.runLocks().acquire(source.name(), destination.name(),
                RUN_ID.format(r.started) + "-" + UUID.randomUUID().toString().substring(0, 8), r.spec.file().toString());
        r.runId = r.lock.runId();
        r.runtime.board().runId(r.runId);
        Recovery.settle(state, destination, source.name());
        Optional<String> pendingClean = state.runs().pendingClean(source.name(), destination.name());
        if (!r.has(Phase.CLEAN) && pendingClean.isPresent()) {
            throw new ConfigException("the clean phase of run " + pendingClean.get() + " from " + source.name() + " to "
                    + destination.name() + " did not finish, so rows of the scope may remain without their key-map pairs;"
                    + " run again with --fresh (or with clean: true in the spec) to finish it");
        }
        state.savedEvents().triggersOff(destination.name()).filter(saver -> !r.has(Phase.EVENTS)).ifPresent(saver ->
                LOG.warn("The BPT subscriptions of {} that run {} saved are not back yet, and this run has no events phase:"
                        + " a run with it puts them back", destination.name(), saver));
        state.runs().start(r.runId, r.spec.file().toString(), source.name(), destination.name(), String.join(",", r.phaseNames()));
        Plan plan = r.planned.plan();
        PlanJson.write(plan, runDir(r).resolve("plan.json"));
        StaticMap statics = new StaticMap(plan.statics(), r.planned.source().metamodel(), r.planned.destination().metamodel());
        TenantMap tenants = new TenantMap(r.planned.source().metamodel(), r.planned.destination().metamodel());
        UserMap users = r.has(Phase.USERS) ? new UserMap()
                : UsernameMatcher.match(UserTable.read(source), UserTable.read(destination), tenants);
        r.context = new RunContext(r.runId, plan, r.spec, r.runtime.settings(), source, destination, state,
                exchange.getContext().createProducerTemplate(), statics, tenants, users, r.runtime.stopSignal(),
                r.runtime.meters());
        r.countsAtStart = VerifyPhase.destinationCounts(r.context);
        r.progress = new Progress(r.runtime.settings().progressInterval(), Progress.onTerminal(), r.runtime.board());
    }

    /** The statics phase maps records by SS_Key and writes nothing: its figures are the plan's matching. */
    static void statics(Exchange exchange) {
        RunInProgress r = run(exchange);
        r.runtime.board().phase(Phase.STATICS);
        Instant now = Instant.now();
        for (StaticPlan st : r.planned.plan().statics()) {
            r.figures.add(new EntityFigures(st.entity().qualifiedName(), Phase.STATICS.wire(), "done",
                    st.matched() + st.unmatched().size(), 0, st.matched(), 0, 0, 0, 0, 0, now, now));
        }
    }

    /** Saves and deletes the destination's BPT subscriptions, so nothing the run writes starts a process. */
    static void triggersOff(Exchange exchange) throws Exception {
        RunInProgress r = run(exchange);
        r.runtime.board().phase(Phase.TRIGGERS_OFF);
        r.context.stop().check("the triggers-off phase");
        TriggersOffPhase.run(r.context, r.subscriptions::add);
    }

    static void users(Exchange exchange) throws Exception {
        RunInProgress r = run(exchange);
        r.runtime.board().phase(Phase.USERS);
        r.context.stop().check("the users phase");
        UsersPhase.Outcome users = UsersPhase.run(r.context.destination(), r.planned.destination().metamodel(),
                r.planned.users(), r.context.tenants());
        r.context.users(users.users());
        r.users.addAll(users.figures());
    }

    /** Maps BPT definitions, statuses and groups (writes nothing); the instance tables then move with the data. */
    static void bpt(Exchange exchange) throws Exception {
        RunInProgress r = run(exchange);
        r.context.stop().check("the bpt phase");
        r.figures.addAll(BptPhase.run(r.context, r.planned.bpt().source(), r.planned.bpt().destination()));
    }

    static void clean(Exchange exchange) throws Exception {
        RunInProgress r = run(exchange);
        r.runtime.board().phase(Phase.CLEAN);
        CleanPhase.run(r.context).forEach(s -> r.figures.add(s.figures()));
    }

    static void data(Exchange exchange) throws Exception {
        RunInProgress r = run(exchange);
        r.runtime.board().phase(Phase.DATA);
        if (r.replay != null) {
            r.replay.holdBack(r.context);
        }
        DataPhase.run(r.context, exchange.getContext(), r.progress, s -> r.figures.add(s.figures()), r.rows());
    }

    /** Brings the rows moved before up to date with their source, where asked (--refresh, or update-existing). */
    static void refresh(Exchange exchange) throws Exception {
        RunInProgress r = run(exchange);
        RefreshPhase.run(r.context, exchange.getContext(), r.progress, s -> r.figures.add(s.figures()), r.refresh);
    }

    static void deferred(Exchange exchange) throws Exception {
        RunInProgress r = run(exchange);
        r.runtime.board().phase(Phase.DEFERRED);
        DeferredPhase.run(r.context, exchange.getContext(), r.progress, s -> r.figures.add(s.figures()), r.rows(), r.refresh);
    }

    /** A replay's last data step: the dead letters whose rows it moved are marked resolved by it. */
    static void resolve(Exchange exchange) {
        RunInProgress r = run(exchange);
        r.replayed = r.replay.resolve(r.context);
    }

    /** Puts the saved subscriptions back where what they subscribe for still exists. */
    static void events(Exchange exchange) throws Exception {
        RunInProgress r = run(exchange);
        r.runtime.board().phase(Phase.EVENTS);
        r.context.stop().check("the events phase");
        EventsPhase.run(r.context, r.planned.source().metamodel(), r.planned.destination().metamodel(), r.subscriptions::add,
                r.notRestored::add);
    }

    /** Counts, growth and orphans first (a few statements per table), then the comparison by value (a table route each). */
    static void verify(Exchange exchange) throws Exception {
        RunInProgress r = run(exchange);
        r.runtime.board().phase(Phase.VERIFY);
        r.verify.addAll(VerifyPhase.run(r.context, r.countsAtStart, r.figures));
        ReconcilePhase.run(r.context, exchange.getContext(), r.progress, r.sample, r.reconciliation::add,
                s -> r.figures.add(s.figures()));
    }

    /** The run stopped on request after the batches in flight (SIGTERM, a host stopping). */
    static void stopped(Exchange exchange) {
        RunInProgress r = run(exchange);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warn("Run {} {}", r.runId, e.getMessage());
        r.state = RunState.STOPPED;
        r.message = e.getMessage() + "." + subscriptionsSaved(r);
    }

    static void failed(Exchange exchange) {
        RunInProgress r = run(exchange);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("Run {} aborted: {}", r.runId, e.getMessage());
        LOG.debug("Run {} aborted", r.runId, e);
        r.state = RunState.FAILED;
        r.message = "aborted: " + e.getMessage() + ". Fix the cause and run again: the run resumes where it stopped."
                + subscriptionsSaved(r);
    }

    /** Tells a run that ends early that its destination's triggers are still off, and what puts them back. */
    private static String subscriptionsSaved(RunInProgress r) {
        return r.context != null && r.runtime.state().savedEvents().triggersOff(r.context.destination().name()).isPresent()
                ? " The destination's BPT subscriptions are saved in the state store; the events phase of the next run"
                        + " puts them back."
                : "";
    }

    /** Decides the run's state from what happened, records it, and writes the report. */
    static void finish(Exchange exchange) throws IOException {
        RunInProgress r = run(exchange);
        if (r.progress != null) {
            r.progress.close();
        }
        StateStore state = r.runtime.state();
        long deadLetters = state.deadLetters().count(r.runId);
        if (r.state == null) {
            r.state = deadLetters > 0 ? RunState.DEAD_LETTERS : RunState.SUCCEEDED;
        }
        List<VerifyPhase.Check> unaccounted = r.verify.stream().filter(VerifyPhase.Check::unaccounted).toList();
        if (!unaccounted.isEmpty() && (r.state == RunState.SUCCEEDED || r.state == RunState.DEAD_LETTERS)) {
            r.state = RunState.UNACCOUNTED;
            r.message = "verification: " + String.join("; ", unaccounted.stream().map(RunSteps::unaccounted).toList())
                    + ". Rows that no key-map pair of this run accounts for were written to (or removed from) the"
                    + " destination during the run: another writer, or a key map that does not match this destination";
            LOG.error("Run {}: {}", r.runId, r.message);
        }
        if (r.isReplay()) {
            r.message = replayNote(r) + (r.message == null ? "" : ". " + r.message);
        }
        int exit = switch (r.state) {
            case SUCCEEDED -> ExitCode.OK.code();
            case DEAD_LETTERS -> ExitCode.DEAD_LETTERS.code();
            case UNACCOUNTED -> ExitCode.UNACCOUNTED.code();
            default -> ExitCode.FAULT.code();
        };
        state.runs().finish(r.runId, r.state, exit, r.message);
        r.runtime.board().end(r.state.name());
        r.figures.forEach(f -> state.runs().record(r.runId, f));
        RunReport report = new RunReport(r.runId, r.spec.name(), r.context.source().name(), r.context.destination().name(),
                r.state.name(), exit, r.started, Instant.now(), r.phaseNames(), r.figures, r.verify, deadLetters, r.message, null,
                r.users, r.subscriptions, r.notRestored, r.reconciliation);
        Path file = runDir(r).resolve("report.json");
        r.report = report.withReportFile(file.toString());
        JSON.writeValue(file.toFile(), r.report);
    }

    private static String replayNote(RunInProgress r) {
        String what = "replay of run " + r.replayOf + (r.replayEntity == null ? "" : " (" + r.replayEntity
                + " and the rows dead-lettered because of them)");
        if (r.replayed == null) {
            return what + ": " + r.replay.letters().size() + " open dead letters taken; none was marked resolved, since the"
                    + " replay did not finish";
        }
        return String.format(Locale.ROOT, "%s: %d open dead letters replayed, %d resolved by this run, %d still open", what,
                r.replayed.replayed(), r.replayed.resolved(), r.replayed.open());
    }

    private static String unaccounted(VerifyPhase.Check c) {
        return String.format(Locale.ROOT, "%s grew by %,d rows during this run, but this run wrote %,d", c.entity(),
                c.growth(), c.expectedGrowth());
    }

    private static Path runDir(RunInProgress r) throws IOException {
        return Files.createDirectories(r.runtime.settings().dataDir().resolve("runs").resolve(r.runId));
    }
}
