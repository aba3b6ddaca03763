package io.osmigrate.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import io.osmigrate.app.ExitCode;

/**
 * {@code completion}: prints the bash and zsh completion script of every command and option, made by picocli
 * from the commands themselves, so it never lags behind them. The build writes the same script to
 * {@code target/osmigrate_completion}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = {"Prints the bash/zsh completion script for the commands and options of osmigrate.",
            "Install it for the current shell with: source <(java -jar osmigrate.jar completion)",
            "It completes the command osmigrate: make one, e.g. alias osmigrate='java -jar /path/to/osmigrate.jar'."})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        System.out.print(AutoComplete.bash("osmigrate", spec.root().commandLine()));
        return ExitCode.OK.code();
    }
}
