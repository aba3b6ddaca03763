package io.osmigrate.pipeline;

import static io.osmigrate.pipeline.Tables.plan;
import static io.osmigrate.pipeline.Tables.slot;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.osmigrate.plan.IdentifierKind;
import io.osmigrate.plan.SoftKeyValues;
import io.osmigrate.spec.UnresolvedPolicy;

/** The enrich step of a soft key: its none values left as they are for the writer, the others made key-map keys. */
class SoftKeyEnrichTest {

    private static final SlotSource.KeyMapped NUMBER_IDS = new SlotSource.KeyMapped(7, Tables.ORDER, false, new SoftKeyValues(true));

    private static Object[] enrich(Object value) {
        TableRun t = new TableRun(null, plan(10, UnresolvedPolicy.DEAD_LETTER, IdentifierKind.AUTONUMBER,
                slot("RelatedOrderId", NUMBER_IDS, false, 0)));
        PendingRow row = EnrichRecord.enrich(t, new SourceRow(5L, new Object[] {value}));
        assertThat(row.failed()).isFalse();
        return row.values;
    }

    @Test
    void noneValuesStayAsTheyAreAndAreNeverLookedUp() {
        assertThat(enrich(0)).containsExactly(0);
        assertThat(enrich("")).containsExactly("");
        assertThat(enrich(" 0")).containsExactly(" 0");
        assertThat(enrich(null)).containsExactly((Object) null);
        for (Object none : new Object[] {0, "", " 0", 0L}) {
            assertThat(NUMBER_IDS.keeps(none)).isTrue();
        }
        assertThat(new SlotSource.KeyMapped(7, Tables.ORDER, false).keeps(0L)).as("a reference keeps nothing").isFalse();
    }

    @Test
    void otherValuesBecomeTheKeysTheTargetsIdentifiersHaveInTheKeyMap() {
        assertThat(enrich(42)).containsExactly(42L);
        assertThat(enrich(" 42 ")).containsExactly(42L);
        assertThat(enrich("A-42")).containsExactly("A-42");
        assertThat(NUMBER_IDS.keeps(42L)).isFalse();
    }
}
