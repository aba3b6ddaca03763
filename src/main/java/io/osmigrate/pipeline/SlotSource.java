package io.osmigrate.pipeline;

import io.osmigrate.maps.Pseudonyms;
import io.osmigrate.maps.RecordMap;
import io.osmigrate.plan.AnonymizedAttribute;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.plan.SoftKeyValues;
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
     * @param soft         for a soft key (an id held in an Integer, Long Integer or Text attribute), how its values are
     *                     read: its "none" values are kept as they are, never looked up; null for a reference
     */
    record KeyMapped(int scope, EntityRef target, boolean lookupTarget, SoftKeyValues soft) implements SlotSource {

        /** A reference of the model. */
        public KeyMapped(int scope, EntityRef target, boolean lookupTarget) {
            this(scope, target, lookupTarget, null);
        }

        /** Whether a value (as the enrich step left it) is a soft key's "none", written as it is. */
        public boolean keeps(Object value) {
            return soft != null && SoftKeyValues.isNone(value);
        }

        /** A source value as the key map knows the id it names; a soft key's "none" (0, "") as it is. */
        public Object key(Object value) {
            return soft == null ? io.osmigrate.dialect.ValueKind.id(value) : keeps(value) ? value : soft.key(value);
        }
    }

    /**
     * A value text that holds an id of the entity its row's type names (a BPT input or output): replaced, in bulk
     * per batch, through the target that type has here (a {@link KeyMapped} or a {@link Mapped}); copied when the
     * type is not a reference. A reference type with no target here is unresolved.
     *
     * @param typeIndex index of the type (SS_TYPE) in the source row
     * @param targets   by the referenced entity's key, as {@code AttributeType} decodes a type
     * @param policy    what a text that cannot be remapped does
     */
    record ValueText(int typeIndex, java.util.Map<io.osmigrate.metamodel.EntityKey, SlotSource> targets,
                     UnresolvedPolicy policy) implements SlotSource {
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
