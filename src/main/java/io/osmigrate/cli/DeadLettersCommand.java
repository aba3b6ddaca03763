package io.osmigrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.OsmRuntime;
import io.osmigrate.config.ConfigException;
import io.osmigrate.config.OsmSettings;
import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.StateStore;

/** {@code dead-letters [--run ID]}: lists dead letters, with their reason and rows. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Lists the records that could not be moved, with why and the rows.")
final class DeadLettersCommand implements Callable<Integer> {

    @ParentCommand
    OsMigrate parent;

    @Option(names = "--run", paramLabel = "ID", description = "Only this run's (default: every run's).")
    String run;

    @Override
    public Integer call() {
        try (OsmRuntime runtime = OsmRuntime.standalone(parent.config)) {
            requireStateStore(runtime.settings());
            List<DeadLetter> letters = runtime.state().deadLetters().list(run);
            for (DeadLetter d : letters) {
                System.out.printf("#%d run %s %s %s id %s: %s%n", d.id(), d.runId(), d.phase(), d.entity(), d.sourceId(), d.reason());
                System.out.printf("    %s%s%n", d.message(), d.sqlState() == null ? ""
                        : " [" + d.errorClass() + ", SQLState " + d.sqlState() + ", vendor code " + d.vendorCode() + "]");
                System.out.printf("    source: %s%n", d.sourceRow());
                if (d.mappedRow() != null) {
                    System.out.printf("    mapped: %s%n", d.mappedRow());
                }
            }
            System.out.printf("%d dead letter%s%n", letters.size(), letters.size() == 1 ? "" : "s");
            return ExitCode.OK.code();
        }
    }

    /**
     * Only runs leave dead letters, and the first run makes the state store: where its file is missing, opening
     * it would make an empty one and report none, as if runs had gone well.
     */
    private static void requireStateStore(OsmSettings settings) {
        Optional<Path> file = settings.stateFile();
        if (file.isPresent() && !StateStore.exists(settings)) {
            throw new ConfigException("there is no state store yet: " + file.get() + " (where osmigrate.state.url or"
                    + " osmigrate.data-dir in " + settings.origin() + " puts it) does not exist. The first run makes it, and only"
                    + " runs leave dead letters; is this the configuration those runs used?");
        }
    }
}
