package io.osmigrate.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.osmigrate.metamodel.AttributeType;
import io.osmigrate.metamodel.EntityKey;

/**
 * Remaps a batch's value texts that hold ids (BPT inputs and outputs whose SS_TYPE names an entity): one bulk
 * key-map lookup per referenced table and batch, or the in-memory user and tenant maps. A text of a plain type
 * is copied; "0" (a null identifier) stays; a text whose row was not moved, or whose entity the run does not
 * move, follows the unresolved-reference policy and, when emptied, becomes the null identifier's text. Stateless.
 */
final class ResolveValueTexts {

    private ResolveValueTexts() {
    }

    static void column(TableRun table, List<PendingRow> rows, int i, SlotSource.ValueText slot) {
        Map<EntityKey, List<PendingRow>> byTarget = new LinkedHashMap<>();
        for (PendingRow r : rows) {
            Object type = r.source.values()[slot.typeIndex()];
            AttributeType t = AttributeType.parse(type == null ? null : type.toString());
            String text = r.values[i] == null ? "" : r.values[i].toString().trim();
            if (!r.failed() && t.isReference() && !text.isEmpty() && !text.equals("0")) {
                byTarget.computeIfAbsent(t.target(), k -> new ArrayList<>()).add(r);
            }
        }
        byTarget.forEach((key, targetRows) -> remap(table, targetRows, i, slot, key));
    }

    private static void remap(TableRun table, List<PendingRow> rows, int i, SlotSource.ValueText slot, EntityKey key) {
        String attribute = table.plan().slots().get(i).attribute();
        SlotSource target = slot.targets().get(key);
        if (target instanceof SlotSource.KeyMapped k) {
            List<Object> ids = rows.stream().map(r -> id(r.values[i])).toList();
            Map<Object, Object> found = table.run().state().keyMap().lookup(k.scope(), ids);
            for (PendingRow r : rows) {
                Object id = id(r.values[i]);
                Object mapped = found.get(id);
                if (mapped != null) {
                    r.values[i] = mapped.toString();
                } else {
                    unresolved(table, r, i, slot.policy(), ResolveReferences.reason(table, k.target(), k.lookupTarget(), id),
                            attribute + " holds " + k.target().qualifiedName() + " id " + id + ", which "
                                    + ResolveReferences.explain(table, k.target(), k.lookupTarget(), id));
                }
            }
        } else if (target instanceof SlotSource.Mapped m) {
            for (PendingRow r : rows) {
                Object id = id(r.values[i]);
                Object mapped = m.map().destinationOf(id);
                if (mapped != null) {
                    r.values[i] = mapped.toString();
                } else {
                    // the users phase may have decided for this one user (users.unmatched)
                    unresolved(table, r, i, m.map().policyFor(id).orElse(slot.policy()), m.reason(),
                            attribute + ": " + m.map().whyUnmatched(id));
                }
            }
        } else {
            for (PendingRow r : rows) {
                unresolved(table, r, i, slot.policy(), DeadLetterReason.REFERENCE_TO_SKIPPED, attribute + " holds an id of the entity "
                        + key + ", which this run does not move");
            }
        }
    }

    /** Emptied, the text of a null identifier: "0" for a number, "" for a text id. */
    private static void unresolved(TableRun table, PendingRow r, int i, io.osmigrate.spec.UnresolvedPolicy policy,
                                   DeadLetterReason reason, String message) {
        Object id = id(r.values[i]);
        UnresolvedReferences.apply(table, r, i, policy, reason, message);
        if (!r.failed()) {
            r.values[i] = id instanceof Long ? "0" : "";
        }
    }

    /** The id a text holds: a number where it is one (ids of autonumber tables), else the text. */
    private static Object id(Object text) {
        String s = text.toString().trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
