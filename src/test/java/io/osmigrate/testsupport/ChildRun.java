package io.osmigrate.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real command line in a child JVM, for tests that interrupt it: its stdout and stderr are read
 * line by line (and kept in a log file), so a test can wait for a line, then stop the child with
 * SIGKILL or SIGTERM and learn whether the signal found it still running.
 */
public final class ChildRun implements AutoCloseable {

    /** How a child is stopped. */
    public enum Signal {
        /** kill -9: no shutdown hook, no finally block. */
        KILL,
        /** kill -15: the JVM runs its shutdown hooks. */
        TERM
    }

    private final Process process;
    private final Path log;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread pump;

    private ChildRun(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.pump = new Thread(this::pump, "child-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code java <jvmOptions> -cp <this classpath> io.osmigrate.cli.OsMigrate <arguments>}, its output
     * (stdout and stderr merged) copied to a new log file under {@code dir}.
     */
    public static ChildRun start(Path dir, List<String> jvmOptions, String... arguments) throws IOException {
        return startMain(dir, jvmOptions, "io.osmigrate.cli.OsMigrate", arguments);
    }

    /** Starts {@code java <jvmOptions> -cp <this classpath> <mainClass> <arguments>} the same way. */
    public static ChildRun startMain(Path dir, List<String> jvmOptions, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(dir, "child", ".log");
        return new ChildRun(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
    }

    private void pump() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND);
                lines.add(line);
            }
        } catch (IOException e) {
            // the child is gone; what it printed is in the log
        }
    }

    /**
     * Waits for the first line that matches, for at most the timeout; returns it, or null when the child ended
     * or the time ran out first.
     */
    public String await(Predicate<String> match, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (match.test(line)) {
                    return line;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                return null;
            }
        }
        return null;
    }

    /**
     * Sends the signal and waits for the child to end; returns true when the signal found it running (it
     * interrupted the run), false when the child had already ended on its own.
     */
    public boolean stop(Signal signal) throws InterruptedException {
        if (!process.isAlive()) {
            return false;
        }
        // through the handle: Process.destroy() would also close the pipes, and what the child prints while it
        // stops (a SIGTERM's whole point) would be lost
        if (signal == Signal.KILL) {
            process.toHandle().destroyForcibly();
        } else {
            process.toHandle().destroy();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not end within 60 s of SIG" + signal + "; its output: " + log);
        }
        pump.join(10_000);
        return true;
    }

    /** Waits for the child to end by itself; returns its exit code. */
    public int waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not end within " + timeout + " " + unit + "; its output: " + log);
        }
        pump.join(10_000);
        return process.exitValue();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Everything the child printed so far (its log file; all of it once the child has ended). */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
