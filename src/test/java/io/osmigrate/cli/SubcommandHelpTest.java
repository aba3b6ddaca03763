package io.osmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

    @Test
    void everySubcommandPrintsTheVersion() {
        for (String name : subcommands()) {
            CliRun.Result r = CliRun.execute(name, "--version");
            assertThat(r.exitCode()).as(name).isZero();
            assertThat(r.out().strip()).as(name).isEqualTo(OsMigrate.VERSION);
        }
    }
}
