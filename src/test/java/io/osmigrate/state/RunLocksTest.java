package io.osmigrate.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.osmigrate.config.ConfigException;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.testsupport.PostgresDatabases;

/**
 * One run at a time between two environments, on the embedded store and on PostgreSQL: a second run is refused
 * naming the holder; a holder that died is replaced at once (its process is gone from this machine) or when its
 * lease runs out (a holder elsewhere); a live holder's renewals keep it. Waits poll for a state, never a time.
 */
class RunLocksTest {

    @TempDir
    Path dir;

    private String pgUrl;

    @AfterEach
    void dropDatabase() {
        if (pgUrl != null) {
            PostgresDatabases.drop(pgUrl);
        }
    }

    private StateStore open(String engine) {
        if (engine.equals("postgresql")) {
            pgUrl = PostgresDatabases.create("runlock");
            return StateStore.open(pgUrl, PostgresDatabases.user(), PostgresDatabases.password(), 10_000);
        }
        return StateStore.open("jdbc:sqlite:" + dir.resolve("state/osmigrate.db"), "", "", 10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aSecondRunBetweenTheSameEnvironmentsIsRefusedNamingTheFirstUntilItEnds(String engine) {
        try (StateStore store = open(engine)) {
            RunLocks locks = store.runLocks();
            try (RunLock first = locks.acquire("prod", "qa", "run-1", "specs/prod-to-qa.yaml")) {
                assertThatThrownBy(() -> locks.acquire("prod", "qa", "run-2", "specs/other.yaml"))
                        .isInstanceOf(RunLockedException.class).isInstanceOf(ConfigException.class)
                        .hasMessageContaining("another run holds prod → qa: run run-1 of specs/prod-to-qa.yaml")
                        .hasMessageContaining("pid " + ProcessHandle.current().pid())
                        .hasMessageContaining("nothing was read or written");
                // other environments are not held
                locks.acquire("prod", "uat", "run-3", "specs/prod-to-uat.yaml").close();
                locks.acquire("uat", "qa", "run-4", "specs/uat-to-qa.yaml").close();
            }
            assertThat(locks.holder("prod", "qa")).as("given back when the run ends").isEmpty();
            try (RunLock second = locks.acquire("prod", "qa", "run-2", "specs/other.yaml")) {
                assertThat(locks.holder("prod", "qa")).get().extracting(RunLocks.Holding::runId).isEqualTo("run-2");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aHolderWhoseProcessIsGoneFromThisMachineIsReplacedAtOnce(String engine) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(30, TimeUnit.SECONDS);
        try (StateStore store = open(engine)) {
            RunLocks locks = store.runLocks();
            // its process "dies": the row stays, naming a process that is gone (the lock object is closed only at the
            // end, so that its renewer does not outlive the test)
            RunLock killed = locks.acquire("prod", "qa", "killed-run", "specs/a.yaml");
            setHolder(store, "killed-run", gone.pid());

            try (RunLock next = locks.acquire("prod", "qa", "next-run", "specs/a.yaml")) {
                assertThat(locks.holder("prod", "qa")).get().extracting(RunLocks.Holding::runId).isEqualTo("next-run");
            } finally {
                killed.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aHolderElsewhereIsReplacedOnlyOnceItsLeaseRunsOut(String engine) {
        try (StateStore store = open(engine)) {
            // a holder on another machine that stopped renewing: a short lease and no renewal in the test's time
            RunLocks elsewhere = new RunLocks(store.dataSource(), store.engine(), () -> { }, Duration.ofSeconds(2), Duration.ofHours(1));
            RunLock lost = elsewhere.acquire("prod", "qa", "lost-run", "specs/a.yaml");
            setHolderHost(store, "lost-run", "another-machine");
            assertThatThrownBy(() -> store.runLocks().acquire("prod", "qa", "next-run", "specs/a.yaml"))
                    .isInstanceOf(RunLockedException.class).hasMessageContaining("run lost-run").hasMessageContaining("another-machine")
                    .hasMessageContaining("its hold lapses at");

            RunLock next = awaitAcquired(store.runLocks(), "next-run");
            next.close();
            lost.close(); // its renewer only; the row is next-run's business by now
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aLiveHolderRenewsItsLeaseAndKeepsTheEnvironments(String engine) throws Exception {
        try (StateStore store = open(engine)) {
            RunLocks renewing = new RunLocks(store.dataSource(), store.engine(), () -> { }, Duration.ofMillis(1500), Duration.ofMillis(200));
            try (RunLock held = renewing.acquire("prod", "qa", "live-run", "specs/a.yaml")) {
                setHolderHost(store, "live-run", "another-machine");
                long firstLease = renewing.holder("prod", "qa").orElseThrow().leaseUntil().toEpochMilli();
                // renewed past its first lease: a holder that renews is never replaced
                awaitLeaseBeyond(renewing, firstLease + 1500);
                assertThatThrownBy(() -> store.runLocks().acquire("prod", "qa", "next-run", "specs/a.yaml"))
                        .isInstanceOf(RunLockedException.class).hasMessageContaining("run live-run");
                assertThat(held.lost()).isFalse();
            }
        }
    }

    /**
     * A host keeps its state store open between runs; another process (a host that took over, a run from the command
     * line) may move rows between the same environments meanwhile. Taking the environments forgets what this process
     * remembered of their key map, so it cannot take those rows for unpaired and insert them again.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void takingTheEnvironmentsForgetsTheKeyMapThisProcessRemembers(String engine) {
        EntityRef order = new EntityRef("Shop", "Order", "e1", "o1");
        try (StateStore here = open(engine);
             StateStore elsewhere = engine.equals("postgresql")
                     ? StateStore.open(pgUrl, PostgresDatabases.user(), PostgresDatabases.password(), 10_000)
                     : StateStore.open("jdbc:sqlite:" + dir.resolve("state/osmigrate.db"), "", "", 10_000)) {
            int scope = here.keyMap().scope("prod", "qa", order, MapKind.MOVED);
            here.runLocks().acquire("prod", "qa", "first", "specs/a.yaml").close();
            assertThat(here.keyMap().lookup(scope, 7L)).as("nothing moved yet; the index is now remembered").isNull();

            PairBlock moved = PairBlock.of(List.of(new PairBlock.Pair(7L, 1007L, PairBlock.Kind.INSERTED)));
            elsewhere.runLocks().acquire("prod", "qa", "other", "specs/a.yaml").close();
            elsewhere.keyMap().commit(elsewhere.keyMap().prepare(scope, "other", moved, "T", "ID"), scope, moved);

            here.runLocks().acquire("prod", "qa", "third", "specs/a.yaml").close();
            assertThat(here.keyMap().lookup(scope, 7L)).as("the pair the other process wrote").isEqualTo(1007L);
        }
    }

    private static RunLock awaitAcquired(RunLocks locks, String runId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return locks.acquire("prod", "qa", runId, "specs/a.yaml");
            } catch (RunLockedException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep();
            }
        }
    }

    private static void awaitLeaseBeyond(RunLocks locks, long millis) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<RunLocks.Holding> h = locks.holder("prod", "qa");
            if (h.isPresent() && h.get().leaseUntil().toEpochMilli() > millis) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the holder's lease was not renewed past " + millis);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void setHolder(StateStore store, String runId, long pid) throws Exception {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE OSM_RUN_LOCK SET HOLDER_PID = ? WHERE RUN_ID = ?")) {
            ps.setLong(1, pid);
            ps.setString(2, runId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static void setHolderHost(StateStore store, String runId, String host) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE OSM_RUN_LOCK SET HOLDER_HOST = ? WHERE RUN_ID = ?")) {
            ps.setString(1, host);
            ps.setString(2, runId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
