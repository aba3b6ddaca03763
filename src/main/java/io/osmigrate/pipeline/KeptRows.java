package io.osmigrate.pipeline;

import java.util.Iterator;
import java.util.NoSuchElementException;

import io.osmigrate.plan.KeptIds;

/**
 * A table's source rows restricted to those its subset keeps: the others are passed over as they stream by, so
 * they never enter the pipeline. Used by the route's splitter thread only.
 */
final class KeptRows implements Iterator<SourceRow> {

    private final Iterator<SourceRow> rows;
    private final KeptIds keep;
    private SourceRow next;

    KeptRows(Iterator<SourceRow> rows, KeptIds keep) {
        this.rows = rows;
        this.keep = keep;
    }

    @Override
    public boolean hasNext() {
        while (next == null && rows.hasNext()) {
            SourceRow row = rows.next();
            if (keep.contains(row.id())) {
                next = row;
            }
        }
        return next != null;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRow row = next;
        next = null;
        return row;
    }
}
