package io.osmigrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.OsmRuntime;
import io.osmigrate.run.ReportFiles;
import io.osmigrate.run.ReportPrinter;
import io.osmigrate.run.RunReport;
import io.osmigrate.state.RunState;
import io.osmigrate.state.Runs;
import io.osmigrate.state.StateStore;

/**
 * {@code report RUN}: prints a past run's report as the run printed it, from its report file; where that file is
 * gone, from the figures the state store keeps (without the verification and the users, which only the file has).
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Prints the report of a past run (ids: see the runs command).")
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    OsMigrate parent;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id, e.g. 20260101-020000-1a2b3c4d.")
    String runId;

    @Override
    public Integer call() {
        try (OsmRuntime runtime = OsmRuntime.standalone(parent.config)) {
            Path file = ReportFiles.of(runtime.settings().dataDir(), runId);
            StateStore state = ExistingStateStore.open(runtime);
            Runs.Run run = ExistingStateStore.run(runtime, state, runId);
            if (run.state() == RunState.RUNNING) {
                // its figures and its report are written when it ends
                System.out.println("Run " + runId + " of " + run.spec() + " (" + run.sourceEnv() + " → " + run.destinationEnv()
                        + ") started " + run.startedAt() + " and has not ended: it is still running, or its process died"
                        + " (the next run between these environments marks it INTERRUPTED). No report yet.");
                return ExitCode.OK.code();
            }
            Optional<RunReport> written = ReportFiles.read(file);
            if (written.isPresent()) {
                System.out.print(ReportPrinter.print(written.get()));
                return ExitCode.OK.code();
            }
            System.out.println("(The report file " + file + " is missing: these are the figures the state store keeps,"
                    + " without the verification and the users.)");
            System.out.print(ReportPrinter.print(fromStore(state, run)));
            return ExitCode.OK.code();
        }
    }

    private static RunReport fromStore(StateStore state, Runs.Run run) {
        // a run whose process died (INTERRUPTED) has no exit code; it ended as a fault would
        int exit = run.exitCode() == null ? ExitCode.FAULT.code() : run.exitCode();
        return new RunReport(run.runId(), run.spec(), run.sourceEnv(), run.destinationEnv(), run.state().name(), exit,
                run.startedAt(), run.finishedAt(), List.of(run.phases().split(",")), state.runs().figures(run.runId()),
                List.of(), state.deadLetters().count(run.runId()), run.message(), null);
    }
}
