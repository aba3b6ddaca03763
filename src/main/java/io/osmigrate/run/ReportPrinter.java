package io.osmigrate.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.osmigrate.events.SubscriptionFigures;
import io.osmigrate.phases.VerifyPhase;
import io.osmigrate.pipeline.ValueCheck;
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
        if (!r.reconciliation().isEmpty()) {
            reconciliation(out, r.reconciliation());
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

    /** The comparison by value: a line per entity, then the rows it lists, each differing column on a line. */
    private static void reconciliation(StringBuilder out, List<ValueCheck> checks) {
        Integer sample = checks.get(0).sample();
        out.append("\nReconciliation by value (moved rows mapped again and compared with their destination rows; ")
                .append(sample == null ? "every moved row" : "at most " + TextTable.count(sample) + " rows per table")
                .append(")\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"entity", "compared", "differing", "missing", "not comparable"});
        for (ValueCheck c : checks) {
            rows.add(new String[] {c.entity(), TextTable.count(c.compared()), TextTable.count(c.differing()),
                TextTable.count(c.missing()), TextTable.count(c.notComparable())});
        }
        TextTable.render(out, "  ", rows, i -> i >= 1);
        if (checks.stream().noneMatch(ValueCheck::differs)) {
            out.append("  Every compared row holds its source's values.\n");
            return;
        }
        for (ValueCheck c : checks.stream().filter(ValueCheck::differs).toList()) {
            long total = c.differing() + c.missing();
            out.append("  WARNING ").append(c.entity()).append(": ").append(TextTable.count(c.differing()))
                    .append(" rows differ from their source and ").append(TextTable.count(c.missing()))
                    .append(" are missing from the destination")
                    .append(total > c.differences().size() ? " (the first " + c.differences().size() + " listed)" : "")
                    .append('\n');
            for (ValueCheck.Difference d : c.differences()) {
                out.append("    source id ").append(d.sourceId()).append(" → destination id ").append(d.destinationId())
                        .append(d.missing() ? ": missing" : ":").append('\n');
                for (ValueCheck.Column col : d.columns()) {
                    out.append("      ").append(col.attribute()).append(": source ").append(shown(col.mappedSourceValue()))
                            .append(", destination ").append(shown(col.destinationValue())).append('\n');
                }
            }
        }
        out.append("  A row differs when its source changed since it was moved (run --refresh brings it up to date), or when"
                + " its destination row was changed outside osmigrate; a missing row was deleted from the destination"
                + " (--fresh moves every row again). Source values are shown as osmigrate writes them: mapped, anonymised.\n");
    }

    /** Text quoted, so the empty text and NULL read apart. */
    private static String shown(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

}
