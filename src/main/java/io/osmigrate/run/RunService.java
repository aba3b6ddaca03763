package io.osmigrate.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.OsmRuntime;
import io.osmigrate.app.Plans;
import io.osmigrate.config.ConfigException;
import io.osmigrate.env.Environment;
import io.osmigrate.env.Side;
import io.osmigrate.events.EventsPhase;
import io.osmigrate.events.SubscriptionFigures;
import io.osmigrate.events.TriggersOffPhase;
import io.osmigrate.events.UnrestoredEvent;
import io.osmigrate.pipeline.CleanPhase;
import io.osmigrate.pipeline.DataPhase;
import io.osmigrate.pipeline.Progress;
import io.osmigrate.pipeline.Recovery;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.pipeline.RunStoppedException;
import io.osmigrate.pipeline.StaticMap;
import io.osmigrate.pipeline.TenantMap;
import io.osmigrate.pipeline.VerifyPhase;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlanJson;
import io.osmigrate.plan.StaticPlan;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.state.EntityFigures;
import io.osmigrate.state.RunState;
import io.osmigrate.state.StateStore;
import io.osmigrate.users.UserMap;
import io.osmigrate.users.UserTable;
import io.osmigrate.users.UsernameMatcher;
import io.osmigrate.users.UsersFigures;
import io.osmigrate.users.UsersPhase;

/**
 * One run of a spec: plan, recover what an interrupted run left, then the phases in order, recorded
 * in the run history with a state; the report is printed by the caller and written under
 * {@code <data-dir>/runs/<run id>/}. The same service serves the command line, job files and
 * schedules. One run at a time per runtime.
 *
 * <p>Phase order: triggers-off (before anything is written), users (before the clean, or just after it when
 * users.strategy is recreate, since recreating deletes users that in-scope rows may reference), clean, data,
 * events, verify. Without the users phase the user map is a plain lookup by tenant and username.
 */
public final class RunService {

    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private RunService() {
    }

    public static synchronized RunReport run(OsmRuntime runtime, MigrationSpec spec, RunOptions options) throws Exception {
        Set<Phase> phases = options.effective(spec);
        Instant started = Instant.now();
        Plans.Planned planned = Plans.prepare(runtime, spec, phases.contains(Phase.CLEAN));
        Plan plan = planned.plan();
        List<String> phaseNames = phases.stream().map(Phase::wire).toList();
        if (!plan.runnable()) {
            return new RunReport(null, spec.name(), spec.source(), spec.destination(), "BLOCKED", ExitCode.PLAN_BLOCKED.code(),
                    started, Instant.now(), phaseNames, List.of(), List.of(), 0,
                    "the plan has blocking errors; nothing was written: " + String.join("; ",
                            plan.errors().stream().map(f -> f.message()).toList()), null);
        }
        Environment source = runtime.environment(spec, Side.SOURCE);
        Environment destination = runtime.environment(spec, Side.DESTINATION);
        StateStore state = runtime.state();
        Recovery.settle(state, destination, source.name());
        Optional<String> pendingClean = state.runs().pendingClean(source.name(), destination.name());
        if (!phases.contains(Phase.CLEAN) && pendingClean.isPresent()) {
            throw new ConfigException("the clean phase of run " + pendingClean.get() + " from " + source.name() + " to "
                    + destination.name() + " did not finish, so rows of the scope may remain without their key-map pairs;"
                    + " run again with --fresh (or with clean: true in the spec) to finish it");
        }
        String runId = RUN_ID.format(started) + "-" + UUID.randomUUID().toString().substring(0, 8);
        state.savedEvents().triggersOff(destination.name()).filter(r -> !phases.contains(Phase.EVENTS)).ifPresent(r ->
                LOG.warn("The BPT subscriptions of {} that run {} saved are not back yet, and this run has no events phase:"
                        + " a run with it puts them back", destination.name(), r));
        state.runs().start(runId, spec.file().toString(), source.name(), destination.name(), String.join(",", phaseNames));
        Outcome outcome = new Outcome();
        try {
            execute(runtime, runId, spec, phases, planned, outcome);
            outcome.state = outcome.figures.stream().anyMatch(f -> f.deadLettered() > 0) ? RunState.DEAD_LETTERS : RunState.SUCCEEDED;
        } catch (RunStoppedException e) {
            LOG.warn("Run {} {}", runId, e.getMessage());
            outcome.state = RunState.STOPPED;
            outcome.message = e.getMessage() + ".";
        } catch (Exception e) {
            LOG.error("Run {} aborted: {}", runId, e.getMessage());
            LOG.debug("Run {} aborted", runId, e);
            outcome.state = RunState.FAILED;
            outcome.message = "aborted: " + e.getMessage() + ". Fix the cause and run again: the run resumes where it stopped.";
        }
        if (outcome.state == RunState.STOPPED || outcome.state == RunState.FAILED) {
            state.savedEvents().triggersOff(destination.name()).ifPresent(r -> outcome.message += " The destination's BPT"
                    + " subscriptions are saved in the state store; the events phase of the next run puts them back.");
        }
        long deadLetters = state.deadLetters().count(runId);
        if (outcome.state == RunState.SUCCEEDED && deadLetters > 0) {
            outcome.state = RunState.DEAD_LETTERS;
        }
        List<VerifyPhase.Check> unaccounted = outcome.verify.stream().filter(VerifyPhase.Check::unaccounted).toList();
        if (!unaccounted.isEmpty() && (outcome.state == RunState.SUCCEEDED || outcome.state == RunState.DEAD_LETTERS)) {
            outcome.state = RunState.UNACCOUNTED;
            outcome.message = "verification: " + String.join("; ", unaccounted.stream().map(RunService::unaccounted).toList())
                    + ". Rows that no key-map pair of this run accounts for were written to (or removed from) the"
                    + " destination during the run: another writer, or a key map that does not match this destination";
            LOG.error("Run {}: {}", runId, outcome.message);
        }
        state.runs().finish(runId, outcome.state, outcome.message);
        outcome.figures.forEach(f -> state.runs().record(runId, f));
        int exit = switch (outcome.state) {
            case SUCCEEDED -> ExitCode.OK.code();
            case DEAD_LETTERS -> ExitCode.DEAD_LETTERS.code();
            case UNACCOUNTED -> ExitCode.UNACCOUNTED.code();
            default -> ExitCode.FAULT.code();
        };
        RunReport report = new RunReport(runId, spec.name(), source.name(), destination.name(), outcome.state.name(), exit, started,
                Instant.now(), phaseNames, outcome.figures, outcome.verify, deadLetters, outcome.message, null, outcome.users,
                outcome.subscriptions, outcome.notRestored);
        return writeReport(runtime, report);
    }

