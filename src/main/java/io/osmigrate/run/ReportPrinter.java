package io.osmigrate.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.osmigrate.events.SubscriptionFigures;
import io.osmigrate.phases.VerifyPhase;
import io.osmigrate.state.EntityFigures;
import io.osmigrate.text.TextTable;

/** Writes a run report for a person: per-entity figures, the reconciliation, the outcome. */
public final class ReportPrinter {

    private ReportPrinter() {
    }

    public static String print(RunReport r) {
        StringBuilder out = new StringBuilder();
        // a run whose plan is blocked never starts, so it has no id
        out.append(r.runId() == null ? "Not run: spec " : "Run " + r.runId() + " of spec ").append(r.spec()).append(": ")
                .append(r.source()).append(" → ").append(r.destination()).append('\n');
        if (!r.entities().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"phase", "entity", "read", "inserted", "matched", "skipped", "dead-lettered", "nulled",
                "updated", "deleted", "seconds", "rows/s"});
            for (EntityFigures f : r.entities()) {
                rows.add(new String[] {f.phase(), f.entity(), TextTable.count(f.read()), TextTable.count(f.inserted()), TextTable.count(f.matched()), TextTable.count(f.skipped()),
                    TextTable.count(f.deadLettered()), TextTable.count(f.nulled()), TextTable.count(f.deferredUpdates()), TextTable.count(f.deleted()),
                    String.format(Locale.ROOT, "%.2f", f.duration().toNanos() / 1e9),
                    String.format(Locale.ROOT, "%,.0f", f.rowsPerSecond())});
            }
            TextTable.render(out, "  ", rows, i -> i >= 2);
        }
        if (!r.users().isEmpty()) {
            UsersReport.print(out, r.users());
        }
        if (!r.subscriptions().isEmpty()) {
            out.append("\nBPT subscriptions of the destination (taken out by triggers-off, put back by events; events-added: the"
                    + " source's subscriptions of moved activities, remapped)\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"phase", "event table", "entity", "rows", "saved", "deleted", "put back", "already there",
                "not put back"});
            for (SubscriptionFigures f : r.subscriptions()) {
                rows.add(new String[] {f.phase(), f.eventTable(), f.entity(), TextTable.count(f.rows()), TextTable.count(f.saved()),
                    TextTable.count(f.deleted()), TextTable.count(f.putBack()), TextTable.count(f.alreadyThere()),
                    TextTable.count(f.notPutBack())});
            }
            TextTable.render(out, "  ", rows, i -> i >= 3);
        }
        if (!r.eventsNotRestored().isEmpty()) {
            out.append("\nSubscriptions not put back (kept in the state store as DROPPED)\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"event table", "entity", "why"});
            r.eventsNotRestored().forEach(e -> rows.add(new String[] {e.eventTable(), e.entity(), e.reason()}));
            TextTable.render(out, "  ", rows, i -> false);
        }
        if (!r.verify().isEmpty()) {
            out.append("\nVerification\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"entity", "source rows", "in key map", "destination rows", "orphan references"});
            for (VerifyPhase.Check c : r.verify()) {
                String orphans = c.orphans().isEmpty() ? "0" : c.orphans().stream()
                        .map(o -> o.attribute() + ": " + TextTable.count(o.count())).reduce((a, b) -> a + ", " + b).orElse("");
                rows.add(new String[] {c.entity(), TextTable.count(c.sourceRows()), TextTable.count(c.mapped()),
                    TextTable.count(c.destinationRows()), orphans});
            }
            TextTable.render(out, "  ", rows, i -> i >= 2);
            out.append(r.orphans() == 0 ? "  No orphan references.\n" : "  " + TextTable.count(r.orphans()) + " orphan references!\n");
            for (VerifyPhase.Check c : r.verify()) {
                if (c.destinationLostRows()) {
                    out.append("  WARNING ").append(c.entity()).append(": the key map pairs ").append(TextTable.count(c.mapped()))
                            .append(" rows but the destination table holds ").append(TextTable.count(c.destinationRows()))
                            .append(": rows osmigrate wrote are gone (deleted, or the destination was restored);")
                            .append(" run with --fresh to move them again\n");
                }
            }
        }
        out.append('\n').append(r.state()).append(" (exit code ").append(r.exitCode()).append(")");
        if (r.deadLetters() > 0) {
            out.append(": ").append(TextTable.count(r.deadLetters())).append(" dead letters; list them with: dead-letters --run ").append(r.runId());
        }
        if (r.message() != null && !r.message().isBlank()) {
            out.append("\n").append(r.message());
        }
        if (r.reportFile() != null) {
            out.append("\nReport: ").append(r.reportFile());
        }
        return out.append('\n').toString();
    }

}
