package io.osmigrate.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.app.Plans;
import io.osmigrate.events.SubscriptionFigures;
import io.osmigrate.events.UnrestoredEvent;
import io.osmigrate.phases.Replay;
import io.osmigrate.phases.RowSelection;
import io.osmigrate.phases.VerifyPhase;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.pipeline.Progress;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.pipeline.ValueCheck;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.state.EntityFigures;
import io.osmigrate.state.RunLock;
import io.osmigrate.state.RunState;
import io.osmigrate.users.UsersFigures;

/**
 * One run on its way through the run route: what was asked, what was planned, and what the phases
 * produce, collected as they go so that a run that stops halfway still reports what it did. The run
 * route's message body; its steps run one after another on one thread.
 */
final class RunInProgress {

    final OsmRuntime runtime;
    final MigrationSpec spec;
    final Set<Phase> phases;
    final Instant started = Instant.now();
    final List<EntityFigures> figures = new ArrayList<>();
    final List<VerifyPhase.Check> verify = new ArrayList<>();
    final List<ValueCheck> reconciliation = new ArrayList<>();
    final List<UsersFigures> users = new ArrayList<>();
    final List<SubscriptionFigures> subscriptions = new ArrayList<>();
    final List<UnrestoredEvent> notRestored = new ArrayList<>();
    Plans.Planned planned;
    RunLock lock;
    String runId;
    RunContext context;
    Progress progress;
    Map<String, Long> countsAtStart;
    RunState state;
    String message;
    RunReport report;
    /** Whether the rows moved by earlier runs are brought up to date (--refresh, refresh: changed). */
    boolean refresh;
    /** The most rows the verify phase compares by value per table (--sample); null: every paired row. */
    Integer sample;
    /** A replay's: the run whose dead letters it moves again, and the entity it is limited to (null: all of them). */
    String replayOf;
    String replayEntity;
    Replay replay;
    Replay.Outcome replayed;

    RunInProgress(OsmRuntime runtime, MigrationSpec spec, Set<Phase> phases) {
        this.runtime = runtime;
        this.spec = spec;
        this.phases = phases;
    }

    boolean has(Phase phase) {
        return phases.contains(phase);
    }

    /** Recreating users deletes users, so it waits until the clean has removed the in-scope rows that reference them. */
    boolean usersAfterClean() {
        return planned.users().recreates();
    }

    /** Gives the environments back, however the run ended. */
    void release() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    boolean isReplay() {
        return replayOf != null;
    }

    /** The source rows the data and deferred phases move: every row, or a replay's. */
    RowSelection rows() {
        return replay == null ? RowSelection.all() : replay.rows();
    }

    List<String> phaseNames() {
        return phases.stream().map(Phase::wire).toList();
    }
}
