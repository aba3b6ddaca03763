package io.osmigrate.pipeline;

import io.osmigrate.maps.Pseudonyms;
import io.osmigrate.maps.RecordMap;
import io.osmigrate.plan.AnonymizedAttribute;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.spec.UnresolvedPolicy;

/**
 * How a column's value is made: copied, filled with a default, anonymised, replaced through a map a record is
 * enriched with, replaced through the key map of another table (in bulk, per batch), left empty for a
 * later update (deferred), or left empty for good. Data, so that any planned table (an application
 * entity, a platform table) is described the same way.
 */
public sealed interface SlotSource {

    /** The source value as is. */
    record Copy() implements SlotSource {
    }

    /** A default for a destination-only mandatory column, already typed for it. */
    record Fill(Object value) implements SlotSource {
    }

    /**
     * Replaced through an in-memory map, one record at a time.
     *
     * @param policy what an unmatched value does (a map may decide per value, see {@link RecordMap#policyFor})
     */
    record Mapped(RecordMap map, DeadLetterReason reason, UnresolvedPolicy policy) implements SlotSource {
    }

    /**
     * Replaced through the key map of another table, for a whole batch at once.
     *
     * @param scope        the key-map scope of the referenced table
     * @param lookupTarget the referenced table is looked up (matched), not moved
     */
    record KeyMapped(int scope, EntityRef target, boolean lookupTarget) implements SlotSource {
    }

    /** Inserted empty and set once its cycle group is loaded (a cycle's broken edge, a self-reference). */
    record Deferred() implements SlotSource {
    }

    /**
     * A plain value replaced by its anonymised one (the spec's {@code anonymize}), one record at a time.
     *
     * @param fixed the {@code fixed} method's value, typed for the column; null for the other methods
     */
    record Anonymized(AnonymizedAttribute attribute, Pseudonyms pseudonyms, Object fixed) implements SlotSource {
    }

    /** A reference to something osmigrate does not move: always empty, or the row is dead-lettered if mandatory. */
    record Emptied(String why) implements SlotSource {
    }
}
