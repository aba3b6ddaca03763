package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.osmigrate.text.TextTable;

/**
 * The shaping parts of a printed plan: per moved entity, the rows the subset keeps of the source's and why; the
 * anonymised attributes.
 */
final class SubsetPrinter {

    private SubsetPrinter() {
    }

    static void print(StringBuilder out, List<SubsetLine> subsets) {
        out.append("\nSubset (the rows each moved entity keeps: selected by its where or sample, or every row without"
                + " one; the parents of kept rows; the children of kept rows where follow: children)\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"entity", "source rows", "kept", "why", "selection"});
        for (SubsetLine s : subsets) {
            String selection = s.where() == null && s.sample() == null ? "every row"
                    : (s.where() == null ? "" : "where " + s.where()) + (s.where() != null && s.sample() != null ? ", " : "")
                    + (s.sample() == null ? "" : "sample " + s.sample());
            rows.add(new String[] {s.entity().qualifiedName(), TextTable.count(s.sourceRows()), TextTable.count(s.kept()),
                    why(s.why()), selection + (s.followsChildren() ? "; follow children" : "")});
        }
        TextTable.render(out, "  ", rows, i -> i == 1 || i == 2);
    }

    static void printAnonymized(StringBuilder out, List<AnonymizedAttribute> attributes) {
        out.append("\nAnonymised (values replaced on the way, the same value giving the same result everywhere;"
                + " keyed by osmigrate.anonymize.key)\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"attribute", "destination column", "method", "unique index"});
        for (AnonymizedAttribute a : attributes) {
            rows.add(new String[] {a.entity().qualifiedName() + "." + a.attribute(), a.destinationColumn()
                    + (a.length() > 0 ? " (" + a.length() + ")" : ""), a.rule().describe(), a.unique() ? "yes: kept unique" : "no"});
        }
        TextTable.render(out, "  ", rows, i -> false);
    }

    /** "12 selected, 3 parent of OrdersCore.Order", selected first, then by reason. */
    private static String why(Map<String, Long> why) {
        if (why.isEmpty()) {
            return "none";
        }
        return why.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByKey((a, b) -> a.equals("selected") ? -1 : b.equals("selected") ? 1
                        : a.compareTo(b)))
                .map(e -> TextTable.count(e.getValue()) + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
