package io.osmigrate.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.plan.EntityRef;
import io.osmigrate.state.PairBlock.Kind;
import io.osmigrate.state.PairBlock.Pair;
import io.osmigrate.testsupport.PostgresDatabases;

class KeyMapTest {

    private static final EntityRef ORDER = new EntityRef("Shop", "Order", "e1", "o1");
    private StateStore store;

    @TempDir
    Path dir;
    private String pgUrl;

    private StateStore sqlite() {
        store = StateStore.open(sqliteUrl(), "", "", 10_000);
        return store;
    }

    private String sqliteUrl() {
        return "jdbc:sqlite:" + dir.resolve("km-" + UUID.randomUUID() + ".db");
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (pgUrl != null) {
            PostgresDatabases.drop(pgUrl);
        }
    }

    private static PairBlock block(long from, long to, long offset) {
        List<Pair> pairs = new ArrayList<>();
        LongStream.range(from, to).forEach(i -> pairs.add(new Pair(i, i + offset, Kind.INSERTED)));
        return PairBlock.of(pairs);
    }

    @Test
    void preparedPairsAnswerOnlyOnceCommitted() {
        KeyMap map = sqlite().keyMap();
        int scope = map.scope("prod", "qa", ORDER, MapKind.MOVED);
        assertThat(map.scope("prod", "qa", ORDER, MapKind.MOVED)).isEqualTo(scope);
        assertThat(map.scope("prod", "dev", ORDER, MapKind.MOVED)).isNotEqualTo(scope);
        PairBlock b = block(100, 200, 1000);
        long id = map.prepare(scope, "run1", b, "OSUSR_ORDER", "ID");
        assertThat(map.lookup(scope, 150L)).isNull();
        assertThat(map.prepared("prod", "qa")).extracting(KeyMap.PreparedBatch::batchId).containsExactly(id);
        map.commit(id, scope, b);
        assertThat(map.lookup(scope, 150L)).isEqualTo(1150L);
        assertThat(map.lookup(scope, 99L)).isNull();
        assertThat(map.prepared("prod", "qa")).isEmpty();
        assertThat(map.pairCount(scope)).isEqualTo(100);
    }

    @Test
    void overlappingBatchesOfLaterRunsAreFound() {
        KeyMap map = sqlite().keyMap();
        int scope = map.scope("prod", "qa", ORDER, MapKind.MOVED);
        PairBlock first = PairBlock.of(List.of(new Pair(1L, 11L, Kind.INSERTED), new Pair(5L, 15L, Kind.INSERTED),
                new Pair(9L, 19L, Kind.INSERTED)));
        PairBlock retried = PairBlock.of(List.of(new Pair(3L, 33L, Kind.INSERTED), new Pair(7L, 37L, Kind.MATCHED)));
        PairBlock later = block(10, 20, 100);
        for (PairBlock b : List.of(first, retried, later)) {
            map.commit(map.prepare(scope, "r", b, "T", "ID"), scope, b);
        }
        Map<Object, Object> found = map.lookup(scope, List.of(1L, 3L, 5L, 7L, 9L, 12L, 4L, 25L));
        assertThat(found).containsOnly(Map.entry(1L, 11L), Map.entry(3L, 33L), Map.entry(5L, 15L), Map.entry(7L, 37L),
                Map.entry(9L, 19L), Map.entry(12L, 112L));
    }

    @Test
    void survivesAReopenAndEvictionFromABoundedCache() throws Exception {
        String url = sqliteUrl();
        int scope;
        try (StateStore s = StateStore.open(url, "sa", "", 1000)) {
            KeyMap map = s.keyMap();
            scope = map.scope("a", "b", ORDER, MapKind.MOVED);
            for (long start = 0; start < 20_000; start += 500) {
                PairBlock b = block(start, start + 500, 7);
                map.commit(map.prepare(scope, "r", b, "T", "ID"), scope, b);
            }
            assertThat(map.lookup(scope, 42L)).isEqualTo(49L);
        }
        try (StateStore s = StateStore.open(url, "sa", "", 1000)) {
            KeyMap map = s.keyMap();
            assertThat(map.pairCount(scope)).isEqualTo(20_000);
            for (long i = 0; i < 20_000; i += 997) {
                assertThat(map.lookup(scope, i)).isEqualTo(i + 7);
            }
        }
    }

