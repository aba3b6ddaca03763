package io.osmigrate.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.JobFailedException;
import io.osmigrate.config.ConfigException;
import io.osmigrate.config.Schedule;
import io.osmigrate.text.Json;

/**
 * The bean the host's routes call ({@code osmHost}): runs job files from the inbox and cron
 * schedules through one {@link JobRunner}, and writes each job's result file. A job never stops
 * the host. Thread-safe.
 */
public final class OsmHost {

    /** Sub-folders of the inbox. */
    public static final String IN_PROGRESS = ".inprogress";
    public static final String DONE = ".done";
    public static final String FAILED = ".failed";

    private static final Logger LOG = LoggerFactory.getLogger(OsmHost.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = Json.FILES;

    private final JobRunner runner;
    private final Path inbox;
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean recoveryDue;

    public OsmHost(JobRunner runner) {
        this.runner = runner;
        this.inbox = runner.runtime().settings().inbox();
    }

    /** Called by the job-inbox route once the file sits in .inprogress/; throws when the job did not succeed. */
    public void runJobFile(Exchange exchange) {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        // where the file is now (.inprogress/); the body is never converted: that would read whatever it is
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
        String jobId = nextJobId();
        exchange.getIn().setHeader(HostHeaders.JOB_ID, jobId);
        Instant started = Instant.now();
        JobOutcome outcome;
        try {
            JobRequest job = JobFiles.read(inbox.resolve(name).toString(), file);
            outcome = runner.execute(name, job);
        } catch (ConfigException e) {
            LOG.warn("Job file {} rejected: {}", name, e.getMessage());
            outcome = JobRunner.failed(name, null, started, ExitCode.CONFIG_ERROR, e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.error("Job file {} failed", name, e);
            outcome = JobRunner.failed(name, null, started, ExitCode.FAULT, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
        boolean done = isDone(outcome);
        writeResult(inbox.resolve(done ? DONE : FAILED).resolve(jobId + "-" + name + ".result.json"), outcome);
        if (!done) {
            throw new JobFailedException("job " + name + " " + outcome.status() + ": " + outcome.message());
        }
    }

    /**
     * Moves every inbox entry named like a job that is not a regular file (a folder, a symbolic link, a FIFO,
     * a device) to .failed/ with a result saying why, without reading it. The file consumer would otherwise
     * pass over folders without a word and follow links; called before each poll of the inbox.
     *
     * @param jobNames the names the inbox takes
     */
    void refuseIrregular(Pattern jobNames) {
        if (!Files.isDirectory(inbox)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                Optional<String> kind = jobNames.matcher(name).matches() ? SmallTextFile.notRegular(entry) : Optional.empty();
                if (kind.isPresent()) {
                    String message = entry + " is " + kind.get() + ", not a regular file; a job is a regular YAML file"
                            + " dropped in the inbox, and nothing else is read";
                    fail(entry, name, null, ExitCode.CONFIG_ERROR, message);
                    LOG.warn("Job file {} rejected: {}", name, message);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot check the inbox {} for entries that are not job files: {}", inbox, e.getMessage());
        }
    }

    /** Exit codes 0 (all moved) and 1 (finished with dead letters) go to .done/; anything else to .failed/. */
    static boolean isDone(JobOutcome outcome) {
        return outcome.exitCode() == ExitCode.OK.code() || outcome.exitCode() == ExitCode.DEAD_LETTERS.code();
    }

    /** Called by a schedule's route; the result lands under {@code <data-dir>/schedules/}. */
    public void runSchedule(String scheduleName) {
        Schedule schedule = runner.runtime().settings().schedules().stream().filter(s -> s.name().equals(scheduleName))
                .findFirst().orElseThrow(() -> new IllegalStateException("no schedule " + scheduleName));
        JobOutcome outcome = runner.execute("schedule " + scheduleName,
                new JobRequest(schedule.spec().toString(), schedule.command(), null, null));
        if (outcome.status().equals(JobRunner.SKIPPED)) {
            return; // a firing during a stop: nothing ran, the next firing comes after the restart
        }
        writeResult(runner.runtime().settings().dataDir().resolve("schedules").resolve(scheduleName + "-"
                + nextJobId() + ".result.json"), outcome);
    }

    /**
     * This host has become the active one: before its first poll of the inbox, the jobs an earlier active host (or
     * this one, before a restart) left in .inprogress/ are settled ({@link #recoverInterrupted}).
     */
    void activated() {
        recoveryDue = true;
    }

    /** Called before each poll of the inbox: settles interrupted jobs once after each activation. */
    void recoverIfDue() {
        if (recoveryDue) {
            recoveryDue = false;
            recoverInterrupted();
        }
    }

    /**
     * Opens the state store now that the host is active, so a store that cannot be opened is reported before a
     * job needs it; a job that finds it still closed tries again.
     */
    void openStateStore() {
        try {
            runner.runtime().state();
        } catch (RuntimeException e) {
            LOG.error("The active host cannot open the state store yet: {}. Each job tries again", e.getMessage());
        }
    }

    /**
     * Jobs left in .inprogress/ by a host that stopped mid-job are not run again by surprise: they move
     * to .failed/ with a result that says so. Called before the first poll of the inbox once the host is active.
     */
    public void recoverInterrupted() {
        Path inProgress = inbox.resolve(IN_PROGRESS);
        if (!Files.isDirectory(inProgress)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inProgress)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                fail(file, name, readQuietly(file), ExitCode.FAULT,
                        "interrupted: the host stopped while this job ran, so it did not finish; drop the job file again"
                                + " to run it again (a run resumes safely where it stopped)");
                LOG.warn("Job {} was interrupted by a host stop; moved to {}", name, FAILED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover interrupted jobs in " + inProgress, e);
        }
    }

    /** Moves an entry to .failed/ (a link itself moves, not what it points to) and writes its result beside it. */
    private void fail(Path entry, String name, JobRequest job, ExitCode code, String message) throws IOException {
        String jobId = nextJobId();
        Path failed = Files.createDirectories(inbox.resolve(FAILED));
        Files.move(entry, failed.resolve(jobId + "-" + name));
        writeResult(failed.resolve(jobId + "-" + name + ".result.json"), JobRunner.failed(name, job, Instant.now(), code,
                message, null));
    }

    private String nextJobId() {
        return STAMP.format(Instant.now()) + "-" + sequence.incrementAndGet();
    }

    /** Marks the host as stopping: no further job starts; the one in flight goes on until it ends. */
    void stopping() {
        runner.stopping();
    }

    boolean isStopping() {
        return runner.isStopping();
    }

    /** The job in flight, if any. */
    String currentJob() {
        return runner.current();
    }

    /** Waits until no job is in flight; false when one still is after the timeout. */
    boolean awaitIdle(Duration timeout) {
        return runner.awaitIdle(timeout);
    }

    /**
     * Releases the runtime (pools, state store) once no job is in flight, waiting up to {@code timeout}.
     * A run still going after that is not cut off from its pools here: it ends with the process, like
     * a crash, which the next run of its spec settles (see {@code pipeline.Recovery}).
     */
    void close(Duration timeout) {
        String job = runner.current();
        if (!runner.awaitIdle(timeout)) {
            LOG.warn("Job {} is still running; leaving its connections open for it. Its file stays in {} and moves to {}"
                    + " on the next start; the next run of its spec resumes safely", job, IN_PROGRESS, FAILED);
            return;
        }
        runner.runtime().close();
    }

    /** The job, for its result; null when it cannot be read (it is not a regular file, or not a valid job). */
    private static JobRequest readQuietly(Path file) {
        try {
            return JobFiles.read(file.toString(), file);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Written under a hidden name, then renamed: whoever watches the folder never reads half a result. */
    private static void writeResult(Path file, JobOutcome outcome) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
            JSON.writeValue(partial.toFile(), outcome);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("Cannot write the result file {}: {}", file, e.getMessage());
        }
    }
}
