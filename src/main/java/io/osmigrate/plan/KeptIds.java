package io.osmigrate.plan;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The source identifiers a subset keeps of one entity. Numeric identifiers from 0 to {@link Integer#MAX_VALUE}
 * (autonumbers) are held as bits, so a million kept rows of a dense table cost about 125 KB; others (text
 * identifiers, negative or larger numbers) in a set. Identifiers as {@link io.osmigrate.dialect.ValueKind#id}
 * carries them: Long when numeric, else trimmed text. Built by one thread, then only read (by any).
 */
public final class KeptIds {

    private final BitSet small = new BitSet();
    private final Set<Object> other = new HashSet<>();
    private long count;

    /** Adds an identifier; false when it was kept already. */
    boolean add(Object id) {
        boolean added;
        if (id instanceof Long n && n >= 0 && n <= Integer.MAX_VALUE) {
            added = !small.get(n.intValue());
            small.set(n.intValue());
        } else {
            added = other.add(id);
        }
        if (added) {
            count++;
        }
        return added;
    }

    public boolean contains(Object id) {
        if (id instanceof Long n && n >= 0 && n <= Integer.MAX_VALUE) {
            return small.get(n.intValue());
        }
        return other.contains(id);
    }

    public long count() {
        return count;
    }
}
