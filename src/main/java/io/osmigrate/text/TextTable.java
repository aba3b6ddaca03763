package io.osmigrate.text;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/** Plain-text tables for what osmigrate prints (plans, reports): aligned columns, two spaces apart. */
public final class TextTable {

    private TextTable() {
    }

    /**
     * Appends the rows as aligned columns. Below the first row, the columns {@code rightAligned}
     * accepts are right-aligned (figures); every other cell is left-aligned.
     */
    public static void render(StringBuilder out, String indent, List<String[]> rows, IntPredicate rightAligned) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (int row = 0; row < rows.size(); row++) {
            String[] r = rows.get(row);
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(widths[i] - r[i].length());
                line.append(row > 0 && rightAligned.test(i) ? pad + r[i] : r[i] + pad).append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** A count with thousands separators. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
