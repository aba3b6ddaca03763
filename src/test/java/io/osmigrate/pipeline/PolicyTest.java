package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.osmigrate.config.ConfigException;
import io.osmigrate.dialect.ErrorKind;

/** The named policies and words of the pipeline, each on its own. */
class PolicyTest {

    @Test
    void onlyTransientFailuresAreRetried() {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(500), 2);
        assertThat(Arrays.stream(ErrorKind.values()).filter(retry::retries))
                .containsExactlyInAnyOrder(ErrorKind.DEADLOCK, ErrorKind.LOCK_TIMEOUT, ErrorKind.CONNECTION);
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deadLetterReasonsKeepTheirWordsForRowsTheDestinationRejects() {
        // the words are stored in OSM_DEAD_LETTER and read by people and scripts: they must not drift
        assertThat(Arrays.stream(DeadLetterReason.values()).map(DeadLetterReason::wire)).containsExactly("parent-failed",
                "parent-missing", "lookup-unmatched", "static-unmatched", "tenant-unmatched", "user-unmatched",
                "definition-unmatched", "group-unmatched", "reference-to-skipped", "unique-violation", "foreign-key-violation", "data");
        assertThat(DeadLetterReason.of(ErrorKind.UNIQUE_VIOLATION)).isEqualTo(DeadLetterReason.UNIQUE_VIOLATION);
        assertThat(DeadLetterReason.of(ErrorKind.FOREIGN_KEY_VIOLATION)).isEqualTo(DeadLetterReason.FOREIGN_KEY_VIOLATION);
        assertThat(DeadLetterReason.of(ErrorKind.DATA)).isEqualTo(DeadLetterReason.DATA);
        for (ErrorKind notARow : List.of(ErrorKind.DEADLOCK, ErrorKind.CONNECTION, ErrorKind.OTHER)) {
            assertThatThrownBy(() -> DeadLetterReason.of(notARow)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aRunIsAskedForPhasesNeverForTheStepsOfOne() {
        assertThat(Phase.parse(" Data ")).isEqualTo(Phase.DATA);
        assertThat(Phase.parse("Triggers-Off")).isEqualTo(Phase.TRIGGERS_OFF);
        assertThat(Arrays.stream(Phase.values()).filter(Phase::selectable).map(Phase::wire))
                .containsExactly("statics", "triggers-off", "users", "clean", "bpt", "data", "events", "verify");
        assertThatThrownBy(() -> Phase.parse("deferred")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown phase 'deferred'")
                .hasMessageContaining("statics, triggers-off, users, clean, bpt, data, events, verify");
        assertThatThrownBy(() -> Phase.parse("triggers_off")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> Phase.parse("lookup")).isInstanceOf(ConfigException.class);
    }

    @Test
    void aStopRequestKeepsItsFirstReasonAndIsSeenBetweenSteps() {
        StopSignal stop = new StopSignal();
        stop.check("anything"); // nothing asked yet
        stop.request("SIGTERM");
        stop.request("the host is stopping");
        assertThat(stop.reason()).isEqualTo("SIGTERM");
        assertThatThrownBy(() -> stop.check("OrdersCore.Order")).isInstanceOf(RunStoppedException.class)
                .hasMessageContaining("stopped (SIGTERM) before OrdersCore.Order").hasMessageContaining("resume");
    }
}
