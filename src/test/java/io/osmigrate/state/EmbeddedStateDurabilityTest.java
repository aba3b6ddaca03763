package io.osmigrate.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.plan.EntityRef;
import io.osmigrate.testsupport.ChildRun;

/**
 * The crash-safe protocol's one demand on the state store: a key-map batch whose PREPARED (or COMMITTED)
 * write was acknowledged is still there after the process is killed at any moment. A child JVM writes
 * batches of 2,000 pairs from two threads through the real {@link KeyMap}, as two writers do, printing
 * each acknowledgement; it is killed by SIGKILL or SIGTERM after a random number of them, and every
 * acknowledged batch must be in the reopened embedded store, in at least the acknowledged state.
 */
class EmbeddedStateDurabilityTest {

    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedKeyMapWriteSurvivesAKill() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("state").resolve("osmigrate.db");
        Random random = new Random(20261202L);
        Map<Long, String> acknowledged = new HashMap<>();
        long next = 1;
        for (int i = 0; i < KILLS; i++) {
            ChildRun.Signal signal = i % 2 == 0 ? ChildRun.Signal.KILL : ChildRun.Signal.TERM;
            int after = 20 + random.nextInt(150);
            try (ChildRun child = ChildRun.startMain(dir, List.of(), Writer.class.getName(), url, Long.toString(next))) {
                int seen = 0;
                String line;
                while (seen < after && (line = child.await(l -> l.startsWith("PREPARED ") || l.startsWith("COMMITTED "),
                        120, TimeUnit.SECONDS)) != null) {
                    String[] parts = line.split(" ");
                    acknowledged.merge(Long.parseLong(parts[1]), parts[0], (a, b) -> a.equals("COMMITTED") ? a : b);
                    seen++;
                }
                assertThat(seen).as("acknowledgements before the kill; the child printed:%n%s", child.output()).isEqualTo(after);
                assertThat(child.stop(signal)).as("the kill found the child writing").isTrue();
            }
            Map<Long, String> stored = stored(url);
            for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
                assertThat(stored).as("batch %d was acknowledged %s before SIG%s number %d", ack.getKey(), ack.getValue(),
                        signal, i + 1).containsKey(ack.getKey());
                if (ack.getValue().equals("COMMITTED")) {
                    assertThat(stored.get(ack.getKey())).as("state of batch %d", ack.getKey()).isEqualTo("COMMITTED");
                }
            }
            next = stored.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1_000_000;
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS * 20);
    }

    private static Map<Long, String> stored(String url) throws Exception {
        Map<Long, String> result = new HashMap<>();
        try (StateStore store = StateStore.open(url, "", "", 1000); Connection c = store.dataSource().getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN_SOURCE, STATE FROM OSM_KEY_BATCH")) {
            while (rs.next()) {
                result.put((Long) PairBlock.parse(rs.getString(1)), rs.getString(2));
            }
        }
        return result;
    }

    /** The child: two threads preparing and committing batches as fast as the store takes them, forever. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            StateStore store = StateStore.open(args[0], "", "", 500_000);
            KeyMap keyMap = store.keyMap();
            int scope = keyMap.scope("src", "dst", new EntityRef("M", "E", "e1", "k1"), MapKind.MOVED);
            AtomicLong next = new AtomicLong(Long.parseLong(args[1]));
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread thread = new Thread(() -> {
                    while (true) {
                        long first = next.getAndAdd(2000);
                        List<PairBlock.Pair> pairs = new ArrayList<>();
                        for (long id = first; id < first + 2000; id++) {
                            pairs.add(new PairBlock.Pair(id, 1_000_000_000L + id, PairBlock.Kind.INSERTED));
                        }
                        PairBlock block = PairBlock.of(pairs);
                        keyMap.lookup(scope, List.of(first - 1, first - 4001));
                        long batch = keyMap.prepare(scope, "run", block, "T", "ID");
                        print("PREPARED " + first);
                        keyMap.commit(batch, scope, block);
                        print("COMMITTED " + first);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }

        private static synchronized void print(String line) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