    /** What the phases produce, collected as they go, so a run that fails halfway still reports what it did. */
    private static final class Outcome {
        final List<EntityFigures> figures = new ArrayList<>();
        final List<VerifyPhase.Check> verify = new ArrayList<>();
        final List<UsersFigures> users = new ArrayList<>();
        final List<SubscriptionFigures> subscriptions = new ArrayList<>();
        final List<UnrestoredEvent> notRestored = new ArrayList<>();
        RunState state;
        String message;
    }

    /** The phases, in order: statics, triggers-off, users, clean, (users when recreating), data, events, verify. */
    private static void execute(OsmRuntime runtime, String runId, MigrationSpec spec, Set<Phase> phases, Plans.Planned planned,
                                Outcome outcome) throws Exception {
        Plan plan = planned.plan();
        Environment source = runtime.environment(spec, Side.SOURCE);
        Environment destination = runtime.environment(spec, Side.DESTINATION);
        writePlan(runtime, runId, plan);
        CamelContext camel = runtime.pipeline();
        StaticMap statics = new StaticMap(plan.statics(), planned.source().metamodel(), planned.destination().metamodel());
        TenantMap tenants = new TenantMap(planned.source().metamodel(), planned.destination().metamodel());
        boolean usersPhase = phases.contains(Phase.USERS);
        RunContext run = new RunContext(runId, plan, spec, runtime.settings(), source, destination, runtime.state(),
                camel.createProducerTemplate(), statics, tenants, usersPhase ? new UserMap()
                : UsernameMatcher.match(UserTable.read(source), UserTable.read(destination), tenants), runtime.stopSignal());
        Map<String, Long> countsAtStart = VerifyPhase.destinationCounts(run);
        if (phases.contains(Phase.STATICS)) {
            plan.statics().forEach(st -> outcome.figures.add(staticsFigures(st)));
        }
        try (Progress progress = new Progress(runtime.settings().progressInterval(), Progress.onTerminal())) {
            // recreate deletes users, so it waits until the clean has removed the in-scope rows that reference them
            boolean usersAfterClean = planned.users().recreates();
            if (phases.contains(Phase.TRIGGERS_OFF)) {
                TriggersOffPhase.run(run, outcome.subscriptions::add);
            }
            if (usersPhase && !usersAfterClean) {
                run.stop().check("the users phase");
                runUsers(run, planned, outcome.users);
            }
            if (phases.contains(Phase.CLEAN)) {
                CleanPhase.run(run).forEach(s -> outcome.figures.add(s.figures()));
            }
            if (usersPhase && usersAfterClean) {
                run.stop().check("the users phase");
                runUsers(run, planned, outcome.users);
            }
            if (phases.contains(Phase.DATA)) {
                DataPhase.run(run, camel, progress, s -> outcome.figures.add(s.figures()));
            }
            if (phases.contains(Phase.EVENTS)) {
                run.stop().check("the events phase");
                EventsPhase.run(run, outcome.subscriptions::add, outcome.notRestored::add);
            }
            if (phases.contains(Phase.VERIFY)) {
                outcome.verify.addAll(VerifyPhase.run(run, countsAtStart, outcome.figures));
            }
        }
    }

    private static String unaccounted(VerifyPhase.Check c) {
        return String.format(java.util.Locale.ROOT, "%s grew by %,d rows during this run, but this run wrote %,d", c.entity(),
                c.growth(), c.expectedGrowth());
    }

    /** The statics phase maps records by SS_Key and writes nothing: its figures are the plan's matching. */
    private static EntityFigures staticsFigures(StaticPlan st) {
        Instant now = Instant.now();
        return new EntityFigures(st.entity().qualifiedName(), "statics", "done", st.matched() + st.unmatched().size(), 0,
                st.matched(), 0, 0, 0, 0, 0, now, now);
    }

    private static void runUsers(RunContext run, Plans.Planned planned, List<UsersFigures> figures) throws Exception {
        UsersPhase.Outcome users = UsersPhase.run(run.destination(), planned.destination().metamodel(), planned.users(),
                run.tenants());
        run.users(users.users());
        figures.addAll(users.figures());
    }

    private static void writePlan(OsmRuntime runtime, String runId, Plan plan) throws IOException {
        PlanJson.write(plan, runDir(runtime, runId).resolve("plan.json"));
    }

    private static RunReport writeReport(OsmRuntime runtime, RunReport report) throws IOException {
        Path file = runDir(runtime, report.runId()).resolve("report.json");
        RunReport withFile = report.withReportFile(file.toString());
        JSON.writeValue(file.toFile(), withFile);
        return withFile;
    }

    private static Path runDir(OsmRuntime runtime, String runId) throws IOException {
        return Files.createDirectories(runtime.settings().dataDir().resolve("runs").resolve(runId));
    }
}
