package io.osmigrate.phases;

import java.util.HashMap;
import java.util.Map;

import io.osmigrate.maps.RecordMap;
import io.osmigrate.metamodel.EntityKey;
import io.osmigrate.pipeline.DeadLetterReason;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.pipeline.SlotSource;
import io.osmigrate.plan.BptPlan;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.spec.Mode;

/**
 * Where the values of a BPT instance table's platform columns come from: definitions, statuses and groups
 * through the maps the bpt phase made, value texts through the key map of the entity their type names.
 */
final class BptSlots {

    /** The map of OSSYS_GROUP among the bpt phase's maps. */
    static final String GROUPS = "OSSYS_GROUP";

    private BptSlots() {
    }

    /** A definition, status or group reference, through the map the bpt phase made for its table. */
    static SlotSource platform(RunContext run, PlannedEntity entity, ColumnPlan c) {
        boolean group = c.role() == ColumnRole.GROUP_REFERENCE;
        String table = group ? GROUPS : c.target().name();
        RecordMap map = run.platformMap(table);
        if (map == null) {
            throw new IllegalStateException(entity.entity().qualifiedName() + " moves without the bpt phase's map of " + table);
        }
        return new SlotSource.Mapped(map, group ? DeadLetterReason.GROUP_UNMATCHED : DeadLetterReason.DEFINITION_UNMATCHED,
                entity.unresolvedReference());
    }

    /** A value text: the targets of every entity type it may name (moved, looked up, users, tenants). */
    static SlotSource valueText(RunContext run, PlannedEntity entity, int typeIndex) {
        if (typeIndex < 0) {
            throw new IllegalStateException(entity.entity().qualifiedName() + ": a value text is read without its type");
        }
        Map<EntityKey, SlotSource> targets = new HashMap<>();
        for (PlannedEntity p : run.plan().entities()) {
            if (p.mode() != Mode.SKIP) {
                targets.put(p.entity().key(), TablePlans.keyMapped(run, p.entity()));
            }
        }
        BptPlan bpt = run.plan().bpt();
        if (bpt.user() != null) {
            targets.put(bpt.user().key(), new SlotSource.Mapped(run.users(), DeadLetterReason.USER_UNMATCHED,
                    entity.unresolvedReference()));
        }
        if (bpt.tenant() != null) {
            targets.put(bpt.tenant().key(), new SlotSource.Mapped(run.tenants(), DeadLetterReason.TENANT_UNMATCHED,
                    entity.unresolvedReference()));
        }
        return new SlotSource.ValueText(typeIndex, targets, entity.unresolvedReference());
    }
}
