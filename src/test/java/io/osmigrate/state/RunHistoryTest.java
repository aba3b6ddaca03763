package io.osmigrate.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.osmigrate.testsupport.PostgresDatabases;

/** The run history the runs, report and dead-letters commands read, on the embedded store and on PostgreSQL. */
class RunHistoryTest {

    @TempDir
    Path dir;

    private String pgUrl;

    @AfterEach
    void dropDatabase() {
        if (pgUrl != null) {
            PostgresDatabases.drop(pgUrl);
        }
    }

    private StateStore open(String engine) {
        if (engine.equals("postgresql")) {
            pgUrl = PostgresDatabases.create("history");
            return StateStore.open(pgUrl, PostgresDatabases.user(), PostgresDatabases.password(), 10_000);
        }
        return StateStore.open("jdbc:sqlite:" + dir.resolve("state/osmigrate.db"), "", "", 10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aRunKeepsItsExitCodeAndItsFiguresSumOverTheDataPhaseWithEveryDeadLetter(String engine) {
        try (StateStore store = open(engine)) {
            Runs runs = store.runs();
            runs.start("r1", "specs/a.yaml", "src", "dst", "statics,data");
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            runs.record("r1", new EntityFigures("S.Static", "statics", "done", 7, 0, 7, 0, 0, 0, 0, 0, t, t));
            runs.record("r1", new EntityFigures("S.Order", "data", "done", 100, 90, 4, 5, 1, 0, 0, 0, t, t.plusSeconds(2)));
            runs.record("r1", new EntityFigures("S.Line", "data", "done", 50, 48, 0, 0, 2, 0, 0, 0, t, t.plusSeconds(3)));
            store.deadLetters().write(List.of(letter("r1", "S.Order", "1"), letter("r1", "S.Line", "2"),
                    letter("r1", "S.Line", "3")));
            runs.finish("r1", RunState.DEAD_LETTERS, 1, "done");
            runs.start("r2", "specs/a.yaml", "src", "dst", "data");

            List<Runs.Summary> summaries = runs.summaries(10);
            assertThat(summaries).extracting(s -> s.run().runId()).containsExactly("r2", "r1");
            Runs.Summary r1 = summaries.get(1);
            assertThat(r1.run().exitCode()).isEqualTo(1);
            assertThat(r1.run().state()).isEqualTo(RunState.DEAD_LETTERS);
            assertThat(r1.run().finishedAt()).isNotNull();
            assertThat(List.of(r1.read(), r1.inserted(), r1.matched(), r1.skipped(), r1.deadLetters()))
                    .as("data phase only; the statics' 7 matched records are not rows").containsExactly(150L, 138L, 4L, 5L, 3L);
            Runs.Summary r2 = summaries.get(0);
            assertThat(r2.run().exitCode()).as("still running").isNull();
            assertThat(List.of(r2.read(), r2.deadLetters())).containsExactly(0L, 0L);
            assertThat(runs.summaries(1)).hasSize(1);

            assertThat(runs.find("r1")).get().extracting(Runs.Run::spec).isEqualTo("specs/a.yaml");
            assertThat(runs.find("nope")).isEmpty();
            assertThat(runs.figures("r1")).extracting(EntityFigures::entity).containsExactlyInAnyOrder("S.Static", "S.Order", "S.Line");
            assertThat(runs.figures("r1")).filteredOn(f -> f.entity().equals("S.Line")).singleElement()
                    .extracting(EntityFigures::inserted).isEqualTo(48L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void deadLettersFilterByRunEntityAndWhetherALaterRunResolvedThem(String engine) throws Exception {
        try (StateStore store = open(engine)) {
            store.deadLetters().write(List.of(letter("r1", "S.Order", "1"), letter("r1", "S.Line", "2"),
                    letter("r2", "S.Line", "3")));
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE OSM_DEAD_LETTER SET RESOLVED_BY_RUN = 'r3' WHERE SOURCE_ID = '2'");
            }
            DeadLetterStore letters = store.deadLetters();
            assertThat(letters.list(null)).extracting(DeadLetter::sourceId).containsExactly("1", "2", "3");
            assertThat(letters.list("r1", null, false)).extracting(DeadLetter::sourceId).containsExactly("1", "2");
            assertThat(letters.list(null, "S.Line", false)).extracting(DeadLetter::sourceId).containsExactly("2", "3");
            assertThat(letters.list(null, null, true)).extracting(DeadLetter::sourceId).containsExactly("1", "3");
            assertThat(letters.list("r1", "S.Line", true)).isEmpty();
            assertThat(letters.list("r1", "S.Line", false)).singleElement().extracting(DeadLetter::resolvedByRun).isEqualTo("r3");
        }
    }

    private static DeadLetter letter(String run, String entity, String sourceId) {
        return new DeadLetter(0, run, "data", entity, sourceId, "data", "java.sql.SQLException", "22001", 8152, "too long",
                "{\"ID\":" + sourceId + "}", null, Instant.now());
    }
}
