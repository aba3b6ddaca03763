package io.osmigrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.app.Plans;
import io.osmigrate.config.ConfigException;
import io.osmigrate.config.EnvironmentSettings;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlanPrinter;
import io.osmigrate.run.ReportPrinter;
import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.run.RunService;
import io.osmigrate.sample.SampleEnvironments;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.SpecLoader;

/**
 * {@code demo [--reset] [--rows N]}: creates the two demo environments as H2 files under
 * {@code <data-dir>/demo}, prints the plan of the demo spec and runs it. {@code --reset}, or a destination file
 * that is gone, also forgets the demo's key map, whose pairs point at the destination it replaces.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Creates two OutSystems-shaped H2 environments under data/demo and runs config/migrations/demo.yaml.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    OsMigrate parent;

    @Option(names = "--reset", description = "Recreate the demo environments (and forget the demo's key map).")
    boolean reset;

    @Option(names = "--rows", defaultValue = "5000", description = "Approximate application rows in the source (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--spec", defaultValue = "config/migrations/demo.yaml", description = "The demo spec (default: ${DEFAULT-VALUE}).")
    Path spec;

    @Override
    public Integer call() throws Exception {
        if (rows < 1) {
            throw new ConfigException("--rows is " + rows + "; allowed: 1 or more");
        }
        try (OsmRuntime runtime = OsmRuntime.standalone(parent.config)) {
            Path dir = runtime.settings().dataDir().resolve("demo");
            if (reset) {
                delete(dir);
            }
            // a destination made anew holds none of the rows an earlier demo's key map pairs: forget them too
            boolean newDestination = !Files.exists(dir.resolve("destination.mv.db"));
            System.err.println("Demo environments in " + dir + (Files.exists(dir.resolve("source.mv.db")) ? " (reused; --reset recreates them)" : ""));
            SampleEnvironments.DemoEnvironments envs = SampleEnvironments.createH2Files(dir, SampleOptions.of(rows), false);
            MigrationSpec demo = SpecLoader.load(spec);
            runtime.override(h2(demo.source(), envs.sourceUrl()));
            runtime.override(h2(demo.destination(), envs.destinationUrl()));
            if (reset || newDestination) {
                runtime.state().keyMap().forgetEnvironments(demo.source(), demo.destination());
            }
            Plan plan = Plans.make(runtime, demo);
            System.out.print(PlanPrinter.print(plan));
            System.out.println();
            RunReport report = RunService.run(runtime, demo, RunOptions.defaults());
            System.out.print(ReportPrinter.print(report));
            return report.exitCode();
        }
    }

    private static EnvironmentSettings h2(String name, String url) {
        return new EnvironmentSettings(name, url, SampleEnvironments.H2_USER, SampleEnvironments.H2_PASSWORD, 4, Duration.ofSeconds(10));
    }

    private static void delete(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
