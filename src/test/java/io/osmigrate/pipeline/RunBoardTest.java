package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The run board follows a run: phases go from waiting to running to done in order, a step of a phase (the lookups)
 * ends when the phase's own tables start, each table shows rows read of its source rows, the phase rows read of
 * what it planned, and the run its outcome once it ended; the next run starts a clean board.
 */
class RunBoardTest {

    @Test
    void phasesAndTablesMoveOnAsTheRunDoes() {
        RunBoard board = new RunBoard();
        assertThat(board.snapshot()).isEmpty();
        board.begin("demo", List.of("statics", "data", "verify"));
        board.runId("run-1");
        board.phase(Phase.STATICS);
        board.phase(Phase.DATA);
        EntityStats lookup = new EntityStats("Catalog.Product", Phase.LOOKUP);
        board.started(lookup, 20);
        lookup.addRead(20);
        board.finished(lookup);
        board.planned(100);
        EntityStats order = new EntityStats("Sales.Order", Phase.DATA);
        board.started(order, 60);
        order.addRead(30);

        RunBoard.Snapshot now = board.snapshot().orElseThrow();
        assertThat(now.running()).isTrue();
        assertThat(now.runId()).hasValue("run-1");
        assertThat(now.phases()).extracting(RunBoard.PhaseLine::phase, RunBoard.PhaseLine::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("statics", "done"),
                        org.assertj.core.groups.Tuple.tuple("lookup", "done"),
                        org.assertj.core.groups.Tuple.tuple("data", "running"),
                        org.assertj.core.groups.Tuple.tuple("verify", "waiting"));
        RunBoard.PhaseLine data = now.phases().get(2);
        assertThat(data.done()).isEqualTo(30);
        assertThat(data.total()).as("the rows the phase planned, not only its tables started so far").isEqualTo(100);
        assertThat(now.entities()).extracting(RunBoard.EntityLine::entity, RunBoard.EntityLine::state,
                RunBoard.EntityLine::done, RunBoard.EntityLine::total).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Catalog.Product", "done", 20L, 20L),
                        org.assertj.core.groups.Tuple.tuple("Sales.Order", "running", 30L, 60L));
        assertThat(now.entities().get(0).eta()).as("a table that is done has no ETA").isEmpty();

        board.finished(order);
        board.end("SUCCEEDED");
        board.end("FAILED");
        RunBoard.Snapshot ended = board.snapshot().orElseThrow();
        assertThat(ended.outcome()).as("the first end counts").hasValue("SUCCEEDED");
        assertThat(ended.phases().get(2).state()).isEqualTo("done");

        board.begin("next", List.of("data"));
        assertThat(board.snapshot().orElseThrow().entities()).isEmpty();
        assertThat(board.snapshot().orElseThrow().runId()).isEmpty();
    }
}
