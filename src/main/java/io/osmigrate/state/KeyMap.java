package io.osmigrate.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.osmigrate.meters.Meters;
import io.osmigrate.plan.EntityRef;

/**
 * The persistent key map: (source env, destination env, espace SS_Key, entity SS_Key, source id) →
 * destination id. Pairs are stored one row per written batch ({@link PairBlock}), found through a
 * small in-memory range index per scope, and cached whole-batch in Caffeine with a bound on the
 * number of pairs held: memory stays bounded whatever the table sizes, and a miss loads a batch of
 * neighbouring pairs in one query.
 *
 * <p>Write protocol (crash safety): {@link #prepare} stores a batch as PREPARED and commits, before
 * the destination commits; {@link #commit} marks it COMMITTED after. Only committed batches answer
 * lookups. Thread-safe (synchronized).
 */
public final class KeyMap {

    /** A batch left PREPARED by an interrupted run, to be settled against the destination. */
    public record PreparedBatch(long batchId, int scopeId, String entity, String destinationTable,
                                String destinationIdColumn, PairBlock block) {
    }

    private final DataSource store;
    private final Cache<Long, PairBlock> blocks;
    private final Map<Integer, ScopeIndex> indexes = new HashMap<>();
    private final long lookupChunkPairs;
    private volatile Meters meters = Meters.NONE;

    KeyMap(DataSource store, long maxCachedPairs) {
        this.store = store;
        this.lookupChunkPairs = Math.max(1, maxCachedPairs / 4);
        this.blocks = Caffeine.newBuilder().maximumWeight(maxCachedPairs)
                .weigher((Long id, PairBlock b) -> Math.max(1, b.size())).build();
    }

    /** Where the cache's hits and misses are told. */
    public void meters(Meters meters) {
        this.meters = meters;
    }

