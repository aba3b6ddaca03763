package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.osmigrate.dialect.Dialect;

/**
 * The SQL conditions that select the rows a clean deletes: all of an in-scope table's rows, and the rows of
 * a consumer table that reference a row the clean deletes (transitively). The clean phase deletes by them;
 * other phases use them to tell rows the clean removes from rows it keeps. Stateless.
 */
public final class CleanConditions {

    private CleanConditions() {
    }

    /**
     * The condition, on {@code step}'s table, that is true for exactly the rows the clean deletes ("1 = 1" for a
     * step that deletes every row).
     */
    public static String deletedRows(CleanStep step, List<CleanStep> steps, Dialect d) {
        if (step.action() == CleanStep.Action.DELETE_ALL) {
            return "1 = 1";
        }
        return predicate(step, deleting(steps), d);
    }

    /** The deleting steps by entity. */
    public static Map<String, CleanStep> deleting(List<CleanStep> steps) {
        Map<String, CleanStep> byEntity = new HashMap<>();
        steps.stream().filter(s -> s.action() != CleanStep.Action.NULL_DEFERRED)
                .forEach(s -> byEntity.put(s.entity().qualifiedName(), s));
        return byEntity;
    }

    /** The rows of a consumer step: any of its references points at a row the clean deletes. */
    public static String predicate(CleanStep step, Map<String, CleanStep> byEntity, Dialect d) {
        List<String> parts = new ArrayList<>();
        for (CleanStep.Condition c : step.conditions()) {
            CleanStep parent = byEntity.get(c.parent().qualifiedName());
            if (parent == null || parent.action() == CleanStep.Action.DELETE_ALL) {
                parts.add(d.quote(c.column()) + " IS NOT NULL");
            } else {
                parts.add(d.quote(c.column()) + " IN (SELECT " + d.quote(parent.idColumn()) + " FROM " + d.quote(parent.table())
                        + " WHERE " + predicate(parent, byEntity, d) + ")");
            }
        }
        return "(" + String.join(" OR ", parts) + ")";
    }
}
