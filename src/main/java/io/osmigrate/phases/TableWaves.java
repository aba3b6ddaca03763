package io.osmigrate.phases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.plan.PlannedEntity;

/**
 * The moved entities in waves that may be moved at the same time (osmigrate.tables-at-once): runs of entities next
 * to each other in load order none of which references another. The load order stays as it is: a wave ends where the
 * next entity references one of the wave's (a reference the deferred step sets, after every table, does not count),
 * so every entity still starts after the targets of its references are complete. An entity with BPT value texts,
 * which may name any entity moved before it, is a wave of its own.
 */
final class TableWaves {

    private TableWaves() {
    }

    static List<List<PlannedEntity>> of(List<PlannedEntity> moved) {
        List<List<PlannedEntity>> waves = new ArrayList<>();
        List<PlannedEntity> wave = new ArrayList<>();
        Set<EntityRef> inWave = new HashSet<>();
        boolean waveAlone = false;
        for (PlannedEntity entity : moved) {
            boolean alone = entity.columns().stream().anyMatch(c -> c.role() == ColumnRole.VALUE_TEXT);
            if (!wave.isEmpty() && (alone || waveAlone || references(entity, inWave))) {
                waves.add(wave);
                wave = new ArrayList<>();
                inWave.clear();
            }
            wave.add(entity);
            inWave.add(entity.entity());
            waveAlone = alone;
        }
        if (!wave.isEmpty()) {
            waves.add(wave);
        }
        return waves;
    }

    private static boolean references(PlannedEntity entity, Set<EntityRef> entities) {
        for (ColumnPlan c : entity.columns()) {
            if (!c.deferred() && c.target() != null && entities.contains(c.target())) {
                return true;
            }
        }
        return false;
    }
}