    /** The scope id for an entity between two environments, created on first use. */
    public synchronized int scope(String sourceEnv, String destinationEnv, EntityRef entity, MapKind kind) {
        String select = "SELECT SCOPE_ID FROM OSM_MAP_SCOPE WHERE SOURCE_ENV = ? AND DESTINATION_ENV = ? AND ESPACE_KEY = ?"
                + " AND ENTITY_KEY = ? AND MAP_KIND = ?";
        try (Connection c = store.getConnection()) {
            Integer id = scopeId(c, select, sourceEnv, destinationEnv, entity, kind);
            if (id != null) {
                return id;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO OSM_MAP_SCOPE (SOURCE_ENV, DESTINATION_ENV,"
                    + " ESPACE_KEY, ENTITY_KEY, MAP_KIND, ENTITY_NAME) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, sourceEnv);
                ps.setString(2, destinationEnv);
                ps.setString(3, entity.espaceKey());
                ps.setString(4, entity.entityKey());
                ps.setString(5, kind.name());
                ps.setString(6, entity.qualifiedName());
                ps.executeUpdate();
            }
            return scopeId(c, select, sourceEnv, destinationEnv, entity, kind);
        } catch (SQLException e) {
            throw new StateException("cannot register the key map of " + entity.qualifiedName(), e);
        }
    }

    private static Integer scopeId(Connection c, String sql, String src, String dst, EntityRef e, MapKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, src);
            ps.setString(2, dst);
            ps.setString(3, e.espaceKey());
            ps.setString(4, e.entityKey());
            ps.setString(5, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    /**
     * Destination ids of the given source ids; ids without a committed pair are absent from the result. The
     * batches that may hold them are loaded a chunk at a time, so a lookup whose ids are spread over a whole
     * large entity (a reference to random parents) never holds more than a quarter of the cache bound at once.
     * Where several batches may hold an id (re-runs), the first candidate that has it wins, as before.
     */
    public synchronized Map<Object, Object> lookup(int scopeId, Collection<?> sourceIds) {
        ScopeIndex index = index(scopeId);
        Map<Object, List<Long>> candidates = new HashMap<>();
        Map<Long, List<Object>> idsByBatch = new LinkedHashMap<>();
        for (Object id : sourceIds) {
            if (candidates.containsKey(id)) {
                continue;
            }
            List<Long> batches = index.candidates(id);
            if (!batches.isEmpty()) {
                candidates.put(id, batches);
                batches.forEach(b -> idsByBatch.computeIfAbsent(b, k -> new ArrayList<>()).add(id));
            }
        }
        Map<Object, Object> result = new HashMap<>();
        Map<Object, Integer> foundAt = new HashMap<>();
        List<Long> chunk = new ArrayList<>();
        long chunkPairs = 0;
        for (Long batch : idsByBatch.keySet()) {
            chunk.add(batch);
            chunkPairs += index.count(batch);
            if (chunkPairs >= lookupChunkPairs) {
                resolve(chunk, idsByBatch, candidates, result, foundAt);
                chunk.clear();
                chunkPairs = 0;
            }
        }
        resolve(chunk, idsByBatch, candidates, result, foundAt);
        return result;
    }

    private void resolve(List<Long> chunk, Map<Long, List<Object>> idsByBatch, Map<Object, List<Long>> candidates,
                         Map<Object, Object> result, Map<Object, Integer> foundAt) {
        if (chunk.isEmpty()) {
            return;
        }
        long[] misses = {0};
        Map<Long, PairBlock> loaded = blocks.getAll(chunk, ids -> {
            misses[0] += ids.size();
            return load(ids);
        });
        meters.keyMapCache(chunk.size() - misses[0], misses[0]);
        for (Long batch : chunk) {
            PairBlock block = loaded.get(batch);
            if (block == null) {
                continue;
            }
            for (Object id : idsByBatch.get(batch)) {
                Object found = block.find(id);
                if (found == null) {
                    continue;
                }
                List<Long> of = candidates.get(id);
                if (of.size() == 1) {
                    result.put(id, found);
                    continue;
                }
                int position = of.indexOf(batch);
                Integer earlier = foundAt.get(id);
                if (earlier == null || position < earlier) {
                    result.put(id, found);
                    foundAt.put(id, position);
                }
            }
        }
    }

    public Object lookup(int scopeId, Object sourceId) {
        return lookup(scopeId, List.of(sourceId)).get(sourceId);
    }

    /** Stores a batch as PREPARED and commits the state store; returns its id. */
    public synchronized long prepare(int scopeId, String runId, PairBlock block, String destinationTable, String idColumn) {
        return insert(scopeId, runId, block, destinationTable, idColumn, "PREPARED");
    }

    private long insert(int scopeId, String runId, PairBlock block, String destinationTable, String idColumn, String state) {
        String sql = "INSERT INTO OSM_KEY_BATCH (SCOPE_ID, RUN_ID, STATE, ID_TYPE, PAIR_COUNT, MIN_SOURCE, MAX_SOURCE,"
                + " DESTINATION_TABLE, DESTINATION_ID_COLUMN, PAIRS, CREATED_AT) VALUES (?, ?, '" + state + "', ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setInt(1, scopeId);
            ps.setString(2, runId);
            ps.setString(3, block.minSource() instanceof Long ? "N" : "T");
            ps.setInt(4, block.size());
            ps.setString(5, PairBlock.text(block.minSource()));
            ps.setString(6, PairBlock.text(block.maxSource()));
            ps.setString(7, destinationTable);
            ps.setString(8, idColumn);
            ps.setBytes(9, block.encode());
            ps.setTimestamp(10, Timestamp.from(Instant.now()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                blocks.put(id, block);
                return id;
            }
        } catch (SQLException e) {
            throw new StateException("cannot record a key-map batch in the state store", e);
        }
    }

    /** Stores pairs that need no destination write (lookups) as COMMITTED in one statement. */
    public synchronized void store(int scopeId, String runId, PairBlock block) {
        long id = insert(scopeId, runId, block, "-", "-", "COMMITTED");
        ScopeIndex index = indexes.get(scopeId);
        if (index != null) {
            index.add(new ScopeIndex.Entry(id, block.minSource(), block.maxSource(), block.size()));
        }
    }

    /** Marks a prepared batch COMMITTED: its pairs now answer lookups. */
    public synchronized void commit(long batchId, int scopeId, PairBlock block) {
        update("UPDATE OSM_KEY_BATCH SET STATE = 'COMMITTED' WHERE BATCH_ID = ?", batchId);
        ScopeIndex index = indexes.get(scopeId);
        if (index != null) {
            index.add(new ScopeIndex.Entry(batchId, block.minSource(), block.maxSource(), block.size()));
        }
        blocks.put(batchId, block);
    }

    /** Deletes a batch whose destination rows do not exist (its transaction rolled back). */
    public synchronized void discard(long batchId) {
        update("DELETE FROM OSM_KEY_BATCH WHERE BATCH_ID = ?", batchId);
        blocks.invalidate(batchId);
        indexes.values().forEach(i -> i.remove(batchId));
    }

    /** Forgets every pair of a scope: its destination rows were deleted (clean), or a lookup is rebuilt. */
    public synchronized void forget(int scopeId) {
        index(scopeId).batchIds().forEach(blocks::invalidate);
        update("DELETE FROM OSM_KEY_BATCH WHERE SCOPE_ID = ?", scopeId);
        indexes.remove(scopeId);
    }

    /**
     * Drops the pairs whose destination rows are about to be deleted (consumer rows removed by a clean),
     * rewriting the batches that hold them.
     */
    public synchronized void removeDestinations(int scopeId, Set<Object> destinationIds) {
        if (destinationIds.isEmpty()) {
            return;
        }
        for (Long batchId : index(scopeId).batchIds()) {
            PairBlock block = blocks.getAll(List.of(batchId), this::load).get(batchId);
            List<PairBlock.Pair> kept = block.pairs().stream().filter(p -> !destinationIds.contains(p.destination())).toList();
            if (kept.size() != block.size()) {
                settle(new PreparedBatch(batchId, scopeId, null, null, null, block), PairBlock.of(kept));
            }
        }
    }

    /**
     * Drops what this process remembers of the key map (the range indexes and cached batches), so the next lookups
     * read it afresh: another process may have written batches since (a host that took over, a run from the
     * command line on a shared state store), which a remembered index would not know of.
     */
    public synchronized void forgetCached() {
        blocks.invalidateAll();
        indexes.clear();
    }

    /** Forgets every pair between two environments (their destination was recreated). */
    public synchronized void forgetEnvironments(String sourceEnv, String destinationEnv) {
        String sql = "DELETE FROM OSM_KEY_BATCH WHERE SCOPE_ID IN (SELECT SCOPE_ID FROM OSM_MAP_SCOPE"
                + " WHERE SOURCE_ENV = ? AND DESTINATION_ENV = ?)";
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sourceEnv);
            ps.setString(2, destinationEnv);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StateException("cannot forget the key map from " + sourceEnv + " to " + destinationEnv, e);
        }
        blocks.invalidateAll();
        indexes.clear();
    }

