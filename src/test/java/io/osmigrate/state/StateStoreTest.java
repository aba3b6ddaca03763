package io.osmigrate.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.config.ConfigException;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.testsupport.ChildRun;

/** Which state stores osmigrate opens, how it keeps an embedded one to one process, and the import of an H2 one. */
class StateStoreTest {

    private static final EntityRef ORDER = new EntityRef("Shop", "Order", "e1", "o1");

    @TempDir
    Path dir;

    @Test
    void anH2StateStoreIsRefusedNamingTheKeyAndWhatToDo() {
        for (String url : List.of("jdbc:h2:file:" + dir.resolve("s") + ";WRITE_DELAY=0", "jdbc:h2:mem:s", "jdbc:h2:tcp://localhost/s")) {
            assertThatThrownBy(() -> StateStore.open(url, "sa", "", 1000)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("osmigrate.state.url").hasMessageContaining("H2")
                    .hasMessageContaining("acknowledged commits").hasMessageContaining("SQLite");
        }
        assertThat(dir.resolve("s.mv.db")).doesNotExist();
    }

    @Test
    void aSqliteStoreMustBeAFileWhoseDurabilityTheUrlLeavesAlone() {
        assertThatThrownBy(() -> StateStore.open("jdbc:sqlite::memory:", "", "", 1000))
                .isInstanceOf(ConfigException.class).hasMessageContaining("in-memory");
        assertThatThrownBy(() -> StateStore.open("jdbc:sqlite:" + dir.resolve("a.db") + "?synchronous=OFF", "", "", 1000))
                .isInstanceOf(ConfigException.class).hasMessageContaining("synchronous").hasMessageContaining("remove it");
        assertThatThrownBy(() -> StateStore.open("jdbc:mysql://x/y", "", "", 1000))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SQLite file");
    }

    @Test
    void aStoreIsOpenedWithTheWriteAheadLogAndFullSynchronousCommits() throws Exception {
        try (StateStore store = StateStore.open("jdbc:sqlite:" + dir.resolve("state/osmigrate.db"), "", "", 1000);
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            var journal = s.executeQuery("PRAGMA journal_mode");
            journal.next();
            assertThat(journal.getString(1)).isEqualToIgnoringCase("wal");
            var synchronous = s.executeQuery("PRAGMA synchronous");
            synchronous.next();
            assertThat(synchronous.getInt(1)).as("2 = FULL").isEqualTo(2);
        }
    }

    @Test
    void anEmbeddedStoreServesOneProcessAtATime() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("state/osmigrate.db");
        try (ChildRun holder = ChildRun.startMain(dir, List.of(), Holder.class.getName(), url)) {
            assertThat(holder.await(l -> l.equals("HOLDING"), 120, TimeUnit.SECONDS)).as(holder.output()).isNotNull();
            assertThatThrownBy(() -> StateStore.open(url, "", "", 1000)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("in use by another osmigrate process").hasMessageContaining("osmigrate.db");
            holder.stop(ChildRun.Signal.KILL);
        }
        // a killed holder leaves no stale lock
        try (StateStore store = StateStore.open(url, "", "", 1000); StateStore again = StateStore.open(url, "", "", 1000)) {
            assertThat(store.runs().recent(10)).isEmpty();
            assertThat(again.runs().recent(10)).as("a second store in the same process shares the lock").isEmpty();
        }
    }

    @Test
    void anH2StoreBesideANewSqliteStoreIsImportedOnceAndKept() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        PairBlock block = PairBlock.of(List.of(new PairBlock.Pair(1L, 101L, PairBlock.Kind.INSERTED),
                new PairBlock.Pair(2L, 102L, PairBlock.Kind.INSERTED)));
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + state.resolve("osmigrate"), "sa", "");
             Statement s = h2.createStatement()) {
            String ddl = new String(StateStoreTest.class.getResourceAsStream("/legacy/h2-state-store-v1.sql").readAllBytes(),
                    StandardCharsets.UTF_8);
            for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            s.execute("INSERT INTO OSM_RUN VALUES ('r1', 'spec.yaml', 'src', 'dst', 'data', 'SUCCEEDED', CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP, NULL)");
            s.execute("INSERT INTO OSM_MAP_SCOPE (SCOPE_ID, SOURCE_ENV, DESTINATION_ENV, ESPACE_KEY, ENTITY_KEY, MAP_KIND,"
                    + " ENTITY_NAME) VALUES (7, 'src', 'dst', 'e1', 'o1', 'MOVED', 'Shop.Order')");
            try (PreparedStatement ps = h2.prepareStatement("INSERT INTO OSM_KEY_BATCH (BATCH_ID, SCOPE_ID, RUN_ID, STATE,"
                    + " ID_TYPE, PAIR_COUNT, MIN_SOURCE, MAX_SOURCE, DESTINATION_TABLE, DESTINATION_ID_COLUMN, PAIRS, CREATED_AT)"
                    + " VALUES (40, 7, 'r1', 'COMMITTED', 'N', 2, ?, ?, 'T', 'ID', ?, ?)")) {
                ps.setString(1, PairBlock.text(block.minSource()));
                ps.setString(2, PairBlock.text(block.maxSource()));
                ps.setBytes(3, block.encode());
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            s.execute("INSERT INTO OSM_DEAD_LETTER (RUN_ID, PHASE, ENTITY, SOURCE_ID, REASON, MESSAGE, SOURCE_ROW, CREATED_AT)"
                    + " VALUES ('r1', 'data', 'Shop.Order', '3', 'unique-violation', 'duplicate', '{\"ID\":3}', CURRENT_TIMESTAMP)");
            s.execute("SHUTDOWN");
        }
        String url = "jdbc:sqlite:" + state.resolve("osmigrate.db");
        try (StateStore store = StateStore.open(url, "", "", 1000)) {
            int scope = store.keyMap().scope("src", "dst", ORDER, MapKind.MOVED);
            assertThat(scope).isEqualTo(7);
            assertThat(store.keyMap().lookup(scope, List.of(1L, 2L, 3L))).containsEntry(1L, 101L).containsEntry(2L, 102L)
                    .hasSize(2);
            assertThat(store.runs().recent(10)).extracting(Runs.Run::runId).containsExactly("r1");
            assertThat(store.deadLetters().list("r1")).extracting(DeadLetter::sourceRow).containsExactly("{\"ID\":3}");
            PairBlock next = PairBlock.of(List.of(new PairBlock.Pair(3L, 103L, PairBlock.Kind.INSERTED)));
            assertThat(store.keyMap().prepare(scope, "r2", next, "T", "ID")).as("new batch ids follow the imported ones")
                    .isGreaterThan(40);
        }
        assertThat(state.resolve("osmigrate.mv.db")).doesNotExist();
        assertThat(state.resolve("osmigrate.imported.mv.db")).exists();
        try (StateStore store = StateStore.open(url, "", "", 1000)) {
            assertThat(store.runs().recent(10)).as("imported once").hasSize(1);
        }
    }

    /** The child: opens the store and holds it until killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (StateStore store = StateStore.open(args[0], "", "", 1000)) {
                System.out.println("HOLDING");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }
}
