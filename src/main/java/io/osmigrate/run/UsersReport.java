package io.osmigrate.run;

import java.util.ArrayList;
import java.util.List;

import io.osmigrate.users.UsersFigures;

/** The users section of a printed run report: what the users phase did, per source tenant. */
final class UsersReport {

    private UsersReport() {
    }

    /** The first column left-aligned, the figures right-aligned. */
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
                boolean left = i == 0 || row == 0;
                line.append(String.format(left ? "%-" + w[i] + "s" : "%" + w[i] + "s", rows.get(row)[i])).append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    static void print(StringBuilder out, List<UsersFigures> users) {
        out.append("\nUsers (users phase, per source tenant)\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"tenant", "in scope", "matched", "updated", "recreated", "created", "mapped", "default user",
            "empty", "dead-letter", "user roles", "groups", "group roles", "group users"});
        for (UsersFigures f : users) {
            rows.add(new String[] {f.tenant() + (f.tenantCreated() ? " (tenant created)" : ""), ReportPrinter.n(f.inScope()),
                ReportPrinter.n(f.matched()), ReportPrinter.n(f.updated()), ReportPrinter.n(f.recreated()),
                ReportPrinter.n(f.created()), ReportPrinter.n(f.mapped()), ReportPrinter.n(f.defaultUser()),
                ReportPrinter.n(f.nulled()), ReportPrinter.n(f.deadLettered()), ReportPrinter.n(f.userRoles()),
                ReportPrinter.n(f.groups()), ReportPrinter.n(f.groupRoles()), ReportPrinter.n(f.groupUsers())});
        }
        table(out, rows);
        int withoutPassword = users.stream().mapToInt(UsersFigures::withoutPassword).sum();
        if (withoutPassword > 0) {
            out.append("  ").append(ReportPrinter.n(withoutPassword)).append(withoutPassword == 1 ? " user was" : " users were")
                    .append(" created without a usable password (users.passwords: keep-out): set one in the destination"
                            + " before they log in.\n");
        }
    }
}
