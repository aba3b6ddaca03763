package io.osmigrate.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * A destination column that no active attribute claims and that is NOT NULL without a default would fail
 * every insert: the plan must block on it, and only on it, on each engine's real catalog.
 */
class StaleColumnsTest {

    @TempDir
    Path dir;

    @Test
    void h2() throws Exception {
        check(MigrationFixture.h2(dir, SampleOptions.of(100)));
    }

    @Test
    void postgres() throws Exception {
        check(MigrationFixture.postgres(dir, SampleOptions.of(100)));
    }

    private static void check(MigrationFixture fixture) throws Exception {
        try (fixture) {
            Plan before = fixture.plan();
            assertThat(before.runnable()).as(before.findings().toString()).isTrue();
            String table = before.entity("SupportCore.Ticket").orElseThrow().destinationTable();
            try (Connection c = fixture.writableDestination(); Statement s = c.createStatement()) {
                String t = "\"" + table + "\"";
                s.execute("ALTER TABLE " + t + " ADD COLUMN LEGACY_CODE VARCHAR(20) DEFAULT 'x' NOT NULL");
                s.execute("ALTER TABLE " + t + " ALTER COLUMN LEGACY_CODE DROP DEFAULT");
                s.execute("ALTER TABLE " + t + " ADD COLUMN LEGACY_NOTE VARCHAR(20)");
                s.execute("ALTER TABLE " + t + " ADD COLUMN LEGACY_FLAG INT DEFAULT 0 NOT NULL");
            }
            Plan plan = fixture.plan();
            assertThat(plan.runnable()).isFalse();
            assertThat(plan.errors()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo("stale-column-not-null");
                assertThat(f.message()).containsIgnoringCase("column legacy_code of table " + table)
                        .contains("SupportCore.Ticket", "NOT NULL without a default", "Drop the column", "give it a default");
            });
        }
    }
}
