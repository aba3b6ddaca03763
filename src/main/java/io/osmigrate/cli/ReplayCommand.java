package io.osmigrate.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.OsmRuntime;
import io.osmigrate.run.ReportPrinter;
import io.osmigrate.run.RunReport;
import io.osmigrate.run.RunService;

/**
 * {@code replay RUN [--entity E]}: once the cause is fixed, moves a past run's open dead letters again, read from the
 * source, with the rows dead-lettered because of them; a run of its own, with its report and exit code.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Moves the open dead letters of a past run again, read from the source, once their cause is fixed.")
final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    OsMigrate parent;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run whose dead letters to replay (ids: see the runs command).")
    String runId;

    @Option(names = "--entity", paramLabel = "ENTITY",
            description = "Only this entity's dead letters (Module.Entity), with the rows dead-lettered because of them.")
    String entity;

    @Override
    public Integer call() throws Exception {
        try (SigtermStop sigterm = SigtermStop.install()) {
            int code = ExitCode.FAULT.code();
            try (OsmRuntime runtime = OsmRuntime.standalone(parent.config)) {
                ExistingStateStore.open(runtime); // an unknown run is the replay's own error, naming it
                sigterm.watch(runtime);
                RunReport report = RunService.replay(runtime, runId, entity);
                System.out.print(ReportPrinter.print(report));
                code = report.exitCode();
                return code;
            } finally {
                sigterm.finished(code);
            }
        }
    }
}
