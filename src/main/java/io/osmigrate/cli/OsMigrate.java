package io.osmigrate.cli;

import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import io.osmigrate.app.ExitCode;

/** The command line: {@code java -jar osmigrate.jar <command>}. Exit codes are those of {@link ExitCode}. */
@Command(name = "osmigrate", mixinStandardHelpOptions = true, version = OsMigrate.VERSION,
        description = "Copies the data of an OutSystems 11 solution from one environment to another.",
        subcommands = {PlanCommand.class, RunCommand.class, DemoCommand.class, BenchmarkCommand.class, DeadLettersCommand.class, HostCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (plan runnable, every record moved)", "1:some records were dead-lettered",
            "2:configuration or spec error, environment unreachable", "3:the plan has blocking errors",
            "4:the run was aborted by a fault"})
public final class OsMigrate implements Runnable {

    /** What {@code --version} prints, on the top command and on every subcommand. */
    static final String VERSION = "osmigrate 0.1.0";

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
                .execute(args);
    }

    @Override
    public void run() {
        commandSpec.commandLine().usage(System.err);
    }
}
