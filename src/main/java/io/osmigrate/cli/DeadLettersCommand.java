package io.osmigrate.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.OsmRuntime;
import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.StateStore;

/**
 * {@code dead-letters [--run ID] [--entity E] [--open] [--format text|json|csv]}: dead letters, with their reason and rows,
 * and the route steps their records went through where their tables were traced.
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Lists the records that could not be moved, with why and the rows.")
final class DeadLettersCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] CSV_COLUMNS = {"id", "run", "phase", "entity", "source_id", "reason", "error_class", "sql_state",
        "vendor_code", "message", "source_row", "mapped_row", "created_at", "resolved_by_run", "steps"};

    @ParentCommand
    OsMigrate parent;

    @Option(names = "--run", paramLabel = "ID", description = "Only this run's (default: every run's). An unknown id is an error.")
    String run;

    @Option(names = "--entity", paramLabel = "ENTITY", description = "Only this entity's, as Module.Entity.")
    String entity;

    @Option(names = "--open", description = "Only those no later run has resolved (replayed).")
    boolean open;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), json or csv.")
    OutputFormat format;

    @Override
    public Integer call() {
        try (OsmRuntime runtime = OsmRuntime.standalone(parent.config)) {
            StateStore state = ExistingStateStore.open(runtime);
            if (run != null) {
                ExistingStateStore.run(runtime, state, run);
            }
            List<DeadLetter> letters = state.deadLetters().list(run, entity, open);
            System.out.print(switch (format) {
                case TEXT -> text(letters);
                case JSON -> json(letters);
                case CSV -> csv(letters);
            });
            return ExitCode.OK.code();
        }
    }

    private static String text(List<DeadLetter> letters) {
        StringBuilder out = new StringBuilder();
        for (DeadLetter d : letters) {
            out.append(String.format("#%d run %s %s %s id %s: %s%s%n", d.id(), d.runId(), d.phase(), d.entity(), d.sourceId(),
                    d.reason(), d.resolvedByRun() == null ? "" : " (resolved by run " + d.resolvedByRun() + ")"));
            out.append(String.format("    %s%s%n", d.message(), d.sqlState() == null ? ""
                    : " [" + d.errorClass() + ", SQLState " + d.sqlState() + ", vendor code " + d.vendorCode() + "]"));
            out.append(String.format("    source: %s%n", d.sourceRow()));
            if (d.mappedRow() != null) {
                out.append(String.format("    mapped: %s%n", d.mappedRow()));
            }
            if (!d.steps().isEmpty()) {
                out.append(String.format("    steps: %s%n", String.join(" → ", d.steps())));
            }
        }
        return out.append(String.format("%d dead letter%s%n", letters.size(), letters.size() == 1 ? "" : "s")).toString();
    }

    private static String json(List<DeadLetter> letters) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (DeadLetter d : letters) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("runId", d.runId());
            m.put("phase", d.phase());
            m.put("entity", d.entity());
            m.put("sourceId", d.sourceId());
            m.put("reason", d.reason());
            m.put("errorClass", d.errorClass());
            m.put("sqlState", d.sqlState());
            m.put("vendorCode", d.vendorCode());
            m.put("message", d.message());
            m.put("sourceRow", row(d.sourceRow()));
            m.put("mappedRow", row(d.mappedRow()));
            m.put("createdAt", d.createdAt().toString());
            m.put("resolvedByRun", d.resolvedByRun());
            m.put("steps", d.steps());
            list.add(m);
        }
        try {
            return JSON.writeValueAsString(list) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored row is JSON already: nested as an object, not as a string of JSON. */
    private static Object row(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            return stored;
        }
    }

    private static String csv(List<DeadLetter> letters) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS).get())) {
            for (DeadLetter d : letters) {
                csv.printRecord(d.id(), d.runId(), d.phase(), d.entity(), d.sourceId(), d.reason(), d.errorClass(), d.sqlState(),
                        d.vendorCode(), d.message(), d.sourceRow(), d.mappedRow(), d.createdAt(), d.resolvedByRun(), d.stepsText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