    @Test
    void aLookupSpreadOverManyBatchesIsLoadedAChunkAtATimeAndTheFirstCandidateStillWins() {
        store = StateStore.open(sqliteUrl(), "", "", 1000); // chunks of 250 pairs
        KeyMap map = store.keyMap();
        int scope = map.scope("a", "b", ORDER, MapKind.MOVED);
        for (long start = 0; start < 20_000; start += 500) {
            PairBlock b = block(start, start + 500, 7);
            map.commit(map.prepare(scope, "r", b, "T", "ID"), scope, b);
        }
        List<Object> spread = new ArrayList<>();
        for (long i = 3; i < 20_000; i += 37) {
            spread.add(i);
        }
        Map<Object, Object> found = map.lookup(scope, spread);
        assertThat(found).hasSize(spread.size());
        spread.forEach(id -> assertThat(found.get(id)).isEqualTo((Long) id + 7));

        // a later batch over ids 100..399 is the first candidate for them, even when its chunk is resolved second
        PairBlock later = block(100, 400, 1000);
        map.commit(map.prepare(scope, "r2", later, "T", "ID"), scope, later);
        assertThat(map.lookup(scope, List.of(450L, 150L))).containsOnly(Map.entry(450L, 457L), Map.entry(150L, 1150L));
        assertThat(map.lookup(scope, List.of(150L, 450L))).containsOnly(Map.entry(450L, 457L), Map.entry(150L, 1150L));
    }

    @Test
    void textIdsWork() {
        KeyMap map = sqlite().keyMap();
        int scope = map.scope("a", "b", ORDER, MapKind.MOVED);
        PairBlock b = PairBlock.of(List.of(new Pair("b-guid", "b-guid", Kind.INSERTED), new Pair("a-guid", "a-guid", Kind.INSERTED)));
        map.commit(map.prepare(scope, "r", b, "T", "ID"), scope, b);
        assertThat(map.lookup(scope, "a-guid")).isEqualTo("a-guid");
        assertThat(map.lookup(scope, "c-guid")).isNull();
    }

    @Test
    void settleKeepsOnlyWhatExistsAndDiscardRemovesAll() {
        KeyMap map = sqlite().keyMap();
        int scope = map.scope("a", "b", ORDER, MapKind.MOVED);
        long id1 = map.prepare(scope, "r", block(0, 10, 100), "T", "ID");
        long id2 = map.prepare(scope, "r", block(10, 20, 100), "T", "ID");
        List<KeyMap.PreparedBatch> prepared = map.prepared("a", "b");
        assertThat(prepared).hasSize(2);
        map.settle(prepared.get(0), block(0, 5, 100));
        map.discard(id2);
        assertThat(map.prepared("a", "b")).isEmpty();
        assertThat(map.lookup(scope, List.of(3L, 7L, 15L))).containsOnly(Map.entry(3L, 103L));
        assertThat(id1).isNotEqualTo(id2);
        map.forget(scope);
        assertThat(map.lookup(scope, 3L)).isNull();
        assertThat(map.pairCount(scope)).isZero();
    }

    @Test
    void worksOnAPostgresStateStore() {
        pgUrl = PostgresDatabases.create("state");
        store = StateStore.open(pgUrl, PostgresDatabases.user(), PostgresDatabases.password(), 10_000);
        KeyMap map = store.keyMap();
        int scope = map.scope("a", "b", ORDER, MapKind.MOVED);
        PairBlock b = block(1, 1001, 5);
        map.commit(map.prepare(scope, "r", b, "T", "ID"), scope, b);
        assertThat(map.lookup(scope, 500L)).isEqualTo(505L);
        store.runs().start("r1", "spec", "a", "b", "data");
        store.runs().finish("r1", RunState.SUCCEEDED, 0, "ok");
        assertThat(store.runs().recent(5)).singleElement().extracting(Runs.Run::state).isEqualTo(RunState.SUCCEEDED);
    }
}
