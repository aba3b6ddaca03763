package io.osmigrate.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.OsmRuntime;
import io.osmigrate.text.TextTable;
import io.osmigrate.state.Runs;

/** {@code runs [--limit N] [--format text|json|csv]}: the recent runs from the state store's history, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Lists the recent runs, newest first: id, spec, state, start, duration, rows, dead letters, exit code.")
final class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> COLUMNS = List.of("run", "spec", "source", "destination", "state", "started",
            "duration", "read", "inserted", "matched", "skipped", "dead letters", "exit code");

    @ParentCommand
    OsMigrate parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json or csv. Rows are the data phase's; dead letters are every phase's.")
    OutputFormat format;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit is " + limit + "; give 1 or more");
        }
        try (OsmRuntime runtime = OsmRuntime.standalone(parent.config)) {
            List<Runs.Summary> runs = ExistingStateStore.open(runtime).runs().summaries(limit);
            System.out.print(switch (format) {
                case TEXT -> text(runs);
                case JSON -> json(runs);
                case CSV -> csv(runs);
            });
            return ExitCode.OK.code();
        }
    }

    private static String text(List<Runs.Summary> runs) {
        if (runs.isEmpty()) {
            return "No runs yet.\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(COLUMNS.toArray(String[]::new));
        for (Runs.Summary s : runs) {
            Runs.Run r = s.run();
            rows.add(new String[] {r.runId(), r.spec(), r.sourceEnv(), r.destinationEnv(), r.state().name(),
                START.format(r.startedAt()), duration(r), TextTable.count(s.read()), TextTable.count(s.inserted()),
                TextTable.count(s.matched()), TextTable.count(s.skipped()), TextTable.count(s.deadLetters()),
                r.exitCode() == null ? "" : r.exitCode().toString()});
        }
        StringBuilder out = new StringBuilder();
        TextTable.render(out, "", rows, i -> i >= 7);
        return out.toString();
    }

    private static String json(List<Runs.Summary> runs) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Runs.Summary s : runs) {
            Runs.Run r = s.run();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("runId", r.runId());
            m.put("spec", r.spec());
            m.put("source", r.sourceEnv());
            m.put("destination", r.destinationEnv());
            m.put("phases", List.of(r.phases().split(",")));
            m.put("state", r.state().name());
            m.put("startedAt", r.startedAt().toString());
            m.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
            m.put("seconds", r.finishedAt() == null ? null : Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0);
            m.put("read", s.read());
            m.put("inserted", s.inserted());
            m.put("matched", s.matched());
            m.put("skipped", s.skipped());
            m.put("deadLetters", s.deadLetters());
            m.put("exitCode", r.exitCode());
            m.put("message", r.message());
            list.add(m);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(List<Runs.Summary> runs) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.stream()
                .map(c -> c.replace(' ', '_')).toArray(String[]::new)).get())) {
            for (Runs.Summary s : runs) {
                Runs.Run r = s.run();
                csv.printRecord(r.runId(), r.spec(), r.sourceEnv(), r.destinationEnv(), r.state().name(), r.startedAt(),
                        r.finishedAt() == null ? null : Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0,
                        s.read(), s.inserted(), s.matched(), s.skipped(), s.deadLetters(), r.exitCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** h:mm:ss (m:ss under an hour) from start to finish; "running" without a finish. */
    private static String duration(Runs.Run r) {
        if (r.finishedAt() == null) {
            return r.state().name().equals("RUNNING") ? "running" : "";
        }
        long s = Duration.between(r.startedAt(), r.finishedAt()).toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
