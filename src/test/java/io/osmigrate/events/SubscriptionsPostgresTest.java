package io.osmigrate.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.osmigrate.pipeline.Phase;
import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;
import io.osmigrate.testsupport.Subscriptions;

/**
 * Triggers-off and events on PostgreSQL, whose sample destination has the platform's triggers: a full run
 * queues nothing, and the same writes without triggers-off do queue events (so the check can fail).
 */
class SubscriptionsPostgresTest extends SubscriptionsContract {

    @Override
    MigrationFixture fixture(Path dir, SampleOptions options) throws Exception {
        return MigrationFixture.postgres(dir, options);
    }

    @Test
    void withoutTriggersOffTheSameWritesQueueEvents() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS))) {
            RunReport report = f.run(new RunOptions(List.of(Phase.USERS, Phase.DATA), false));
            assertThat(report.exitCode()).as(report.message()).isZero();
            assertThat(figure(report, "data", "OrdersCore.Order", e -> e.inserted())).isPositive();
            assertThat(Subscriptions.queued(f)).isGreaterThanOrEqualTo(figure(report, "data", "OrdersCore.Order", e -> e.inserted()));
        }
    }
}
