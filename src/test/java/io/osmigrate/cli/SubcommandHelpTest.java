package io.osmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Every subcommand answers --help (and -h) with its own usage on stdout, exit code 0, and touches nothing. */
class SubcommandHelpTest {

    private static List<String> subcommands() {
        return new CommandLine(new OsMigrate()).getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
    }

    @Test
    void everySubcommandPrintsItsUsageForHelp() {
        assertThat(subcommands()).contains("plan", "run", "demo", "benchmark", "dead-letters", "host");
        for (String name : subcommands()) {
            for (String flag : List.of("--help", "-h")) {
                CliRun.Result r = CliRun.execute(name, flag);
                assertThat(r.exitCode()).as(name + " " + flag + ": " + r.err()).isZero();
                assertThat(r.out()).as(name + " " + flag).contains("Usage: osmigrate " + name).contains("-h, --help");
            }
        }
        assertThat(CliRun.execute("plan", "--help").out()).contains("SPEC", "--json");
    }

    /** The version is the build's, the pom's project version, never a constant that lags behind it. */
    @Test
    void everyCommandPrintsTheBuildsVersion() throws Exception {
        Matcher pom = Pattern.compile("<artifactId>osmigrate</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(pom.find()).as("the project version in pom.xml").isTrue();
        List<String> commands = new ArrayList<>(subcommands());
        commands.add(null);
        for (String name : commands) {
            CliRun.Result r = name == null ? CliRun.execute("--version") : CliRun.execute(name, "--version");
            assertThat(r.exitCode()).as(name).isZero();
            assertThat(r.out().strip()).as(name).isEqualTo("osmigrate " + pom.group(1));
        }
    }

    @Test
    void noCommandIsAUsageErrorWithTheUsageOnStderr() {
        CliRun.Result r = CliRun.execute();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no command given").contains("Usage: osmigrate").contains("dead-letters");
        assertThat(r.out()).isEmpty();
    }

    /** The completion script names every command and its options, so a shell can complete them. */
    @Test
    void theCompletionScriptCompletesEveryCommandAndItsOptions() {
        CliRun.Result r = CliRun.execute("completion");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_osmigrate");
        for (String name : subcommands()) {
            assertThat(r.out()).as(name).contains(name);
        }
        assertThat(r.out()).contains("--phases", "--fresh", "--config");
    }
}
