package io.osmigrate.pipeline;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A table's source rows, streamed in identifier order and handed out a batch at a time, so the route
 * splits the table into batches, then each batch into record messages. It ends early, between two
 * batches, when the run is asked to stop: the batches already handed out are written, no new one is
 * read. Used by one thread at a time: the table's reader ({@link ReadAhead}).
 */
final class BatchStream implements Iterator<List<SourceRow>> {

    private final Iterator<SourceRow> rows;
    private final int batchSize;
    private final StopSignal stop;
    private volatile boolean stopped;
    private Boolean decided;

    BatchStream(Iterator<SourceRow> rows, int batchSize, StopSignal stop) {
        this.rows = rows;
        this.batchSize = batchSize;
        this.stop = stop;
    }

    /**
     * Whether another batch follows. The answer holds until {@link #next()} is called, whatever happens in
     * between: the splitter may ask twice for one batch, and a stop that arrives between the two questions must
     * not take back a batch it was promised (it would then wait for, or forget, a batch that never came).
     */
    @Override
    public boolean hasNext() {
        if (decided == null) {
            boolean more = rows.hasNext();
            if (more && stop.isRequested()) {
                stopped = true;
                more = false;
            }
            decided = more;
        }
        return decided;
    }

    @Override
    public List<SourceRow> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        decided = null;
        List<SourceRow> batch = new ArrayList<>(batchSize);
        while (batch.size() < batchSize && rows.hasNext()) {
            batch.add(rows.next());
        }
        return batch;
    }

    /** Whether the stream ended because a stop was requested, with rows left unread. */
    boolean stopped() {
        return stopped;
    }
}
