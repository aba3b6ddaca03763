package io.osmigrate.pipeline;

import static io.osmigrate.pipeline.Tables.plan;
import static io.osmigrate.pipeline.Tables.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.osmigrate.maps.RecordMap;
import io.osmigrate.maps.UserMap;
import io.osmigrate.plan.IdentifierKind;
import io.osmigrate.spec.UnresolvedPolicy;

/** The per-record step on its own: every slot source, and the unresolved-reference policy it applies. */
class EnrichRecordTest {

    /** Statics 1 → 11 and 2 → 12; anything else has no twin. */
    private static final RecordMap STATUSES = new RecordMap() {
        private final Map<Long, Long> ids = Map.of(1L, 11L, 2L, 12L);

        @Override
        public Object destinationOf(Object sourceValue) {
            return ids.get(((Number) sourceValue).longValue());
        }

        @Override
        public String whyUnmatched(Object sourceValue) {
            return "status " + sourceValue + " has no twin";
        }
    };

    private static TableRun table(UnresolvedPolicy policy, boolean mandatory, IdentifierKind identifier) {
        return new TableRun(null, plan(10, policy, identifier,
                slot("Name", new SlotSource.Copy(), true, 0),
                slot("Channel", new SlotSource.Fill("web"), true, -1),
                slot("StatusId", new SlotSource.Mapped(STATUSES, DeadLetterReason.STATIC_UNMATCHED, policy), mandatory, 1),
                slot("CustomerId", new SlotSource.KeyMapped(7, Tables.ORDER, false), true, 2),
                slot("ParentId", new SlotSource.Deferred(), false, -1)));
    }

    @Test
    void copiesFillsMapsAndLeavesKeyMappedAndDeferredValuesForLater() {
        TableRun t = table(UnresolvedPolicy.DEAD_LETTER, true, IdentifierKind.AUTONUMBER);
        PendingRow row = EnrichRecord.enrich(t, new SourceRow(5L, new Object[] {"Ann", 2, 42}));
        assertThat(row.failed()).isFalse();
        assertThat(row.values).containsExactly("Ann", "web", 12L, 42L, null);
        assertThat(row.explicitId).as("an autonumber is the destination's to give").isNull();
        assertThat(t.stats().read()).isEqualTo(1);
    }

    @Test
    void aCopiedIdentifierIsWrittenAsTheSourceHasIt() {
        TableRun t = table(UnresolvedPolicy.DEAD_LETTER, true, IdentifierKind.COPIED);
        assertThat(EnrichRecord.enrich(t, new SourceRow("c-1", new Object[] {"Ann", 1, 42})).explicitId).isEqualTo("c-1");
    }

    @Test
    void anUnmatchedValueIsDeadLetteredEmptiedOrStopsTheRunByPolicy() {
        PendingRow dead = EnrichRecord.enrich(table(UnresolvedPolicy.DEAD_LETTER, false, IdentifierKind.AUTONUMBER),
                new SourceRow(5L, new Object[] {"Ann", 9, 42}));
        assertThat(dead.failureReason).isEqualTo(DeadLetterReason.STATIC_UNMATCHED);
        assertThat(dead.failureMessage).isEqualTo("StatusId: status 9 has no twin");

        TableRun emptying = table(UnresolvedPolicy.EMPTY, false, IdentifierKind.AUTONUMBER);
        PendingRow emptied = EnrichRecord.enrich(emptying, new SourceRow(5L, new Object[] {"Ann", 9, 42}));
        assertThat(emptied.failed()).isFalse();
        assertThat(emptied.values[2]).isNull();
        assertThat(emptying.stats().figures().nulled()).isEqualTo(1);

        PendingRow mandatory = EnrichRecord.enrich(table(UnresolvedPolicy.EMPTY, true, IdentifierKind.AUTONUMBER),
                new SourceRow(5L, new Object[] {"Ann", 9, 42}));
        assertThat(mandatory.failureReason).as("empty is no way out for a mandatory column")
                .isEqualTo(DeadLetterReason.STATIC_UNMATCHED);

        assertThatThrownBy(() -> EnrichRecord.enrich(table(UnresolvedPolicy.FAIL, false, IdentifierKind.AUTONUMBER),
                new SourceRow(5L, new Object[] {"Ann", 9, 42}))).isInstanceOf(RunAbortedException.class)
                .hasMessageContaining("Shop.Order id 5").hasMessageContaining("policy: fail");
    }

    @Test
    void aUserDecidedForByTheUsersPhaseOverridesTheTablesPolicyAndZeroMeansNoUser() {
        UserMap users = new UserMap();
        users.map(1, 101);
        users.unmatched(2, "user bob is inactive", UnresolvedPolicy.EMPTY);
        TableRun t = new TableRun(null, plan(10, UnresolvedPolicy.DEAD_LETTER, IdentifierKind.AUTONUMBER,
                slot("CreatedBy", new SlotSource.Mapped(users, DeadLetterReason.USER_UNMATCHED, UnresolvedPolicy.DEAD_LETTER),
                        false, 0)));
        assertThat(EnrichRecord.enrich(t, new SourceRow(1L, new Object[] {1L})).values[0]).isEqualTo(101L);
        PendingRow decided = EnrichRecord.enrich(t, new SourceRow(2L, new Object[] {2L}));
        assertThat(decided.failed()).isFalse();
        assertThat(decided.values[0]).isNull();
        assertThat(EnrichRecord.enrich(t, new SourceRow(3L, new Object[] {0L})).failed()).as("0 is no user").isFalse();
        assertThat(EnrichRecord.enrich(t, new SourceRow(4L, new Object[] {3L})).failureReason)
                .isEqualTo(DeadLetterReason.USER_UNMATCHED);
        assertThat(users.policyFor(2L)).isEqualTo(Optional.of(UnresolvedPolicy.EMPTY));
    }

    @Test
    void aValueInAColumnReferencingWhatIsNotMovedIsEmptiedOrItsRowDeadLettered() {
        SlotSource skipped = new SlotSource.Emptied("Shop.Archive, which is skipped");
        TableRun optional = new TableRun(null, plan(10, UnresolvedPolicy.DEAD_LETTER, IdentifierKind.AUTONUMBER,
                slot("ArchiveId", skipped, false, 0)));
        PendingRow emptied = EnrichRecord.enrich(optional, new SourceRow(1L, new Object[] {8L}));
        assertThat(emptied.failed()).isFalse();
        assertThat(emptied.values[0]).isNull();
        TableRun mandatory = new TableRun(null, plan(10, UnresolvedPolicy.DEAD_LETTER, IdentifierKind.AUTONUMBER,
                slot("ArchiveId", skipped, true, 0)));
        PendingRow dead = EnrichRecord.enrich(mandatory, new SourceRow(1L, new Object[] {8L}));
        assertThat(dead.failureReason).isEqualTo(DeadLetterReason.REFERENCE_TO_SKIPPED);
        assertThat(dead.failureMessage).isEqualTo("ArchiveId references Shop.Archive, which is skipped");
    }
}
