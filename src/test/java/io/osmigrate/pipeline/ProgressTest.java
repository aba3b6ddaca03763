package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The progress line names the current entity and the data phase as a whole: entities, rows and ETA. */
class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theLineShowsTheCurrentEntityThenOverallProgressWithAnEta() {
        AtomicLong clock = new AtomicLong();
        try (Progress progress = new Progress(Duration.ofHours(1), false, clock::get)) {
            progress.expect(3, 1_000);
            EntityStats first = new EntityStats("Sales.Order", Phase.DATA);
            progress.start(first, 400);
            first.addRead(400);
            clock.addAndGet(10 * SECOND);
            progress.finish(first);

            EntityStats second = new EntityStats("Sales.OrderLine", Phase.DATA);
            progress.start(second, 500);
            second.addRead(100);
            clock.addAndGet(2 * SECOND);

            // 500 of 1,000 rows in 12 s: 500 more at the same pace take 12 s
            assertThat(progress.line()).isEqualTo("entity 2 of 3, Sales.OrderLine: 100 of 500 rows (50 rows/s)"
                    + " | overall 500 of 1,000 rows (50%), ETA 0:12");
        }
    }

    @Test
    void entitiesMovedAtTheSameTimeAreEachShownAndCountTogether() {
        AtomicLong clock = new AtomicLong();
        try (Progress progress = new Progress(Duration.ofHours(1), false, clock::get)) {
            progress.expect(3, 1_000);
            EntityStats lines = new EntityStats("Sales.OrderLine", Phase.DATA);
            EntityStats tickets = new EntityStats("Support.Ticket", Phase.DATA);
            progress.start(lines, 600);
            progress.start(tickets, 300);
            lines.addRead(200);
            tickets.addRead(100);
            clock.addAndGet(2 * SECOND);
            assertThat(progress.line()).isEqualTo("entities 1-2 of 3, Sales.OrderLine: 200 of 600 rows (100 rows/s);"
                    + " Support.Ticket: 100 of 300 rows (50 rows/s) | overall 300 of 1,000 rows (30%), ETA 0:05");
            tickets.addRead(200);
            progress.finish(tickets);
            assertThat(progress.line()).startsWith("entity 2 of 3, Sales.OrderLine: 200 of 600 rows")
                    .contains("overall 500 of 1,000 rows (50%)");
        }
    }

    @Test
    void withoutAPlanOnlyTheEntityIsShownAndNothingBetweenEntities() {
        AtomicLong clock = new AtomicLong();
        try (Progress progress = new Progress(Duration.ofHours(1), false, clock::get)) {
            assertThat(progress.line()).isNull();
            EntityStats only = new EntityStats("Sales.Order", Phase.DATA);
            progress.start(only, 10);
            only.addRead(5);
            clock.addAndGet(SECOND);
            assertThat(progress.line()).isEqualTo("Sales.Order: 5 of 10 rows (5 rows/s)");
        }
    }
}
