package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writers of one entity: a fixed number of {@link BatchWriter}s, each with its own destination
 * connection and thread, writing independent batches at once (an entity's batches never reference
 * each other: self-references are deferred). Reading and enriching go on while batches are written,
 * and with two or more writers the destination's per-row costs (index maintenance, foreign-key
 * checks) run on several server processes.
 *
 * <p>Back-pressure: {@link #submit} blocks while every writer is busy, so no more than the writers'
 * count of batches is ever in memory. Failures are never lost: a writer's exception stops the entity
 * through {@link EntityJob#fail}, and the data phase waits for {@link #awaitIdle} before it calls an
 * entity done. Thread-safe.
 */
final class WriterPool implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final EntityJob job;
    private final int size;
    private final List<BatchWriter> all = new ArrayList<>();
    private final BlockingQueue<BatchWriter> idle;
    private final Semaphore free;
    private final ExecutorService threads;

    WriterPool(EntityJob job, int size) throws SQLException {
        this.job = job;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
        this.free = new Semaphore(size);
        try {
            for (int i = 0; i < size; i++) {
                BatchWriter w = new BatchWriter(job);
                all.add(w);
                idle.add(w);
            }
        } catch (SQLException | RuntimeException e) {
            all.forEach(BatchWriter::close);
            throw e;
        }
        this.threads = Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, "osm-writer-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Hands a batch to the next free writer; blocks while all are busy. */
    void submit(List<PendingRow> batch) {
        try {
            free.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.fail(new RunAbortedException("interrupted while waiting for a writer", e));
            return;
        }
        threads.execute(() -> {
            BatchWriter writer = idle.poll();
            try {
                if (job.fatal() == null) {
                    writer.write(batch);
                }
            } catch (Throwable e) {
                job.fail(e);
            } finally {
                idle.add(writer);
                free.release();
            }
        });
    }

    /** Waits until every submitted batch is written and recorded (or has failed the entity). */
    void awaitIdle() {
        free.acquireUninterruptibly(size);
        free.release(size);
    }

    @Override
    public void close() {
        threads.shutdownNow();
        all.forEach(BatchWriter::close);
    }
}
