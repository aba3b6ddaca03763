package io.osmigrate.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.osmigrate.dialect.Dialect;
import io.osmigrate.env.Environment;
import io.osmigrate.metamodel.Attribute;
import io.osmigrate.metamodel.Entity;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.plan.CleanConditions;
import io.osmigrate.plan.CleanStep;

/**
 * Finds the destination rows that would stop users from being recreated: rows of any entity (application
 * or system) whose User attribute references one of them, except the rows the clean phase deletes first
 * and the users' own user roles and group memberships, which the users phase moves to the recreated
 * users. Reads only.
 */
final class RecreateGuard {

    /** The links the users phase moves from a deleted user to the one it creates again. */
    private static final Set<String> OWN_LINKS = Set.of("OSSYS_USER_ROLE", "OSSYS_GROUP_USER");
    private static final int CHUNK = 500;

    /** Rows of one attribute that reference users to recreate. */
    record Blocker(String attribute, String table, long rows) {
    }

    private RecreateGuard() {
    }

    /**
     * @param clean the clean phase's steps when it runs before the users are recreated; empty when it does not
     *              run (or has already run)
     */
    static List<Blocker> find(Environment env, Metamodel destination, List<CleanStep> clean, Collection<Long> userIds) {
        List<Blocker> result = new ArrayList<>();
        if (userIds.isEmpty()) {
            return result;
        }
        Optional<Entity> user = destination.systemEntityByTable(Metamodel.USER_TABLE);
        if (user.isEmpty()) {
            return result;
        }
        Dialect d = env.dialect();
        List<Long> ids = List.copyOf(userIds);
        for (Entity e : destination.allEntities().stream().sorted(java.util.Comparator.comparing(Entity::qualifiedName)).toList()) {
            Optional<String> table = env.catalog().table(e.physicalTable());
            if (table.isEmpty() || OWN_LINKS.contains(table.get().toUpperCase(java.util.Locale.ROOT))) {
                continue;
            }
            Optional<CleanStep> step = clean.stream().filter(s -> s.action() != CleanStep.Action.NULL_DEFERRED
                    && s.table().equalsIgnoreCase(table.get())).findFirst();
            if (step.isPresent() && step.get().action() == CleanStep.Action.DELETE_ALL) {
                continue;
            }
            String kept = step.map(s -> " AND CASE WHEN " + CleanConditions.deletedRows(s, clean, d) + " THEN 1 ELSE 0 END = 0")
                    .orElse("");
            for (Attribute a : e.attributes()) {
                if (!a.isReference() || !user.get().key().equals(a.type().target())) {
                    continue;
                }
                Optional<String> column = env.catalog().column(table.get(), a.column()).map(c -> c.name());
                if (column.isPresent()) {
                    long rows = count(env, table.get(), column.get(), kept, ids);
                    if (rows > 0) {
                        result.add(new Blocker(e.qualifiedName() + "." + a.name(), table.get(), rows));
                    }
                }
            }
        }
        return result;
    }

    private static long count(Environment env, String table, String column, String kept, List<Long> ids) {
        Dialect d = env.dialect();
        long total = 0;
        try (Connection c = env.dataSource().getConnection()) {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                String sql = "SELECT COUNT(*) FROM " + d.quote(table) + " WHERE " + d.quote(column) + " IN ("
                        + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")" + kept;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total += rs.getLong(1);
                    }
                }
            }
        } catch (SQLException e) {
            throw env.failure("cannot count the rows of " + table + " that reference users to recreate", e,
                    "Check that the user may read it");
        }
        return total;
    }
}
