package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.testsupport.ChildRun;
import io.osmigrate.testsupport.LogCapture;

/**
 * Two route hosts, each a child JVM, sharing one configuration: one inbox, one data folder (so one embedded state
 * store) and one pair of environments. One is active and runs the jobs; the other stands by without holding the
 * state store. The active one is killed (SIGKILL) in the middle of a run: the standby takes over, settles the job
 * the dead host left in .inprogress/, and runs the next job to completion. Waits are for lines and files, with
 * generous limits; nothing asserts how long anything took.
 */
class StandbyTakeoverTest {

    private static final long WAIT_SECONDS = 90;

    @TempDir
    Path tmp;

    @Test
    void whenTheActiveHostDiesTheStandbyTakesOverAndRunsTheNextJob() throws Exception {
        // one row per batch: the run lasts long enough to be killed in its data phase
        HostFixture f = new HostFixture(tmp, 1000).with("osmigrate.batch-size = 1").with("osmigrate.cluster.heartbeat-seconds = 1");
        try (ChildRun first = host(f)) {
            assertThat(first.await(l -> l.contains("This host is now the active one"), WAIT_SECONDS, TimeUnit.SECONDS))
                    .as("the first host should become active; it printed:%n%s", first.output()).isNotNull();
            try (ChildRun second = host(f)) {
                assertThat(second.await(l -> l.contains("Standing by"), WAIT_SECONDS, TimeUnit.SECONDS))
                        .as("the second host should stand by; it printed:%n%s", second.output()).isNotNull();

                f.drop("cut.yaml", f.job("run"));
                assertThat(first.await(l -> l.contains("moving up to"), WAIT_SECONDS, TimeUnit.SECONDS))
                        .as("the active host should run the job (the standby holds no state store); it printed:%n%s",
                                first.output()).isNotNull();
                assertThat(second.output()).doesNotContain("Job cut.yaml").doesNotContain("now the active one");

                assertThat(first.stop(ChildRun.Signal.KILL)).as("killed mid-run").isTrue();

                assertThat(second.await(l -> l.contains("This host is now the active one"), WAIT_SECONDS, TimeUnit.SECONDS))
                        .as("the standby should take over; it printed:%n%s", second.output()).isNotNull();
                HostFixture.Result cut = f.awaitResult("cut.yaml");
                assertThat(cut.folder()).isEqualTo(OsmHost.FAILED);
                assertThat(cut.message()).contains("the host stopped while this job ran");

                f.drop("next.yaml", f.job("run"));
                HostFixture.Result next = f.awaitResult("next.yaml");
                assertThat(next.folder()).isEqualTo(OsmHost.DONE);
                // 0: every row accounted for, none twice (a duplicate would end the run UNACCOUNTED, exit code 5)
                assertThat(next.exitCode()).as(next.message()).isZero();
                assertThat(second.output()).contains("Job next.yaml");
                assertThat(second.output()).contains("takes test-source → test-destination over from run")
                        .as("the dead host's run lock was replaced at once, its process being gone");
            }
        }
    }

    /**
     * An active host that finds its lock gone (here its lock file is deleted; in life it was paused, or cut off
     * from the shared folder, for longer than three heartbeats) may have been replaced: it stops, says so, and
     * ends with false (the host command's exit code 4), taking no further job.
     */
    @Test
    void anActiveHostThatLosesItsLockStops() throws Exception {
        HostFixture f = new HostFixture(tmp, 300).with("osmigrate.cluster.heartbeat-seconds = 1");
        HostMain host = new HostMain(f.config);
        AtomicReference<Object> ended = new AtomicReference<>();
        Thread running = new Thread(() -> {
            try {
                ended.set(host.run());
            } catch (Exception e) {
                ended.set(e);
            }
        }, "host-under-test");
        try (LogCapture log = new LogCapture()) {
            running.start();
            HostFixture.await("the host to become active", () -> Optional.of(host.isActive()).filter(a -> a));
            f.drop("before.yaml", f.job("plan"));
            assertThat(f.awaitResult("before.yaml").folder()).isEqualTo(OsmHost.DONE);

            Files.delete(f.inbox.resolve(".cluster").resolve(ActiveHost.NAMESPACE));

            running.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            assertThat(running.isAlive()).as("the host should have stopped").isFalse();
            assertThat(ended.get()).as("run() says it lost the active role").isEqualTo(Boolean.FALSE);
            assertThat(log.text()).contains("lost the lock").contains("stopping");
        } finally {
            if (running.isAlive()) {
                host.stop();
            }
        }
        f.drop("after.yaml", f.job("plan"));
        Thread.sleep(3000); // a stopped host takes nothing: the file stays where it was dropped
        assertThat(f.inbox.resolve("after.yaml")).exists();
        assertThat(f.results("after.yaml")).isEmpty();
    }

    /** A cluster service declared in the configuration (a Kubernetes lease in life) replaces the file lock. */
    @Test
    void aClusterServiceDeclaredInTheConfigurationReplacesTheFileLock() throws Exception {
        Path elsewhere = tmp.resolve("declared-lock");
        HostFixture f = new HostFixture(tmp, 300)
                .with("camel.beans.declared = #class:org.apache.camel.component.file.cluster.FileLockClusterService")
                .with("camel.beans.declared.root = " + elsewhere.toAbsolutePath())
                .with("camel.beans.declared.acquireLockInterval = 1");
        HostMain host = new HostMain(f.config);
        try {
            host.start();
            HostFixture.await("the host to become active", () -> Optional.of(host.isActive()).filter(a -> a));
            f.drop("plan.yaml", f.job("plan"));
            assertThat(f.awaitResult("plan.yaml").folder()).isEqualTo(OsmHost.DONE);
            assertThat(elsewhere.resolve(ActiveHost.NAMESPACE)).as("the declared service's lock").exists();
            assertThat(f.inbox.resolve(".cluster").resolve(ActiveHost.NAMESPACE)).as("no file lock of the host's own").doesNotExist();
        } finally {
            host.stop();
        }
    }

    /** A host in a child JVM; each with a management server of its own, as two hosts on one machine need. */
    private static ChildRun host(HostFixture f) throws Exception {
        return ChildRun.start(f.root, List.of("-Dosmigrate.management.port=" + HostFixture.freePort()), "--config",
                f.config.toString(), "host");
    }
}
