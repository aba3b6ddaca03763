package io.osmigrate.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.OsmRuntime;
import io.osmigrate.pipeline.StopSignal;

/**
 * SIGTERM (or Ctrl-C) while a command runs a migration: instead of the process ending wherever it is,
 * the run is asked to stop after the batches it has in flight ({@link StopSignal}), the shutdown waits
 * up to {@code camel.main.shutdown-timeout} for the command to print its report, and the process ends
 * with the command's exit code (4 for a stopped run). A run that does not stop in time is left to the
 * crash-safe protocol, as after kill -9: the next run resumes where it stopped. Installed for the
 * duration of one command; not shared between threads beyond the shutdown hook's hand-over.
 */
final class SigtermStop implements AutoCloseable {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Thread hook = new Thread(this::onShutdown, "osm-sigterm");
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile StopSignal signal;
    private volatile Duration timeout = DEFAULT_TIMEOUT;
    private volatile int exitCode = ExitCode.FAULT.code();

    private SigtermStop() {
    }

    static SigtermStop install() {
        SigtermStop stop = new SigtermStop();
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** The runtime whose runs a SIGTERM stops, and how long to wait for them (its camel.main.shutdown-timeout). */
    void watch(OsmRuntime runtime) {
        timeout = runtime.camel().getPropertiesComponent().resolveProperty("camel.main.shutdown-timeout")
                .map(s -> Duration.ofSeconds(Long.parseLong(s.trim()))).orElse(DEFAULT_TIMEOUT);
        signal = runtime.stopSignal();
    }

    /** The command has ended (its report printed, its runtime closed) with this exit code. */
    void finished(int code) {
        exitCode = code;
        finished.countDown();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook ends the process with the exit code
        }
    }

    private void onShutdown() {
        StopSignal s = signal;
        if (s == null) {
            return; // nothing has started yet that a stop would protect
        }
        s.request("SIGTERM");
        System.err.println("osmigrate: SIGTERM: stopping after the batches in flight (waiting up to " + timeout.toSeconds()
                + " s, camel.main.shutdown-timeout)");
        boolean ended;
        try {
            ended = finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            ended = false;
        }
        if (!ended) {
            System.err.println("osmigrate: the run did not stop within " + timeout.toSeconds() + " s; ending now, as a crash"
                    + " would: the next run resumes safely where it stopped");
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(ended ? exitCode : ExitCode.FAULT.code());
    }
}