    /**
     * Pairs the key map holds, in any state, for the rows of an entity moved between two environments; 0 when it
     * never moved any. Reads only (no scope is created).
     */
    public long movedPairs(String sourceEnv, String destinationEnv, EntityRef entity) {
        String sql = "SELECT COALESCE(SUM(b.PAIR_COUNT), 0) FROM OSM_KEY_BATCH b JOIN OSM_MAP_SCOPE s ON s.SCOPE_ID = b.SCOPE_ID"
                + " WHERE s.SOURCE_ENV = ? AND s.DESTINATION_ENV = ? AND s.ESPACE_KEY = ? AND s.ENTITY_KEY = ? AND s.MAP_KIND = ?";
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sourceEnv);
            ps.setString(2, destinationEnv);
            ps.setString(3, entity.espaceKey());
            ps.setString(4, entity.entityKey());
            ps.setString(5, MapKind.MOVED.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StateException("cannot count the key-map pairs of " + entity.qualifiedName(), e);
        }
    }

    /** Committed pairs of a scope. */
    public synchronized long pairCount(int scopeId) {
        return index(scopeId).pairs();
    }

    /** Every committed pair of a scope, batch by batch (verification and tests; loads the whole map). */
    public synchronized List<PairBlock.Pair> allPairs(int scopeId) {
        List<PairBlock.Pair> out = new ArrayList<>();
        List<Long> ids = index(scopeId).batchIds();
        blocks.getAll(ids, this::load).values().forEach(b -> out.addAll(b.pairs()));
        return out;
    }

    /** The highest key-map batch there is, of any scope (0 when there is none): batch ids only ever grow. */
    public synchronized long lastBatchId() {
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(BATCH_ID), 0) FROM OSM_KEY_BATCH"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StateException("cannot read the last key-map batch", e);
        }
    }

    /**
     * The source ids of a scope's committed pairs in batches after {@code batchId}; empty when there are more than
     * {@code limit} of them (the caller then reads the whole table).
     */
    public synchronized Optional<Set<Object>> sourceIdsAfter(int scopeId, long batchId, long limit) {
        ScopeIndex index = index(scopeId);
        List<Long> after = index.batchIds().stream().filter(b -> b > batchId).toList();
        if (after.stream().mapToLong(index::count).sum() > limit) {
            return Optional.empty();
        }
        Set<Object> ids = new HashSet<>();
        blocks.getAll(after, this::load).values().forEach(b -> b.pairs().forEach(p -> ids.add(p.source())));
        return Optional.of(ids);
    }

    /** Batches left PREPARED between two environments by a run that stopped. */
    public synchronized List<PreparedBatch> prepared(String sourceEnv, String destinationEnv) {
        String sql = "SELECT b.BATCH_ID, b.SCOPE_ID, s.ENTITY_NAME, b.DESTINATION_TABLE, b.DESTINATION_ID_COLUMN, b.PAIRS"
                + " FROM OSM_KEY_BATCH b JOIN OSM_MAP_SCOPE s ON s.SCOPE_ID = b.SCOPE_ID"
                + " WHERE b.STATE = 'PREPARED' AND s.SOURCE_ENV = ? AND s.DESTINATION_ENV = ? ORDER BY b.BATCH_ID";
        List<PreparedBatch> result = new ArrayList<>();
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sourceEnv);
            ps.setString(2, destinationEnv);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new PreparedBatch(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            PairBlock.decode(rs.getBytes(6))));
                }
            }
        } catch (SQLException e) {
            throw new StateException("cannot read prepared key-map batches", e);
        }
        return result;
    }

    /** Replaces a prepared batch by the pairs whose destination rows exist, and commits it. */
    public synchronized void settle(PreparedBatch batch, PairBlock kept) {
        if (kept.isEmpty()) {
            discard(batch.batchId());
            return;
        }
        String sql = "UPDATE OSM_KEY_BATCH SET PAIRS = ?, PAIR_COUNT = ?, MIN_SOURCE = ?, MAX_SOURCE = ?, STATE = 'COMMITTED'"
                + " WHERE BATCH_ID = ?";
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, kept.encode());
            ps.setInt(2, kept.size());
            ps.setString(3, PairBlock.text(kept.minSource()));
            ps.setString(4, PairBlock.text(kept.maxSource()));
            ps.setLong(5, batch.batchId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StateException("cannot settle key-map batch " + batch.batchId(), e);
        }
        blocks.put(batch.batchId(), kept);
        indexes.remove(batch.scopeId());
    }

    private ScopeIndex index(int scopeId) {
        ScopeIndex index = indexes.get(scopeId);
        if (index == null) {
            index = new ScopeIndex();
            String sql = "SELECT BATCH_ID, MIN_SOURCE, MAX_SOURCE, PAIR_COUNT FROM OSM_KEY_BATCH WHERE SCOPE_ID = ?"
                    + " AND STATE = 'COMMITTED'";
            try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, scopeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        index.add(new ScopeIndex.Entry(rs.getLong(1), PairBlock.parse(rs.getString(2)),
                                PairBlock.parse(rs.getString(3)), rs.getInt(4)));
                    }
                }
            } catch (SQLException e) {
                throw new StateException("cannot read the key-map index of scope " + scopeId, e);
            }
            indexes.put(scopeId, index);
        }
        return index;
    }

    private Map<Long, PairBlock> load(Set<? extends Long> ids) {
        Map<Long, PairBlock> result = new HashMap<>();
        List<Long> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += 500) {
            List<Long> chunk = list.subList(from, Math.min(list.size(), from + 500));
            String sql = "SELECT BATCH_ID, PAIRS FROM OSM_KEY_BATCH WHERE BATCH_ID IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getLong(1), PairBlock.decode(rs.getBytes(2)));
                    }
                }
            } catch (SQLException e) {
                throw new StateException("cannot load key-map batches", e);
            }
        }
        return result;
    }

    private void update(String sql, long id) {
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StateException("cannot update the key map: " + sql, e);
        }
    }
}
