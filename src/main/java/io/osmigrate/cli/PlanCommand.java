package io.osmigrate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.OsmRuntime;
import io.osmigrate.app.Plans;
import io.osmigrate.config.PathChecks;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlanJson;
import io.osmigrate.plan.PlanPrinter;
import io.osmigrate.spec.SpecLoader;

/** {@code plan SPEC [--json FILE]}: prints the plan; writes nothing to any environment. */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Prints the plan of a migration spec. Writes nothing to any environment.")
final class PlanCommand implements Callable<Integer> {

    @ParentCommand
    OsMigrate parent;

    @Parameters(index = "0", paramLabel = "SPEC", description = "Migration spec, e.g. config/migrations/demo.yaml.")
    Path spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the plan as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (json != null) {
            PathChecks.file("--json", json); // before the plan is made, not after it is printed
        }
        try (OsmRuntime runtime = OsmRuntime.standalone(parent.config)) {
            Plan plan = Plans.make(runtime, SpecLoader.load(spec));
            System.out.print(PlanPrinter.print(plan));
            if (json != null) {
                PlanJson.write(plan, json);
            }
            return plan.runnable() ? ExitCode.OK.code() : ExitCode.PLAN_BLOCKED.code();
        }
    }
}
