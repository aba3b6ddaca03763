package io.osmigrate.pipeline;

import org.apache.camel.Exchange;

import io.osmigrate.maps.TypedValues;
import io.osmigrate.plan.IdentifierKind;
import io.osmigrate.spec.UnresolvedPolicy;

/**
 * The per-record step: a source row becomes a pending row, its values copied, filled, anonymised, or replaced
 * through the maps a record is enriched with (statics, tenants, users). References through the key map
 * are left for the batch, which resolves them in bulk. A row that cannot be written is marked with its
 * reason, never dropped: the batch dead-letters it. Stateless; runs on writer threads.
 */
final class EnrichRecord {

    private EnrichRecord() {
    }

    static void process(Exchange exchange) {
        TableRun table = exchange.getProperty(PipelineHeaders.TABLE, TableRun.class);
        SourceRow source = exchange.getIn().getBody(SourceRow.class);
        exchange.getIn().setHeader(PipelineHeaders.SOURCE_ID, source.id());
        exchange.getIn().setBody(enrich(table, source));
    }

    static PendingRow enrich(TableRun table, SourceRow read) {
        table.stats().addRead(1);
        TablePlan plan = table.plan();
        PendingRow row = new PendingRow(read, plan.slots().size());
        if (plan.identifier().kind() == IdentifierKind.COPIED) {
            row.explicitId = read.id();
        }
        for (int i = 0; i < plan.slots().size(); i++) {
            Slot slot = plan.slots().get(i);
            Object value = slot.sourceIndex() < 0 ? null : read.values()[slot.sourceIndex()];
            SlotSource source = slot.source();
            if (source instanceof SlotSource.Copy || source instanceof SlotSource.ValueText) {
                row.values[i] = value;
            } else if (source instanceof SlotSource.Fill f) {
                row.values[i] = f.value();
            } else if (source instanceof SlotSource.KeyMapped k) {
                // a soft key's "none" (0, "") is written as it is; its other values are looked up as ids
                row.values[i] = k.key(value);
            } else if (source instanceof SlotSource.Anonymized a) {
                row.values[i] = a.pseudonyms().apply(a.attribute(), value, a.fixed());
            } else if (source instanceof SlotSource.Mapped m) {
                map(table, row, i, slot, m, value);
            } else if (source instanceof SlotSource.Emptied e && value != null) {
                UnresolvedReferences.apply(table, row, i, UnresolvedPolicy.EMPTY, DeadLetterReason.REFERENCE_TO_SKIPPED,
                        slot.attribute() + " references " + e.why());
            }
            // Deferred: left empty, set by the table's update route once its cycle group is loaded
        }
        return row;
    }

    private static void map(TableRun table, PendingRow row, int i, Slot slot, SlotSource.Mapped m, Object value) {
        if (value == null || m.map().meansNone(value)) {
            return;
        }
        Object mapped = m.map().destinationOf(value);
        if (mapped != null) {
            row.values[i] = TypedValues.id(mapped, slot.kind());
        } else {
            UnresolvedReferences.apply(table, row, i, m.map().policyFor(value).orElse(m.policy()), m.reason(),
                    slot.attribute() + ": " + m.map().whyUnmatched(value));
        }
    }
}
