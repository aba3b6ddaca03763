package io.osmigrate.pipeline;

import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.IdentifierKind;
import io.osmigrate.spec.UnresolvedPolicy;
import io.osmigrate.users.UserMap;

/**
 * The per-record step: copies values and replaces every reference that in-memory maps resolve
 * (statics, tenants, users); references through the key map are left for the batch, which looks
 * them up in bulk. A row that cannot be written is marked with its reason, never dropped: the
 * batch dead-letters it. Stateless; thread-safe.
 */
final class Enricher {

    private Enricher() {
    }

    static PendingRow enrich(EntityJob job, SourceRow source) {
        job.stats().read.incrementAndGet();
        PendingRow row = new PendingRow(source, job.slots().size());
        if (job.entity().identifier().kind() == IdentifierKind.COPIED) {
            row.explicitId = source.id();
        }
        RunContext run = job.run();
        for (int i = 0; i < job.slots().size(); i++) {
            Slot slot = job.slots().get(i);
            ColumnPlan c = slot.column();
            if (slot.sourceIndex() < 0) {
                row.values[i] = slot.fill();
                continue;
            }
            Object value = source.values()[slot.sourceIndex()];
            if (value == null) {
                continue;
            }
            switch (c.role()) {
                case VALUE -> row.values[i] = value;
                case REFERENCE -> row.values[i] = io.osmigrate.dialect.ValueKind.id(value);
                case STATIC_REFERENCE -> {
                    Object mapped = slot.statics().get(StaticMap.key(value));
                    if (mapped != null) {
                        row.values[i] = mapped;
                    } else {
                        unresolved(job, row, i, run.spec().statics().unmatchedOrDefault(), "static-unmatched",
                                c.attribute() + ": " + run.statics().whyUnmatched(c.target().key(), value));
                    }
                }
                case TENANT_ID, TENANT_REFERENCE -> {
                    long tenant = ((Number) io.osmigrate.dialect.ValueKind.id(value)).longValue();
                    Long mapped = run.tenants().map(tenant);
                    if (mapped != null) {
                        row.values[i] = Values.id(mapped, slot.kind());
                    } else {
                        unresolved(job, row, i, job.entity().unresolvedReference(), "tenant-unmatched",
                                c.attribute() + ": " + run.tenants().whyUnmatched(tenant));
                    }
                }
                case USER_REFERENCE -> user(job, row, i, slot, value);
                case SKIPPED_REFERENCE -> unresolved(job, row, i, UnresolvedPolicy.EMPTY, "reference-to-skipped",
                        c.attribute() + " references " + (c.target() == null ? "an entity osmigrate does not move"
                                : c.target().qualifiedName() + ", which is skipped"));
                case DEFAULT_FILL -> row.values[i] = slot.fill();
            }
        }
        return row;
    }

    private static void user(EntityJob job, PendingRow row, int i, Slot slot, Object value) {
        long user = ((Number) io.osmigrate.dialect.ValueKind.id(value)).longValue();
        if (user == 0) {
            return; // some platform columns hold 0 for "no user"
        }
        UserMap users = job.run().users();
        Long mapped = users.get(user);
        if (mapped != null) {
            row.values[i] = Values.id(mapped, slot.kind());
        } else {
            unresolved(job, row, i, users.policy(user).orElse(job.entity().unresolvedReference()), "user-unmatched",
                    slot.column().attribute() + ": " + users.whyUnmatched(user));
        }
    }

    /**
     * A reference that cannot be resolved: left empty where the attribute is optional and the policy
     * allows it; the row is dead-lettered otherwise; a FAIL policy stops the run.
     */
    static void unresolved(EntityJob job, PendingRow row, int slot, UnresolvedPolicy policy, String reason, String message) {
        boolean optional = !job.slots().get(slot).column().mandatory();
        row.values[slot] = null;
        if (policy == UnresolvedPolicy.EMPTY && optional) {
            job.stats().nulled.incrementAndGet();
            return;
        }
        if (policy == UnresolvedPolicy.FAIL) {
            throw new RunAbortedException(job.entity().entity().qualifiedName() + " id " + row.source.id() + ": " + message
                    + " (policy: fail)");
        }
        row.fail(reason, message);
    }
}
