package io.osmigrate.plan;

import io.osmigrate.text.TextTable;
import java.util.ArrayList;
import java.util.List;

/** Writes the users part of a plan for a person: per tenant, unmatched users, duplicates, role coverage, groups. */
final class UsersPlanPrinter {

    private static final int SHOWN = 20;

    private UsersPlanPrinter() {
    }

    static void print(StringBuilder out, UsersPlan u) {
        out.append("\nUsers (select ").append(u.select().wire()).append(", strategy ").append(u.strategy().wire())
                .append(", unmatched ").append(u.unmatchedPolicy().wire()).append(", match by ").append(u.matchBy().wire())
                .append(u.mappingFile() ? " after the mapping file" : "").append(", passwords ").append(u.passwords().wire())
                .append(u.anonymized() ? ", anonymised" : "").append(", role links ").append(u.roleLinks().wire()).append(")\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"tenant", "destination", "in scope", "matched", "to update", "to recreate", "mapped", "to create",
            "default user", "empty", "dead-letter"});
        for (UsersPlan.TenantUsers t : u.tenants()) {
            rows.add(new String[] {t.tenant(), t.destination(), TextTable.count(t.inScope()), TextTable.count(t.matched()), TextTable.count(t.toUpdate()),
                TextTable.count(t.toRecreate()), TextTable.count(t.mapped()), TextTable.count(t.toCreate()), TextTable.count(t.toDefaultUser()), TextTable.count(t.toEmpty()), TextTable.count(t.toDeadLetter())});
        }
        if (rows.size() == 1) {
            out.append("  no user in scope\n");
        } else {
            TextTable.render(out, "  ", rows, i -> i >= 2 && i <= 10);
        }
        if (!u.unmatched().isEmpty()) {
            out.append("  Unmatched users in scope and their handling\n");
            List<String[]> un = new ArrayList<>();
            u.unmatched().stream().limit(SHOWN).forEach(x -> un.add(new String[] {x.tenant() + "/" + x.username(),
                x.handling(), x.reason()}));
            TextTable.render(out, "    ", un, i -> false);
            more(out, u.unmatched().size());
        }
        if (!u.duplicates().isEmpty()) {
            out.append("  Duplicates (same tenant and ").append(u.matchBy().wire().replace('-', ' '))
                    .append("; picked: the active one, then the latest login, then the lowest id)\n");
            List<String[]> d = new ArrayList<>();
            u.duplicates().stream().limit(SHOWN).forEach(x -> d.add(new String[] {x.side(), x.tenant() + "/" + x.key(),
                "ids " + String.join(", ", x.ids().stream().map(String::valueOf).toList()), "picked " + x.picked(),
                x.inScope() ? "in scope" : ""}));
            TextTable.render(out, "    ", d, i -> false);
            more(out, u.duplicates().size());
        }
        if (u.itUsers().referenced() > 0) {
            out.append("  IT users (ServiceCenter tenant, never moved) referenced: ").append(TextTable.count(u.itUsers().referenced()))
                    .append(", matched: ").append(TextTable.count(u.itUsers().matched())).append('\n');
        }
        if (!u.roles().isEmpty()) {
            out.append("  Role coverage (roles matched by module and role SS_Keys, never created)\n");
            List<String[]> r = new ArrayList<>();
            r.add(new String[] {"role", "in destination", "user roles", "group roles", "links"});
            u.roles().forEach(x -> r.add(new String[] {x.role(), x.inDestination() ? "yes" : "NO", TextTable.count(x.userRoles()),
                TextTable.count(x.groupRoles()), x.linked() ? "created where missing" : x.inDestination() ? "not created (roleLinks)"
                    : "not created (no such role)"}));
            TextTable.render(out, "    ", r, i -> i >= 2 && i <= 3);
        }
        if (!u.groups().isEmpty()) {
            out.append("  Groups (matched by name and tenant)\n");
            List<String[]> g = new ArrayList<>();
            u.groups().forEach(x -> g.add(new String[] {x.tenant() + "/" + x.name(), x.exists() ? "exists" : "to create",
                x.members() + (x.members() == 1 ? " member" : " members") + " in scope, " + x.roles()
                    + (x.roles() == 1 ? " role" : " roles")}));
            TextTable.render(out, "    ", g, i -> false);
        }
    }

    private static void more(StringBuilder out, int total) {
        if (total > SHOWN) {
            out.append("    … and ").append(TextTable.count(total - SHOWN)).append(" more (all of them are in the plan JSON)\n");
        }
    }

}
