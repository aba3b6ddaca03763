package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Warns about a moved entity whose destination table already holds rows while the key map pairs none of
 * them: a run would insert every source row again beside them. That is what a lost, new or wrong state
 * store pointed at an already migrated destination does, and the run itself cannot tell those rows from
 * QA's own. Not checked when the run cleans first (the rows go).
 */
public final class UnpairedDestinationRows {

    public static final String CODE = "destination-rows-without-pairs";

    private UnpairedDestinationRows() {
    }

    /**
     * @param pairedRows how many pairs the key map holds for an entity between the plan's two environments
     */
    public static List<Finding> findings(Plan plan, ToLongFunction<EntityRef> pairedRows) {
        List<Finding> findings = new ArrayList<>();
        for (PlannedEntity e : plan.moved()) {
            if (plan.isBptTable(e.entity())) {
                continue; // the destination's own process instances live beside the moved ones
            }
            if (e.destinationRows() > 0 && e.sourceRows() > 0 && pairedRows.applyAsLong(e.entity()) == 0) {
                findings.add(Finding.warning(CODE, e.entity().qualifiedName(), String.format(Locale.ROOT,
                        "the destination table already holds %,d rows and the key map pairs none of them with source rows,"
                                + " so a run inserts all %,d source rows beside them. If they came from an earlier migration"
                                + " whose state store was lost or replaced, use onConflict: match-existing (needs a unique key)"
                                + " or start over with --fresh (deletes the scope's destination rows); if they are the"
                                + " destination's own rows, go on", e.destinationRows(), e.sourceRows())));
            }
        }
        return findings;
    }
}
