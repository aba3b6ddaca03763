package io.osmigrate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import io.osmigrate.app.ExitCode;

/** The command line: {@code java -jar osmigrate.jar <command>}. Exit codes are those of {@link ExitCode}. */
@Command(name = "osmigrate", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Copies the data of an OutSystems 11 solution from one environment to another.",
        subcommands = {PlanCommand.class, RunCommand.class, DemoCommand.class, BenchmarkCommand.class, DeadLettersCommand.class, RunsCommand.class, ReportCommand.class, ReplayCommand.class,
            HostCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (plan runnable, every record moved)", "1:some records were dead-lettered",
            "2:configuration or spec error, environment unreachable", "3:the plan has blocking errors",
            "4:the run was aborted by a fault", "5:verification found rows the run cannot account for"})
public final class OsMigrate implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/application.properties", scope = ScopeType.INHERIT,
            description = "Configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return new CommandLine(new OsMigrate())
                .setExecutionExceptionHandler(new FailureHandler()) // invalid arguments exit with 2, picocli's usage code
                .setCaseInsensitiveEnumValuesAllowed(true) // --format json as well as JSON
                .execute(args);
    }

    /** No command given: a usage error, like any other argument mistake (exit code 2), with the usage on stderr. */
    @Override
    public Integer call() {
        CommandLine cmd = commandSpec.commandLine();
        cmd.getErr().println("error: no command given; name one of the commands below");
        cmd.usage(cmd.getErr());
        return ExitCode.CONFIG_ERROR.code();
    }
}
