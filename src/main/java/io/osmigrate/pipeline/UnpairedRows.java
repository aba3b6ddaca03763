package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.osmigrate.state.KeyMap;

/**
 * What a re-run of a table must read: the source identifiers alone are streamed in order and compared, a chunk at
 * a time, with the key map's committed pairs; the rows without a pair are the ones to move. Every identifier is
 * compared on every run, so a row committed in the source after an earlier run read its table, with an id lower than
 * rows already moved, is found like any other. Rows a subset leaves out are not counted as missing. A table whose map is empty (a first run) is not scanned, and where more
 * rows are missing than {@link #MAX_UNPAIRED} or a fifth of the table, reading the whole table (and skipping the
 * paired rows per batch) is cheaper than fetching them by id, and memory stays bounded.
 */
public final class UnpairedRows {

    /** The most identifiers a top-up fetches by id (held in memory as text until the table is read). */
    static final int MAX_UNPAIRED = 100_000;

    /**
     * The unpaired rows of a table, and how many were found paired.
     *
     * @param unpaired their identifiers as text, ascending
     */
    public record Scan(List<String> unpaired, long paired) {
    }

    private UnpairedRows() {
    }

    /**
     * Scans the table's identifiers; empty when the table has no pairs yet or when too many are missing for a read
     * by id to pay (read the whole table then).
     */
    public static Optional<Scan> scan(RunContext run, TablePlan plan) throws SQLException {
        KeyMap keyMap = run.state().keyMap();
        if (keyMap.pairCount(plan.scope()) == 0) {
            return Optional.empty();
        }
        List<String> unpaired = new ArrayList<>();
        AtomicLong paired = new AtomicLong();
        AtomicBoolean tooMany = new AtomicBoolean();
        PairedIdChunks.scan(run, plan, (chunk, found) -> {
            for (Object id : chunk) {
                if (!found.containsKey(id) && (plan.keep() == null || plan.keep().contains(id))) {
                    unpaired.add(id.toString());
                }
            }
            paired.addAndGet(found.size());
            tooMany.set(unpaired.size() > MAX_UNPAIRED || unpaired.size() > Math.max(PairedIdChunks.CHUNK, plan.rows() / 5));
            return !tooMany.get();
        });
        return tooMany.get() ? Optional.empty() : Optional.of(new Scan(unpaired, paired.get()));
    }
}
