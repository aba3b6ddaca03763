package io.osmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.osmigrate.app.ExitCode;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.state.DeadLetter;
import io.osmigrate.testsupport.MigrationFixture;

/** Replay end to end on H2 (MODE=MSSQLServer) files; and what only needs one engine: --entity, and bad arguments. */
class ReplayH2Test extends ReplayContract {

    @Override
    MigrationFixture fixture(Path dir, SampleOptions options) throws Exception {
        return MigrationFixture.h2(dir, options);
    }

    /**
     * Two causes in one run: coupons in conflict with the destination's, and orders of a status the destination does
     * not have. Replaying the coupons' entity takes the coupons and the rows dead-lettered because of a failed parent,
     * not the orders of the other cause; a line whose order stays dead-lettered fails again as "parent failed".
     */
    @Test
    void anEntitysReplayTakesItsDeadLettersAndThoseOfTheRowsThatFailedBecauseOfThem() throws Exception {
        try (MigrationFixture f = fixture(dir, SampleOptions.of(ROWS).withConflictingCoupons(true).withUnmatchedStaticRecord(true))
                .addMissingUsersToDestination()) {
            f.spec(MigrationFixture.BASE_SPEC.replace("scope:", "statics:\n  unmatched: dead-letter\nscope:"));
            Map<String, Long> before = f.destinationCounts();
            RunReport first = f.run();
            assertThat(first.exitCode()).as(first.message()).isEqualTo(ExitCode.DEAD_LETTERS.code());
            List<DeadLetter> letters = letters(f, first.runId());
            assertThat(letters).anyMatch(d -> d.reason().equals("static-unmatched"));

            CliRun.Result unknownRun = replay(f, "20990101-000000-deadbeef");
            assertThat(unknownRun.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR.code());
            assertThat(unknownRun.err()).contains("there is no run 20990101-000000-deadbeef");
            CliRun.Result unknownEntity = replay(f, first.runId(), "--entity", "OrdersCore.Voucher");
            assertThat(unknownEntity.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR.code());
            assertThat(unknownEntity.err()).contains("--entity OrdersCore.Voucher is not an entity", "OrdersCore.Coupon");
            assertThat(letters(f, first.runId())).allSatisfy(d -> assertThat(d.resolvedByRun()).isNull());

            try (Connection dst = f.writableDestination(); Statement s = dst.createStatement()) {
                // the destination's own coupons are those the key map pairs with none
                s.executeUpdate("UPDATE OSUSR_Q9Z_COUPON SET CODE = CONCAT('QA-', CODE) WHERE CODE IN ("
                        + String.join(", ", letters.stream().filter(d -> d.entity().equals("OrdersCore.Coupon"))
                                .map(d -> "'" + code(d) + "'").toList()) + ")");
            }
            CliRun.Result coupons = replay(f, first.runId(), "--entity", "OrdersCore.Coupon");
            String replayId = runId(coupons);
            List<DeadLetter> after = letters(f, first.runId());
            List<DeadLetter> again = letters(f, replayId);
            assertThat(after).filteredOn(d -> d.entity().equals("OrdersCore.Coupon"))
                    .allSatisfy(d -> assertThat(d.resolvedByRun()).isEqualTo(replayId));
            assertThat(after).filteredOn(d -> d.reason().equals("static-unmatched"))
                    .isNotEmpty().allSatisfy(d -> assertThat(d.resolvedByRun()).isNull());
            assertThat(again).noneMatch(d -> d.reason().equals("static-unmatched"))
                    .allSatisfy(d -> assertThat(d.reason()).isEqualTo("parent-failed"));
            // a BPT value text's dead letter is not downstream of a coupon by any reference: it stays open
            for (DeadLetter d : after.stream().filter(d -> d.reason().equals("parent-failed")
                    && !d.entity().startsWith("ServiceCenter.")).toList()) {
                boolean failedAgain = again.stream().anyMatch(a -> a.entity().equals(d.entity()) && a.sourceId().equals(d.sourceId()));
                assertThat(d.resolvedByRun()).as(d.entity() + " " + d.sourceId()).isEqualTo(failedAgain ? null : replayId);
            }
            // the lines of the orders whose status has no twin: their orders stay dead-lettered
            assertThat(again).isNotEmpty();
            assertThat(coupons.exitCode()).isEqualTo(ExitCode.DEAD_LETTERS.code());
            assertThat(after).filteredOn(d -> d.reason().equals("parent-failed") && d.resolvedByRun() != null).isNotEmpty();
            assertThat(unpaired(f, after.stream().filter(d -> d.resolvedByRun() != null).toList())).isEmpty();
            assertThat(f.check(before).problems()).isEmpty();
        }
    }

    /** The Code of a dead-lettered coupon, from its stored source row. */
    private static String code(DeadLetter d) {
        try {
            var row = new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.sourceRow());
            String name = java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(row.fieldNames(), 0),
                    false).filter(n -> n.equalsIgnoreCase("Code")).findFirst().orElseThrow();
            return row.get(name).asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
