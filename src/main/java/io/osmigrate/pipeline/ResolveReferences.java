package io.osmigrate.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

import io.osmigrate.maps.TypedValues;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.plan.IdentifierKind;
import io.osmigrate.state.KeyMap;

/**
 * Resolves a batch's references through the key map, one bulk lookup per referenced table: the
 * identifier of an extension row and every key-mapped column. A reference that cannot be resolved
 * follows the unresolved-reference policy, with the reason why (its parent was dead-lettered in this
 * run, is not in the source, or a looked-up parent has no match). Stateless.
 */
final class ResolveReferences {

    private ResolveReferences() {
    }

    @SuppressWarnings("unchecked")
    static void process(Exchange exchange) {
        TableRun table = exchange.getProperty(PipelineHeaders.TABLE, TableRun.class);
        resolve(table, exchange.getIn().getBody(List.class));
    }

    static void resolve(TableRun table, List<PendingRow> rows) {
        TablePlan plan = table.plan();
        if (plan.identifier().kind() == IdentifierKind.REFERENCE) {
            identifiers(table, rows);
        }
        for (int i = 0; i < plan.slots().size(); i++) {
            if (plan.slots().get(i).source() instanceof SlotSource.KeyMapped k) {
                column(table, rows, i, k);
            } else if (plan.slots().get(i).source() instanceof SlotSource.ValueText v) {
                ResolveValueTexts.column(table, rows, i, v);
            }
        }
    }

    private static void identifiers(TableRun table, List<PendingRow> rows) {
        TableIdentifier id = table.plan().identifier();
        Map<Object, Object> found = table.run().state().keyMap().lookup(id.scope(), rows.stream().map(r -> r.source.id()).toList());
        for (PendingRow r : rows) {
            Object mapped = found.get(r.source.id());
            if (mapped == null) {
                r.fail(reason(table, id.target(), false, r.source.id()), "the identifier references " + id.target().qualifiedName()
                        + " id " + r.source.id() + ", which " + explain(table, id.target(), false, r.source.id()));
            } else {
                r.explicitId = TypedValues.id(mapped, io.osmigrate.dialect.ValueKind.of(table.plan().target().idColumn().jdbcType()));
            }
        }
    }

    private static void column(TableRun table, List<PendingRow> rows, int i, SlotSource.KeyMapped k) {
        List<Object> wanted = new ArrayList<>();
        for (PendingRow r : rows) {
            if (!r.failed() && r.values[i] != null && !k.keeps(r.values[i])) {
                wanted.add(r.values[i]);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        KeyMap keyMap = table.run().state().keyMap();
        Map<Object, Object> found = keyMap.lookup(k.scope(), wanted);
        Slot slot = table.plan().slots().get(i);
        for (PendingRow r : rows) {
            Object value = r.values[i];
            if (r.failed() || value == null || k.keeps(value)) {
                continue; // a soft key's "none" stays as it is
            }
            Object mapped = found.get(value);
            if (mapped != null) {
                r.values[i] = TypedValues.id(mapped, slot.kind());
            } else {
                UnresolvedReferences.apply(table, r, i, table.plan().unresolved(), reason(table, k.target(), k.lookupTarget(), value),
                        slot.attribute() + " → " + k.target().qualifiedName() + " id " + value + " "
                                + explain(table, k.target(), k.lookupTarget(), value));
            }
        }
    }

    static DeadLetterReason reason(TableRun table, EntityRef target, boolean lookupTarget, Object id) {
        if (table.run().hasFailed(target, id)) {
            return DeadLetterReason.PARENT_FAILED;
        }
        return lookupTarget ? DeadLetterReason.LOOKUP_UNMATCHED : DeadLetterReason.PARENT_MISSING;
    }

    static String explain(TableRun table, EntityRef target, boolean lookupTarget, Object id) {
        if (table.run().hasFailed(target, id)) {
            return "was dead-lettered, so it is not in the destination";
        }
        if (!lookupTarget) {
            return "was not moved: no such row in the source";
        }
        List<String> match = table.run().plan().entity(target.qualifiedName())
                .map(p -> p.match().stream().map(m -> m.attribute()).toList()).orElse(List.of());
        return "has no match in the destination (lookup by " + String.join(", ", match) + ")";
    }
}
