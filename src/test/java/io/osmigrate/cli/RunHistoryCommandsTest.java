package io.osmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.StateStore;

/**
 * The commands that read the run history (runs, report, dead-letters) after a real run: the demo's, on a
 * configuration whose data directory is a temporary folder. Dead letters are added to its store directly,
 * since the demo moves every row.
 */
class RunHistoryCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path config;
    private static Path data;
    private static String runId;
    private static String demoOutput;

    @BeforeAll
    static void aDemoRun() throws Exception {
        data = dir.resolve("data");
        config = dir.resolve("application.properties");
        Files.writeString(config, "osmigrate.data-dir = " + data.toAbsolutePath() + "\n");
        CliRun.Result demo = CliRun.execute("--config", config.toString(), "demo", "--rows", "200");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        demoOutput = demo.out();
        Matcher id = Pattern.compile("Run (\\S+) of spec").matcher(demoOutput);
        assertThat(id.find()).as(demoOutput).isTrue();
        runId = id.group(1);
        try (StateStore store = StateStore.open("jdbc:sqlite:" + data.resolve("state/osmigrate.db").toAbsolutePath(), "", "", 1000)) {
            store.deadLetters().write(List.of(letter("OrdersCore.Order", "11"), letter("OrdersCore.OrderLine", "12"),
                    letter("OrdersCore.OrderLine", "13")));
            try (var c = store.dataSource().getConnection(); var s = c.createStatement()) {
                s.executeUpdate("UPDATE OSM_DEAD_LETTER SET RESOLVED_BY_RUN = 'later' WHERE SOURCE_ID = '13'");
            }
        }
    }

    private static CliRun.Result osmigrate(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.execute(all);
    }

    @Test
    void runsListsTheRunWithItsStateFiguresAndExitCodeAsTextJsonAndCsv() throws Exception {
        JsonNode report = JSON.readTree(data.resolve("runs").resolve(runId).resolve("report.json").toFile());
        long inserted = 0;
        for (JsonNode e : report.path("entities")) {
            if (e.path("phase").asText().equals("data")) {
                inserted += e.path("inserted").asLong();
            }
        }
        assertThat(inserted).isPositive();

        CliRun.Result text = osmigrate("runs");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("run", "exit code", runId, "config/migrations/demo.yaml", "SUCCEEDED",
                String.format("%,d", inserted));

        CliRun.Result json = osmigrate("runs", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode run = JSON.readTree(json.out()).get(0);
        assertThat(run.path("runId").asText()).isEqualTo(runId);
        assertThat(run.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("exitCode").asInt(-1)).isZero();
        assertThat(run.path("inserted").asLong()).isEqualTo(inserted);
        assertThat(run.path("deadLetters").asLong()).as("the three added to its store").isEqualTo(3);
        assertThat(run.path("seconds").isNumber()).isTrue();

        CliRun.Result csv = osmigrate("runs", "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.out())).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("run")).isEqualTo(runId);
        assertThat(rows.get(0).get("exit_code")).isEqualTo("0");
        assertThat(rows.get(0).get("inserted")).isEqualTo(Long.toString(inserted));
    }

    @Test
    void reportPrintsThePastRunsReportAsTheRunPrintedIt() {
        CliRun.Result r = osmigrate("report", runId);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Run " + runId + " of spec").contains("OrdersCore.OrderLine", "SUCCEEDED (exit code 0)");
        assertThat(demoOutput).as("the demo printed the same report at its end").contains(r.out());
    }

    @Test
    void reportOfARunWhoseFileIsGoneComesFromTheStateStore() throws Exception {
        Path file = data.resolve("runs").resolve(runId).resolve("report.json");
        Path aside = Files.move(file, file.resolveSibling("report.json.aside"));
        try {
            CliRun.Result r = osmigrate("report", runId);
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("is missing", "Run " + runId, "OrdersCore.OrderLine", "SUCCEEDED (exit code 0)",
                    "3 dead letters");
        } finally {
            Files.move(aside, file);
        }
    }

    @Test
    void anUnknownRunIsAnErrorNamingItNotAnEmptyAnswer() {
        for (String[] args : List.of(new String[] {"report", "20990101-000000-deadbeef"},
                new String[] {"dead-letters", "--run", "20990101-000000-deadbeef"})) {
            CliRun.Result r = osmigrate(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains("there is no run 20990101-000000-deadbeef", "osmigrate runs");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void deadLettersFilterByEntityAndOpenAndPrintAsJsonOrCsv() throws Exception {
        CliRun.Result all = osmigrate("dead-letters", "--run", runId);
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).contains("3 dead letters", "(resolved by run later)");

        CliRun.Result open = osmigrate("dead-letters", "--run", runId, "--entity", "OrdersCore.OrderLine", "--open", "--format", "json");
        assertThat(open.exitCode()).as(open.err()).isZero();
        JsonNode letters = JSON.readTree(open.out());
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).path("sourceId").asText()).isEqualTo("12");
        assertThat(letters.get(0).path("sourceRow").path("ID").asInt()).as("the row nested as JSON").isEqualTo(12);
        assertThat(letters.get(0).path("resolvedByRun").isNull()).isTrue();

        CliRun.Result csv = osmigrate("dead-letters", "--entity", "OrdersCore.OrderLine", "--format", "csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.out())).getRecords();
        assertThat(rows).extracting(r -> r.get("source_id") + "/" + r.get("resolved_by_run")).containsExactly("12/", "13/later");
    }

    private static DeadLetter letter(String entity, String sourceId) {
        return new DeadLetter(0, runId, "data", entity, sourceId, "data", "java.sql.SQLException", "22001", 8152, "too long",
                "{\"ID\":" + sourceId + "}", null, Instant.now());
    }
}
