package io.osmigrate.pipeline;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A table's batches, read on the readers' pool ahead of the writers, at most {@code depth} batches ahead.
 * The splitter hands batches to the writers' pool from one of the writers' threads; reading the source
 * there too would take that writer away for the whole read, and with one writer the read and the write
 * would take turns. Here the source is read while the batches before are written, and the splitter's
 * turn on a writer's thread is only a take from this queue.
 *
 * <p>A read error is thrown to the splitter where the batch would have been. {@link #close()} stops the
 * reader (it reads no further batch, a fetch under way finishes) and waits for it, so the source stream
 * is closed by one thread only, after the reader has let go of it.
 */
final class ReadAhead implements Iterator<List<SourceRow>>, AutoCloseable {

    /** How long the reader waits for room in the queue before it looks again whether it was closed. */
    private static final long OFFER_WAIT_MILLIS = 100;

    private static final Object END = new Object();

    private final BatchStream batches;
    private final BlockingQueue<Object> queue;
    private final Future<?> reader;
    private volatile boolean closed;
    private Object head;

    ReadAhead(BatchStream batches, int depth, ExecutorService readers) {
        this.batches = batches;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, depth));
        this.reader = readers.submit(this::read);
    }

    private void read() {
        Object last = END;
        try {
            while (!closed && batches.hasNext()) {
                if (!offer(batches.next())) {
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            last = e;
        }
        offer(last);
    }

    /** Puts an element for the splitter, waiting while the queue is full; false once closed. */
    private boolean offer(Object element) {
        try {
            while (!closed) {
                if (queue.offer(element, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean hasNext() {
        if (head == null) {
            try {
                head = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceReadException("interrupted while waiting for the source's next batch", e);
            }
        }
        if (head instanceof RuntimeException e) {
            throw e;
        }
        if (head instanceof Error e) {
            throw e;
        }
        return head != END;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<SourceRow> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<SourceRow> batch = (List<SourceRow>) head;
        head = null;
        return batch;
    }

    /** Stops the reader and waits until it has let go of the source stream. Safe to call more than once. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            reader.get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the reader's own failure was handed to the splitter; a reader stuck in a fetch is left to the pool
        }
    }
}
