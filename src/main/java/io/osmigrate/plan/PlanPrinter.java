package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.osmigrate.text.TextTable;
import io.osmigrate.spec.Mode;

/**
 * Writes a plan for a person to read: entities in the order the data phase takes them (lookups, then moved
 * entities in load order), deferred references, statics, clean steps, triggered tables, users, findings.
 */
public final class PlanPrinter {

    private PlanPrinter() {
    }

    public static String print(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Plan for spec ").append(plan.spec()).append(" (").append(plan.specFile()).append(")\n");
        out.append("  source       ").append(plan.source()).append(" (").append(plan.sourceEngine()).append(")\n");
        out.append("  destination  ").append(plan.destination()).append(" (").append(plan.destinationEngine()).append(")\n\n");

        out.append("Entities in the order the data phase takes them: lookups first (matched to existing destination rows"
                + " before any row is moved), then moved ones in load order\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "group", "entity", "mode", "source table", "destination table", "source rows", "dest. rows", "deferred"});
        for (PlannedEntity e : plan.entities()) {
            String deferred = String.join(", ", e.deferredColumns().stream().map(ColumnPlan::attribute).toList());
            rows.add(new String[] {e.order() == 0 ? "-" : Integer.toString(e.order()),
                    e.mode() == Mode.MOVE ? Integer.toString(e.cycleGroup()) : "-", e.entity().qualifiedName(), e.mode().wire(),
                    nullToDash(e.sourceTable()), nullToDash(e.destinationTable()),
                    e.mode() == Mode.SKIP ? "-" : TextTable.count(e.sourceRows()), e.mode() == Mode.SKIP ? "-" : TextTable.count(e.destinationRows()),
                    deferred.isEmpty() ? "" : deferred});
        }
        TextTable.render(out, "  ", rows, i -> i == 6 || i == 7);

        if (!plan.deferred().isEmpty()) {
            out.append("\nDeferred references (inserted empty, set once their cycle group is loaded)\n");
            List<String[]> d = new ArrayList<>();
            for (DeferredReference r : plan.deferred()) {
                d.add(new String[] {r.entity().qualifiedName() + "." + r.attribute() + " → " + r.target().qualifiedName(), r.reason()});
            }
            TextTable.render(out, "  ", d, i -> false);
        }
        if (!plan.softKeys().isEmpty()) {
            out.append("\nSoft keys (declared in the spec: remapped through the target's key map like references;"
                    + " 0 and empty text mean none and are kept)\n");
            List<String[]> k = new ArrayList<>();
            for (SoftKeyLine line : plan.softKeys()) {
                k.add(new String[] {line.entity() + "." + line.attribute() + " → " + line.target(), line.type(),
                    line.mandatory() ? "mandatory" : "optional", line.deferred() ? "deferred" : ""});
            }
            TextTable.render(out, "  ", k, i -> false);
        }
        if (!plan.shaping().subsets().isEmpty()) {
            SubsetPrinter.print(out, plan.shaping().subsets());
        }
        if (!plan.shaping().anonymized().isEmpty()) {
            SubsetPrinter.printAnonymized(out, plan.shaping().anonymized());
        }
        if (!plan.statics().isEmpty()) {
            out.append("\nStatic entities (records mapped by SS_Key, never written)\n");
            List<String[]> s = new ArrayList<>();
            for (StaticPlan st : plan.statics()) {
                s.add(new String[] {st.entity().qualifiedName(), (st.matched()) + " of " + (st.matched() + st.unmatched().size())
                        + " records matched" + (st.unmatched().isEmpty() ? "" : "; unmatched: " + String.join(", ", st.unmatched()))});
            }
            TextTable.render(out, "  ", s, i -> false);
        }
        if (!plan.clean().isEmpty()) {
            out.append("\nClean (runs before the data phase, in this order)\n");
            List<String[]> c = new ArrayList<>();
            for (CleanStep step : plan.clean()) {
                String what = switch (step.action()) {
                    case NULL_DEFERRED -> "empty " + String.join(", ", step.columns());
                    case DELETE_REFERENCING -> "delete rows referencing deleted data through " + String.join(", ",
                            step.conditions().stream().map(x -> x.column() + " → " + x.parent().qualifiedName()).toList());
                    case DELETE_ALL -> "delete every row";
                    case NULL_DEFERRED_PAIRED -> "empty " + String.join(", ", step.columns()) + " of the rows moved before";
                    case DELETE_PAIRED -> "delete the rows moved before (the destination's own stay)";
                };
                c.add(new String[] {step.entity().qualifiedName(), step.table(), what});
            }
            TextTable.render(out, "  ", c, i -> false);
        }
        if (!plan.triggersOff().isEmpty()) {
            out.append("\nTriggers off (the destination's BPT subscriptions saved in the state store and deleted before any"
                    + " write, so no event is queued; the events phase puts them back)\n");
            List<String[]> t = new ArrayList<>();
            t.add(new String[] {"event table", "entity", "rows", "written by"});
            for (TriggeredTable table : plan.triggersOff()) {
                t.add(new String[] {table.eventTable(), table.entity().qualifiedName(), TextTable.count(table.rows()),
                    table.writtenBy()});
            }
            TextTable.render(out, "  ", t, i -> i == 2);
        }
        if (plan.bpt() != null) {
            printBpt(out, plan);
        }
        if (plan.users() != null) {
            UsersPlanPrinter.print(out, plan.users());
        }
        if (!plan.findings().isEmpty()) {
            out.append("\nFindings\n");
            for (Severity severity : Severity.values()) {
                plan.findings().stream().filter(f -> f.severity() == severity).forEach(f -> out.append("  ")
                        .append(String.format(Locale.ROOT, "%-8s", severity)).append(f.message()).append('\n'));
            }
        }
        long errors = plan.errors().size();
        long warnings = plan.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        out.append('\n').append(plan.runnable() ? "Runnable" : "NOT runnable").append(": ").append(errors)
                .append(errors == 1 ? " error, " : " errors, ").append(warnings).append(warnings == 1 ? " warning" : " warnings")
                .append('\n');
        return out.toString();
    }

    private static void printBpt(StringBuilder out, Plan plan) {
        BptPlan bpt = plan.bpt();
        out.append("\nBPT (definitions, statuses and groups mapped, never written; instances: ").append(bpt.instances().wire())
                .append(")\n");
        out.append("  processes in scope: ").append(bpt.processes().isEmpty() ? "none" : String.join(", ", bpt.processes()))
                .append('\n');
        List<String[]> d = new ArrayList<>();
        d.add(new String[] {"definition table", "in scope", "matched", "unmatched"});
        for (BptPlan.DefinitionMatch m : bpt.definitions()) {
            d.add(new String[] {m.table(), TextTable.count(m.inScope()), TextTable.count(m.matched()), String.join(", ", m.unmatched())});
        }
        TextTable.render(out, "  ", d, i -> i == 1 || i == 2);
        if (bpt.tables().isEmpty()) {
            out.append("  no process instance moves\n");
            return;
        }
        out.append("  instance tables (in the load order above, reported under the bpt phase):\n");
        List<String[]> t = new ArrayList<>();
        t.add(new String[] {"#", "table", "instances to move", "dest. rows"});
        for (PlannedEntity e : plan.moved()) {
            if (bpt.moves(e.entity())) {
                t.add(new String[] {Integer.toString(e.order()), e.sourceTable(), TextTable.count(e.sourceRows()),
                    TextTable.count(e.destinationRows())});
            }
        }
        TextTable.render(out, "  ", t, i -> i == 2 || i == 3);
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }
}
