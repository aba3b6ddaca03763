package io.osmigrate.run;

import java.util.ArrayList;
import java.util.List;

import io.osmigrate.text.TextTable;
import io.osmigrate.users.UsersFigures;

/** The users section of a printed run report: what the users phase did, per source tenant. */
final class UsersReport {

    private UsersReport() {
    }

    static void print(StringBuilder out, List<UsersFigures> users) {
        out.append("\nUsers (users phase, per source tenant)\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"tenant", "in scope", "matched", "updated", "recreated", "created", "mapped", "default user",
            "empty", "dead-letter", "user roles", "groups", "group roles", "group users"});
        for (UsersFigures f : users) {
            rows.add(new String[] {f.tenant() + (f.tenantCreated() ? " (tenant created)" : ""), TextTable.count(f.inScope()),
                TextTable.count(f.matched()), TextTable.count(f.updated()), TextTable.count(f.recreated()),
                TextTable.count(f.created()), TextTable.count(f.mapped()), TextTable.count(f.defaultUser()),
                TextTable.count(f.nulled()), TextTable.count(f.deadLettered()), TextTable.count(f.userRoles()),
                TextTable.count(f.groups()), TextTable.count(f.groupRoles()), TextTable.count(f.groupUsers())});
        }
        TextTable.render(out, "  ", rows, i -> i >= 1);
        int withoutPassword = users.stream().mapToInt(UsersFigures::withoutPassword).sum();
        if (withoutPassword > 0) {
            out.append("  ").append(TextTable.count(withoutPassword)).append(withoutPassword == 1 ? " user was" : " users were")
                    .append(" created without a usable password (users.passwords: keep-out): set one in the destination"
                            + " before they log in.\n");
        }
    }
}
