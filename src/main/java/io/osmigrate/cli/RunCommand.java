package io.osmigrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.OsmRuntime;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.run.ReportPrinter;
import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.run.RunService;
import io.osmigrate.spec.SpecLoader;

/** {@code run SPEC [--phases …] [--fresh] [--refresh] [--sample N]}: runs a migration spec. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Runs a migration spec: statics, users, clean (if asked), data, verify.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    OsMigrate parent;

    @Parameters(index = "0", paramLabel = "SPEC", description = "Migration spec, e.g. config/migrations/demo.yaml.")
    Path spec;

    @Option(names = "--phases", split = ",", paramLabel = "PHASE",
            description = "Only these phases (statics, triggers-off, users, clean, bpt, data, events, verify), comma-separated."
                    + " clean deletes destination rows: it runs only with clean: true in the spec or --fresh.")
    List<String> phases = new ArrayList<>();

    @Option(names = "--fresh", description = "Start over: clean the destination's rows of the scope and forget their key-map pairs.")
    boolean fresh;

    @Option(names = "--refresh", description = "Also bring the rows moved by earlier runs up to date with their source:"
            + " every moved row whose mapped values differ from its destination row is updated (as refresh: changed"
            + " in the spec does).")
    boolean refresh;

    @Option(names = "--sample", paramLabel = "N", description = "The verify phase compares at most N moved rows per table"
            + " by value with their destination rows, spread evenly over the table (default: every moved row; 0: none)."
            + " Not the subset's sample: in a spec.")
    Integer sample;

    @Override
    public Integer call() throws Exception {
        // checked before anything is opened: a mistaken option writes nothing
        RunOptions options = new RunOptions(phases.stream().map(Phase::parse).toList(), fresh, refresh, sample);
        try (SigtermStop sigterm = SigtermStop.install()) {
            int code = ExitCode.FAULT.code();
            try (OsmRuntime runtime = OsmRuntime.standalone(parent.config)) {
                sigterm.watch(runtime);
                RunReport report = RunService.run(runtime, SpecLoader.load(spec), options);
                System.out.print(ReportPrinter.print(report));
                code = report.exitCode();
                return code;
            } finally {
                sigterm.finished(code);
            }
        }
    }
}
