package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read ahead on its own: batches in order, a read error where its batch would be, a close that frees the reader. */
class ReadAheadTest {

    private final ExecutorService readers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        readers.shutdownNow();
    }

    private static Iterator<SourceRow> rows(long n, long failAt, AtomicLong read) {
        return LongStream.rangeClosed(1, n).mapToObj(i -> {
            read.set(i);
            if (i == failAt) {
                throw new SourceReadException("reading Shop.Order failed: connection reset", null);
            }
            return new SourceRow(i, new Object[] {i});
        }).iterator();
    }

    @Test
    void handsOutEveryBatchInOrderThenEnds() {
        ReadAhead batches = new ReadAhead(new BatchStream(rows(25, -1, new AtomicLong()), 10, new StopSignal()), 2, readers);
        assertThat(batches.next()).extracting(r -> r.id()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(batches.next()).hasSize(10);
        assertThat(batches.next()).extracting(r -> r.id()).containsExactly(21L, 22L, 23L, 24L, 25L);
        assertThat(batches.hasNext()).isFalse();
        batches.close();
    }

    @Test
    void aReadErrorReachesTheSplitterAfterTheBatchesBeforeIt() {
        ReadAhead batches = new ReadAhead(new BatchStream(rows(100, 25, new AtomicLong()), 10, new StopSignal()), 2, readers);
        assertThat(batches.next()).hasSize(10);
        assertThat(batches.next()).hasSize(10);
        assertThatThrownBy(batches::hasNext).isInstanceOf(SourceReadException.class).hasMessageContaining("connection reset");
        assertThatThrownBy(batches::next).isInstanceOf(SourceReadException.class);
        batches.close();
    }

    @Test
    void readsNoFurtherThanItsDepthAndCloseFreesAWaitingReader() throws Exception {
        AtomicLong read = new AtomicLong();
        ReadAhead batches = new ReadAhead(new BatchStream(rows(1_000, -1, read), 10, new StopSignal()), 2, readers);
        Thread.sleep(200);
        // two batches queued and the third one read, waiting for room
        assertThat(read.get()).isBetween(20L, 31L);
        batches.close();
        readers.shutdown();
        assertThat(readers.awaitTermination(5, TimeUnit.SECONDS)).as("the reader let go after close").isTrue();
        assertThat(read.get()).isLessThanOrEqualTo(31L);
    }
}
