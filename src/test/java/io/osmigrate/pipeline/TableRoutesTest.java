package io.osmigrate.pipeline;

import static io.osmigrate.pipeline.Tables.plan;
import static io.osmigrate.pipeline.Tables.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import io.osmigrate.app.RouteErrors;
import io.osmigrate.plan.IdentifierKind;
import io.osmigrate.spec.UnresolvedPolicy;
import io.osmigrate.state.DeadLetter;

/**
 * The insert template's route on its own (camel-test): the source read and the write route's step are replaced by
 * fakes (AdviceWith), everything between is the real route with the real route configuration. Every row reaches
 * the sink once, batches are bounded in memory, a failing batch stops the table and reaches the caller,
 * rejected rows go down the dead-letter channel, transient failures are redelivered by the retry policy,
 * and a table of thousands of batches runs on a small stack.
 */
class TableRoutesTest extends CamelTestSupport {

    /** The writers' count of this test's routes; a subclass runs every test with one writer. */
    int writers() {
        return 2;
    }

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Set<Object> seen = ConcurrentHashMap.newKeySet();
    private int routes;
    private final AtomicReference<Consumer<Exchange>> sink = new AtomicReference<>();
    private boolean writeRouteFaked;

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {
            new RouteErrors(new RetryPolicy(2, Duration.ofMillis(1), 2)),
            new TableRoutes(writers()),
            new RouteBuilder() {
                @Override
                public void configure() {
                    from(PipelineHeaders.DEAD_LETTER_ENDPOINT).routeId("dead-letter").to("mock:dead");
                }
            }
        };
    }

    /** A table route of {@code rows} rows in batches of {@code batchSize}, its sink {@code write}; returns the table. */
    private TableRun move(long rows, int batchSize, Consumer<Exchange> write) throws Exception {
        TableRun table = new TableRun(null, plan(batchSize, UnresolvedPolicy.DEAD_LETTER, IdentifierKind.AUTONUMBER,
                slot("Value", new SlotSource.Copy(), false, 0)));
        String id = "data-" + (++routes) + "-Shop-Order";
        TemplatedRouteBuilder.builder(context, PipelineHeaders.INSERT_TEMPLATE).routeId(id).parameter("name", id).add();
        Iterator<SourceRow> source = LongStream.rangeClosed(1, rows).mapToObj(i -> new SourceRow(i, new Object[] {i * 10}))
                .iterator();
        AdviceWith.adviceWith(context, id, a -> {
            a.weaveById(id + "-read").replace().process(e -> {
                e.setProperty(PipelineHeaders.TABLE, table);
                e.getIn().setBody(readAhead(new BatchStream(source, batchSize, new StopSignal())));
            });
            a.weaveById(id + "-skip-paired").remove();
            a.weaveById(id + "-resolve").remove();
        });
        sink.set(write);
        if (!writeRouteFaked) {
            // the write route's step, not the table's -write: the retry policy applies there and only there
            AdviceWith.adviceWith(context, "write", a -> a.weaveById("write-batch").replace().process(e -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    sink.get().accept(e);
                } finally {
                    inFlight.decrementAndGet();
                }
            }));
            writeRouteFaked = true;
        }
        template.requestBody("direct:" + id, table);
        return table;
    }

    /** The batches as the real read step hands them over: read ahead on the route's readers' pool. */
    private ReadAhead readAhead(BatchStream batches) {
        return new ReadAhead(batches, writers(),
                context.getRegistry().lookupByNameAndType(PipelineHeaders.READERS, ExecutorService.class));
    }

    @SuppressWarnings("unchecked")
    private void count(Exchange e) {
        List<PendingRow> batch = e.getIn().getBody(List.class);
        batches.incrementAndGet();
        for (PendingRow r : batch) {
            assertThat(seen.add(r.source.id())).as("row %s reached the sink twice", r.source.id()).isTrue();
            assertThat(r.values[0]).isEqualTo(((Long) r.source.id()) * 10);
            written.incrementAndGet();
        }
    }

    @Test
    void everyRowReachesTheSinkOnceInBatchesAndWritersAreBounded() throws Exception {
        move(10_007, 100, e -> {
            count(e);
            sleep(2);
        });
        assertThat(written.get()).isEqualTo(10_007);
        assertThat(batches.get()).isEqualTo(101);
        assertThat(maxInFlight.get()).as("batches written at once").isBetween(1, writers());
    }

    @Test
    void readingWaitsForTheWriters() throws Exception {
        AtomicLong handedOut = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong mostAhead = new AtomicLong();
        TableRun table = new TableRun(null, plan(10, UnresolvedPolicy.DEAD_LETTER, IdentifierKind.AUTONUMBER,
                slot("Value", new SlotSource.Copy(), false, 0)));
        Iterator<SourceRow> rows = LongStream.rangeClosed(1, 500).mapToObj(i -> {
            if (i % 10 == 1) {
                mostAhead.accumulateAndGet(handedOut.incrementAndGet() - done.get(), Math::max);
            }
            return new SourceRow(i, new Object[] {i * 10});
        }).iterator();
        String id = "data-99-Shop-Order";
        TemplatedRouteBuilder.builder(context, PipelineHeaders.INSERT_TEMPLATE).routeId(id).parameter("name", id).add();
        AdviceWith.adviceWith(context, id, a -> {
            a.weaveById(id + "-read").replace().process(e -> {
                e.setProperty(PipelineHeaders.TABLE, table);
                e.getIn().setBody(readAhead(new BatchStream(rows, 10, new StopSignal())));
            });
            a.weaveById(id + "-skip-paired").remove();
            a.weaveById(id + "-resolve").remove();
            a.weaveById(id + "-write").replace().process(e -> {
                sleep(5);
                done.incrementAndGet();
            });
        });
        template.requestBody("direct:" + id, table);
        assertThat(done.get()).isEqualTo(50);
        // each writer writing one, one queued behind them, one the splitter holds, as many read ahead as there
        // are writers and one the reader holds: never more batches read than that ahead of the writers
        assertThat(mostAhead.get()).as("batches read and not yet written").isLessThanOrEqualTo(2L * writers() + 3);
    }

    @Test
    void aFailingBatchStopsTheTableAndReachesTheCaller() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> move(100_000, 10, e -> {
            if (calls.incrementAndGet() == 5) {
                throw new IllegalStateException("disk full");
            }
            count(e);
        })).isInstanceOf(CamelExecutionException.class).hasRootCauseMessage("disk full");
        assertThat(batches.get()).as("the table stopped soon after the failure").isLessThan(100);
    }

    @Test
    void rowsThatCannotBeWrittenGoDownTheDeadLetterChannelAndTheBatchGoesOn() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(3);
        move(300, 50, e -> {
            count(e);
            List<DeadLetter> rejected = new ArrayList<>();
            for (Object r : e.getIn().getBody(List.class)) {
                Object id = ((PendingRow) r).source.id();
                if (((Long) id) % 100 == 0) {
                    rejected.add(new DeadLetter(0, "run", "data", "Shop.Order", id.toString(), "unique-violation", null, null,
                            null, "duplicate", "{}", "{}", Instant.now()));
                }
            }
            e.setProperty(PipelineHeaders.REJECTED, rejected);
        });
        dead.assertIsSatisfied();
        assertThat(dead.getExchanges()).extracting(x -> x.getIn().getBody(DeadLetter.class).sourceId())
                .containsExactlyInAnyOrder("100", "200", "300");
        assertThat(dead.getExchanges()).allSatisfy(x -> assertThat(x.getIn().getHeader(PipelineHeaders.SOURCE_ID)).isNotNull());
        assertThat(written.get()).isEqualTo(300);
    }

    @Test
    void aDeadLetterThatCannotBeStoredFailsTheTable() throws Exception {
        AdviceWith.adviceWith(context, "dead-letter", a -> a.weaveAddLast().throwException(new SQLException("state store gone")));
        assertThatThrownBy(() -> move(100, 50, e -> e.setProperty(PipelineHeaders.REJECTED, List.of(new DeadLetter(0, "run",
                "data", "Shop.Order", "1", "data", null, null, null, "too long", "{}", "{}", Instant.now())))))
                .isInstanceOf(CamelExecutionException.class).hasRootCauseMessage("state store gone");
    }

    @Test
    void aTransientFailureIsRedeliveredByTheRetryPolicyAndAnEndlessOneStopsTheTable() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        move(100, 10, e -> {
            if (e.getIn().getBody(List.class).contains(null)) {
                throw new IllegalStateException("a batch holds no null rows");
            }
            if (((PendingRow) e.getIn().getBody(List.class).get(0)).source.id().equals(31L) && attempts.incrementAndGet() <= 2) {
                throw new TransientWriteException("Shop.Order", io.osmigrate.dialect.ErrorKind.DEADLOCK,
                        new SQLException("deadlock detected", "40P01"));
            }
            count(e);
        });
        assertThat(attempts.get()).as("two failures, then the retry that worked").isEqualTo(3);
        assertThat(written.get()).isEqualTo(100);

        AtomicInteger endless = new AtomicInteger();
        assertThatThrownBy(() -> move(10, 10, e -> {
            endless.incrementAndGet();
            throw new TransientWriteException("Shop.Order", io.osmigrate.dialect.ErrorKind.LOCK_TIMEOUT,
                    new SQLException("lock timeout", "55P03"));
        })).isInstanceOf(CamelExecutionException.class).hasRootCauseInstanceOf(SQLException.class);
        assertThat(endless.get()).as("the first try and the policy's two retries").isEqualTo(3);
    }

    @Test
    void aStopRequestEndsTheTableAfterTheBatchesInFlightAndNoneIsCutShort() throws Exception {
        StopSignal stop = new StopSignal();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        TableRun table = new TableRun(null, plan(10, UnresolvedPolicy.DEAD_LETTER, IdentifierKind.AUTONUMBER,
                slot("Value", new SlotSource.Copy(), false, 0)));
        Iterator<SourceRow> rows = LongStream.rangeClosed(1, 100_000).mapToObj(i -> new SourceRow(i, new Object[] {i * 10}))
                .iterator();
        String id = "data-98-Shop-Order";
        TemplatedRouteBuilder.builder(context, PipelineHeaders.INSERT_TEMPLATE).routeId(id).parameter("name", id).add();
        AdviceWith.adviceWith(context, id, a -> {
            a.weaveById(id + "-read").replace().process(e -> {
                e.setProperty(PipelineHeaders.TABLE, table);
                e.getIn().setBody(readAhead(new BatchStream(rows, 10, stop)));
            });
            a.weaveById(id + "-skip-paired").remove();
            a.weaveById(id + "-resolve").remove();
            a.weaveById(id + "-write").replace().process(e -> {
                if (started.incrementAndGet() == 5) {
                    stop.request("a test");
                }
                sleep(50);
                finished.incrementAndGet();
            });
        });
        template.requestBody("direct:" + id, table);
        int whenReturned = finished.get();
        assertThat(whenReturned).as("every batch handed out was finished before the table returned").isEqualTo(started.get());
        assertThat(started.get()).as("no batch started after the stop but those already handed over").isLessThan(12);
        sleep(200);
        assertThat(finished.get()).as("nothing still running after the return").isEqualTo(whenReturned);
    }

    @Test
    void aTableReturnsOnlyOnceItsLastBatchIsWritten() throws Exception {
        AtomicInteger finished = new AtomicInteger();
        move(45, 10, e -> {
            if (((PendingRow) e.getIn().getBody(List.class).get(0)).source.id().equals(41L)) {
                sleep(300);
            }
            sleep(20);
            finished.incrementAndGet();
        });
        assertThat(finished.get()).isEqualTo(5);
    }

    @Test
    void aTableOfThousandsOfBatchesRunsOnASmallStack() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                move(5_000, 1, this::count);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertThat(failure.get()).isNull();
        assertThat(written.get()).isEqualTo(5_000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
