package io.osmigrate.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.osmigrate.pipeline.VerifyPhase;
import io.osmigrate.state.EntityFigures;

/** Writes a run report for a person: per-entity figures, the reconciliation, the outcome. */
public final class ReportPrinter {

    private ReportPrinter() {
    }

    public static String print(RunReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(r.runId()).append(" of spec ").append(r.spec()).append(": ").append(r.source()).append(" → ")
                .append(r.destination()).append('\n');
        if (!r.entities().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"phase", "entity", "read", "inserted", "matched", "skipped", "dead-lettered", "nulled",
                "deferred", "deleted", "seconds", "rows/s"});
            for (EntityFigures f : r.entities()) {
                rows.add(new String[] {f.phase(), f.entity(), n(f.read()), n(f.inserted()), n(f.matched()), n(f.skipped()),
                    n(f.deadLettered()), n(f.nulled()), n(f.deferredUpdates()), n(f.deleted()),
                    String.format(Locale.ROOT, "%.2f", f.duration().toNanos() / 1e9),
                    String.format(Locale.ROOT, "%,.0f", f.rowsPerSecond())});
            }
            table(out, rows);
        }
        if (!r.users().isEmpty()) {
            UsersReport.print(out, r.users());
        }
        if (!r.verify().isEmpty()) {
            out.append("\nVerification\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"entity", "source rows", "in key map", "orphan references"});
            for (VerifyPhase.Check c : r.verify()) {
                String orphans = c.orphans().isEmpty() ? "0" : c.orphans().stream()
                        .map(o -> o.attribute() + ": " + n(o.count())).reduce((a, b) -> a + ", " + b).orElse("");
                rows.add(new String[] {c.entity(), n(c.sourceRows()), n(c.mapped()), orphans});
            }
            table(out, rows);
            out.append(r.orphans() == 0 ? "  No orphan references.\n" : "  " + n(r.orphans()) + " orphan references!\n");
        }
        out.append('\n').append(r.state()).append(" (exit code ").append(r.exitCode()).append(")");
        if (r.deadLetters() > 0) {
            out.append(": ").append(n(r.deadLetters())).append(" dead letters; list them with: dead-letters --run ").append(r.runId());
        }
        if (r.message() != null && !r.message().isBlank()) {
            out.append("\n").append(r.message());
        }
        if (r.reportFile() != null) {
            out.append("\nReport: ").append(r.reportFile());
        }
        return out.append('\n').toString();
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static void table(StringBuilder out, List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        });
        for (int row = 0; row < rows.size(); row++) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < w.length; i++) {
                String cell = rows.get(row)[i];
                boolean left = i < 2 || row == 0;
                line.append(left ? String.format("%-" + w[i] + "s", cell) : String.format("%" + w[i] + "s", cell)).append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
