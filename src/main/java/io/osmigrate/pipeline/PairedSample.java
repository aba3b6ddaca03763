package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.osmigrate.state.KeyMap;

/**
 * The rows a bounded reconciliation ({@code --sample N}) compares: at most N of a table's paired source rows, spread
 * evenly over the table in identifier order (the first, and then one every pairs/N), so both old and recent rows
 * are looked at. The source identifiers alone are streamed and compared with the key map 10,000 at a time, as a
 * top-up does ({@link PairedIdChunks}); only the chosen identifiers are held.
 */
public final class PairedSample {

    private PairedSample() {
    }

    /**
     * @param size        the most rows to choose (at least 1)
     * @param notCompared source ids not to choose (rows match-existing paired with the destination's own rows)
     * @return the chosen source identifiers as text, ascending; fewer than {@code size} where fewer are paired
     */
    public static List<String> choose(RunContext run, TablePlan plan, int size, Set<Object> notCompared) throws SQLException {
        KeyMap keyMap = run.state().keyMap();
        long pairs = keyMap.pairCount(plan.scope());
        List<String> chosen = new ArrayList<>();
        if (pairs == 0) {
            return chosen;
        }
        AtomicLong seen = new AtomicLong();
        PairedIdChunks.scan(run, plan, (chunk, found) -> {
            for (Object id : chunk) {
                if (!found.containsKey(id) || notCompared.contains(id) || plan.keep() != null && !plan.keep().contains(id)) {
                    continue;
                }
                // paired row i (0, 1, …) is chosen where i * size / pairs reaches a new whole number: row 0, then
                // one every pairs/size rows, size of them in all
                long i = seen.getAndIncrement();
                if (i == 0 || (i - 1) * size / pairs != i * size / pairs) {
                    chosen.add(id.toString());
                }
            }
            return chosen.size() < size;
        });
        return chosen;
    }
}
