package io.osmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.app.ExitCode;
import io.osmigrate.plan.Plan;
import io.osmigrate.run.ReportFiles;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.MapKind;
import io.osmigrate.state.StateStore;
import io.osmigrate.testsupport.MigrationCheck;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * What {@code replay} promises, on each engine: a run dead-letters coupons whose Code a destination coupon already
 * has (and the orders and lines that reference them, "parent failed"), and addresses whose City is too long for the
 * destination (and the customers' deferred references to them); replayed before the causes are fixed, they fail
 * again, dead-lettered by the replay, and the originals stay open; once the destination's coupons are renamed, a
 * replay moves every one of them, read again from the source, and the destination is compared row by row with the
 * source; each replayed dead letter is resolved by the replay, and replaying again moves nothing.
 */
abstract class ReplayContract {

    static final long ROWS = 150;
    private static final Pattern RUN_ID = Pattern.compile("Run (\\S+) of spec");

    @TempDir
    Path dir;

    abstract MigrationFixture fixture(Path dir, SampleOptions options) throws Exception;

    @Test
    void aReplayMovesTheDeadLettersOnceTheCauseIsFixedAndResolvesThem() throws Exception {
        try (MigrationFixture f = fixture(dir, SampleOptions.of(ROWS).withConflictingCoupons(true)).addMissingUsersToDestination()) {
            List<Object> destinationCoupons = column(f, "SELECT ID FROM OSUSR_Q9Z_COUPON");
            // a second cause: the destination's City is too short for some addresses, which customers reference
            // through a deferred reference (the Customer-Address cycle)
            alter(f, "ALTER TABLE OSUSR_Q9Z_ADDRESS ALTER COLUMN CITY SET DATA TYPE VARCHAR(7)");
            Map<String, Long> before = f.destinationCounts();
            RunReport first = f.run();
            assertThat(first.exitCode()).as(first.message()).isEqualTo(ExitCode.DEAD_LETTERS.code());
            List<DeadLetter> letters = letters(f, first.runId());
            assertThat(letters).filteredOn(d -> d.entity().equals("OrdersCore.Coupon")).hasSize(3)
                    .allSatisfy(d -> assertThat(d.reason()).isEqualTo("unique-violation"));
            assertThat(letters).filteredOn(d -> d.entity().equals("OrdersCore.Order")).isNotEmpty()
                    .allSatisfy(d -> assertThat(d.reason()).isEqualTo("parent-failed"));
            assertThat(letters).filteredOn(d -> d.entity().equals("OrdersCore.Address")).isNotEmpty()
                    .allSatisfy(d -> assertThat(d.reason()).isEqualTo("data"));
            assertThat(letters).filteredOn(d -> d.phase().equals("deferred")).isNotEmpty()
                    .allSatisfy(d -> assertThat(d.entity()).isEqualTo("OrdersCore.Customer"));

            // the cause is still there: every row fails again, dead-lettered by the replay; the originals stay open
            CliRun.Result early = replay(f, first.runId());
            assertThat(early.exitCode()).as(early.out() + early.err()).isEqualTo(ExitCode.DEAD_LETTERS.code());
            String earlyId = runId(early);
            assertThat(keys(letters(f, earlyId))).isEqualTo(keys(letters));
            assertThat(letters(f, first.runId())).allSatisfy(d -> assertThat(d.resolvedByRun()).isNull());

            try (Connection dst = f.writableDestination(); Statement s = dst.createStatement()) {
                for (Object id : destinationCoupons) {
                    s.executeUpdate("UPDATE OSUSR_Q9Z_COUPON SET CODE = CONCAT('QA-', CODE) WHERE ID = '" + id + "'");
                }
            }
            alter(f, "ALTER TABLE OSUSR_Q9Z_ADDRESS ALTER COLUMN CITY SET DATA TYPE VARCHAR(100)");
            CliRun.Result fixed = replay(f, first.runId());
            assertThat(fixed.exitCode()).as(fixed.out() + fixed.err()).isZero();
            String fixedId = runId(fixed);
            assertThat(fixed.out()).contains("replay of run " + first.runId() + ": " + letters.size()
                    + " open dead letters replayed, " + letters.size() + " resolved by this run, 0 still open");
            assertThat(letters(f, first.runId())).allSatisfy(d -> assertThat(d.resolvedByRun()).isEqualTo(fixedId));
            assertThat(letters(f, fixedId)).isEmpty();
            assertThat(letters(f, earlyId)).allSatisfy(d -> assertThat(d.resolvedByRun()).isNull());

            // the deferred references the first run could not set (their target was dead-lettered) are set now
            RunReport fixedReport = ReportFiles.read(f.dir().resolve("data/runs").resolve(fixedId).resolve("report.json")).orElseThrow();
            for (DeadLetter d : letters.stream().filter(d -> d.phase().equals("deferred")).toList()) {
                assertThat(fixedReport.entities()).anyMatch(e -> e.phase().equals("deferred") && e.entity().equals(d.entity())
                        && e.deferredUpdates() > 0);
            }
            // every replayed row is there once, paired, and equal to its source with its references remapped
            MigrationCheck.Result check = f.check(before);
            assertThat(check.problems()).isEmpty();
            assertThat(unpaired(f, letters)).isEmpty();
            // rows are inserted by the data phase, process instances' under bpt
            List<String> inserting = List.of("data", "bpt");
            long dataLetters = letters.stream().filter(d -> inserting.contains(d.phase())).count();
            assertThat(check.inserted().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(first.entities().stream().filter(e -> inserting.contains(e.phase())).mapToLong(e -> e.inserted()).sum()
                            + dataLetters);
            assertThat(count(f, "SELECT COUNT(*) FROM OSUSR_Q9Z_COUPON"))
                    .isEqualTo(destinationCoupons.size() + count(f, "SELECT COUNT(*) FROM OSUSR_A1B_COUPON", true));

            // nothing is left to replay: a second replay moves nothing; the early replay's letters resolve without a write
            List<Long> counts = List.of(count(f, "SELECT COUNT(*) FROM OSUSR_Q9Z_COUPON"),
                    count(f, "SELECT COUNT(*) FROM OSUSR_Q9Z_ORDER"), count(f, "SELECT COUNT(*) FROM OSUSR_Q9Z_ORDERLINE"));
            CliRun.Result again = replay(f, first.runId());
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("0 open dead letters replayed");
            CliRun.Result ofEarly = replay(f, earlyId);
            assertThat(ofEarly.exitCode()).as(ofEarly.out() + ofEarly.err()).isZero();
            String ofEarlyId = runId(ofEarly);
            assertThat(letters(f, earlyId)).allSatisfy(d -> assertThat(d.resolvedByRun()).isEqualTo(ofEarlyId));
            assertThat(List.of(count(f, "SELECT COUNT(*) FROM OSUSR_Q9Z_COUPON"), count(f, "SELECT COUNT(*) FROM OSUSR_Q9Z_ORDER"),
                    count(f, "SELECT COUNT(*) FROM OSUSR_Q9Z_ORDERLINE"))).isEqualTo(counts);

            CliRun.Result open = CliRun.execute("--config", f.config().toString(), "dead-letters", "--run", first.runId(), "--open");
            assertThat(open.out()).contains("0 dead letters");
        }
    }

    static CliRun.Result replay(MigrationFixture f, String runId, String... more) {
        List<String> args = new ArrayList<>(List.of("--config", f.config().toString(), "replay", runId));
        args.addAll(List.of(more));
        return CliRun.execute(args.toArray(String[]::new));
    }

    static String runId(CliRun.Result r) {
        Matcher m = RUN_ID.matcher(r.out());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        return m.group(1);
    }

    static List<DeadLetter> letters(MigrationFixture f, String runId) {
        try (StateStore state = StateStore.open("jdbc:sqlite:" + f.dir().resolve("data/state/osmigrate.db"), "", "", 1000)) {
            return state.deadLetters().list(runId);
        }
    }

    private static Set<String> keys(List<DeadLetter> letters) {
        return letters.stream().map(d -> d.phase() + " " + d.entity() + " " + d.sourceId() + " " + d.reason())
                .collect(Collectors.toSet());
    }

    /** The dead letters of the data phase whose rows have no pair in the key map. */
    static List<DeadLetter> unpaired(MigrationFixture f, List<DeadLetter> letters) {
        Plan plan = f.plan();
        List<DeadLetter> missing = new ArrayList<>();
        try (StateStore state = StateStore.open("jdbc:sqlite:" + f.dir().resolve("data/state/osmigrate.db"), "", "", 1000)) {
            KeyMap keyMap = state.keyMap();
            for (DeadLetter d : letters) {
                int scope = keyMap.scope("src", "dst", plan.entity(d.entity()).orElseThrow().entity(), MapKind.MOVED);
                Object id = d.sourceId().matches("[0-9]+") ? (Object) Long.parseLong(d.sourceId()) : d.sourceId();
                if (keyMap.lookup(scope, id) == null) {
                    missing.add(d);
                }
            }
        }
        return missing;
    }

    private static void alter(MigrationFixture f, String sql) throws Exception {
        try (Connection c = f.writableDestination(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static long count(MigrationFixture f, String sql) throws Exception {
        return count(f, sql, false);
    }

    private static long count(MigrationFixture f, String sql, boolean source) throws Exception {
        try (Connection c = source ? f.writableSource() : f.writableDestination(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Object> column(MigrationFixture f, String sql) throws Exception {
        List<Object> values = new ArrayList<>();
        try (Connection c = f.writableDestination(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getObject(1));
            }
        }
        return values;
    }
}
