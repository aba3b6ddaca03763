package io.osmigrate.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.dialect.ValueKind;
import io.osmigrate.env.Environment;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.PairBlock;
import io.osmigrate.state.StateStore;

/**
 * Settles what a run that stopped at any moment left behind, before a new run between the same
 * environments starts. A batch left PREPARED in the key map was written to the state store before
 * its destination transaction committed: if that commit happened, the batch's destination rows
 * exist and its pairs are kept; if not, the rows were rolled back and the pairs are dropped, so the
 * rows are inserted again. Identity values are never reused after a rollback, so "the row with this
 * new id exists" is exactly "the commit happened" — once the killed process's transaction has surely
 * ended on the server, which recovery waits for through the writers' lock.
 */
public final class Recovery {

    /** The lock every write transaction holds and recovery waits for (see Dialect.lockForWriting). */
    public static final String WRITER_LOCK = "osmigrate-writer";

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final int CHUNK = 1000;

    private Recovery() {
    }

    /** Returns how many prepared batches were settled. */
    public static int settle(StateStore state, Environment destination, String sourceEnv) {
        int interrupted = state.runs().markInterrupted(sourceEnv, destination.name());
        if (interrupted > 0) {
            LOG.warn("{} earlier run(s) from {} to {} stopped before finishing; resuming safely", interrupted, sourceEnv,
                    destination.name());
        }
        KeyMap keyMap = state.keyMap();
        List<KeyMap.PreparedBatch> prepared = keyMap.prepared(sourceEnv, destination.name());
        if (!prepared.isEmpty()) {
            awaitWriters(destination);
        }
        for (KeyMap.PreparedBatch batch : prepared) {
            Set<Object> present = existing(destination, batch);
            List<PairBlock.Pair> kept = new ArrayList<>();
            for (PairBlock.Pair p : batch.block().pairs()) {
                if (present.contains(p.destination())) {
                    kept.add(p);
                }
            }
            keyMap.settle(batch, PairBlock.of(kept));
            LOG.info("Recovered a batch of {} interrupted mid-write: {} of {} rows had been committed",
                    batch.entity(), kept.size(), batch.block().size());
        }
        return prepared.size();
    }

    /**
     * A killed process's transaction may still be alive on the server (its COMMIT in flight): wait until
     * every write transaction has ended, or a commit landing after the check would leave rows without pairs.
     */
    private static void awaitWriters(Environment destination) {
        try (Connection c = destination.dataSource().getConnection()) {
            destination.dialect().awaitWriters(c, WRITER_LOCK);
        } catch (SQLException e) {
            throw destination.failure("cannot wait for earlier write transactions to end", e, "Nothing was changed");
        }
    }

    private static Set<Object> existing(Environment destination, KeyMap.PreparedBatch batch) {
        List<Object> ids = batch.block().destinationIds();
        Set<Object> present = new HashSet<>();
        String table = destination.dialect().quote(batch.destinationTable());
        String column = destination.dialect().quote(batch.destinationIdColumn());
        try (Connection c = destination.dataSource().getConnection()) {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                String sql = "SELECT " + column + " FROM " + table + " WHERE " + column + " IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setObject(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            present.add(ValueKind.id(rs.getObject(1)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw destination.failure("cannot check which rows of " + batch.destinationTable() + " an interrupted run wrote",
                    e, "Recovery needs to read the destination; nothing was changed");
        }
        return present;
    }
}
