package io.osmigrate.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The committed batches of one key-map scope with their source-id ranges, to find the batches that
 * may hold a source id without reading any of them. Batches of one run cover ascending, disjoint
 * ranges (rows are read in id order); batches of later runs (top-ups, retried dead letters) may
 * overlap earlier ones, so every batch whose range contains the id is a candidate. Small: one entry
 * per batch. Not thread-safe: {@link KeyMap} guards it.
 */
final class ScopeIndex {

    record Entry(long batchId, Object min, Object max, int count) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final java.util.Map<Long, Entry> byId = new java.util.HashMap<>();
    private Object[] prefixMax = new Object[0];
    private boolean dirty;

    void add(Entry e) {
        entries.add(e);
        byId.put(e.batchId(), e);
        dirty = true;
    }

    void remove(long batchId) {
        byId.remove(batchId);
        dirty |= entries.removeIf(e -> e.batchId() == batchId);
    }

    /** The number of pairs of a batch of this scope (0 for an unknown one). */
    int count(long batchId) {
        Entry e = byId.get(batchId);
        return e == null ? 0 : e.count();
    }

    long pairs() {
        return entries.stream().mapToLong(Entry::count).sum();
    }

    int batches() {
        return entries.size();
    }

    List<Long> batchIds() {
        return entries.stream().map(Entry::batchId).toList();
    }

    /** Batches whose [min, max] contains the id. */
    List<Long> candidates(Object id) {
        settle();
        List<Long> result = new ArrayList<>(2);
        int hi = lastWithMinAtMost(id);
        for (int i = hi; i >= 0 && PairBlock.compareIds(prefixMax[i], id) >= 0; i--) {
            if (PairBlock.compareIds(entries.get(i).max(), id) >= 0) {
                result.add(entries.get(i).batchId());
            }
        }
        return result;
    }

    private int lastWithMinAtMost(Object id) {
        int lo = 0;
        int hi = entries.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (PairBlock.compareIds(entries.get(mid).min(), id) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private void settle() {
        if (!dirty) {
            return;
        }
        entries.sort(Comparator.comparing(Entry::min, PairBlock::compareIds));
        prefixMax = new Object[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Object max = entries.get(i).max();
            prefixMax[i] = i == 0 || PairBlock.compareIds(max, prefixMax[i - 1]) > 0 ? max : prefixMax[i - 1];
        }
        dirty = false;
    }
}
