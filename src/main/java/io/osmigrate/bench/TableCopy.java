package io.osmigrate.bench;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.PhysicalCatalog;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.DefaultValues;
import io.osmigrate.plan.PlannedEntity;

/**
 * One moved entity as the baselines copy it: the identifier and every column the data phase writes (deferred
 * references included, defaults of destination-only attributes as literals), source column → destination
 * column, values as they are in the source (no remapping). Immutable.
 */
final class TableCopy {

    /** One copied column; {@code source} is null for a default fill. */
    record Column(ColumnInfo source, String fillLiteral, ColumnInfo destination, ColumnRole role, String attribute) {
    }

    private final PlannedEntity entity;
    private final List<Column> columns;
    private final Dialect sourceDialect;
    private final Dialect destinationDialect;

    private TableCopy(PlannedEntity entity, List<Column> columns, Dialect sourceDialect, Dialect destinationDialect) {
        this.entity = entity;
        this.columns = List.copyOf(columns);
        this.sourceDialect = sourceDialect;
        this.destinationDialect = destinationDialect;
    }

    static List<TableCopy> of(List<PlannedEntity> moved, PhysicalCatalog src, Dialect srcDialect, PhysicalCatalog dst,
                              Dialect dstDialect) {
        List<TableCopy> copies = new ArrayList<>();
        for (PlannedEntity e : moved) {
            List<Column> columns = new ArrayList<>();
            columns.add(new Column(column(src, e.sourceTable(), e.identifier().sourceColumn()), null,
                    column(dst, e.destinationTable(), e.identifier().destinationColumn()), ColumnRole.VALUE,
                    e.identifier().attribute()));
            for (ColumnPlan c : e.columns()) {
                ColumnInfo d = column(dst, e.destinationTable(), c.destinationColumn());
                if (c.role() == ColumnRole.DEFAULT_FILL || c.sourceColumn() == null) {
                    columns.add(new Column(null, literal(c.fill()), d, c.role(), c.attribute()));
                } else {
                    columns.add(new Column(column(src, e.sourceTable(), c.sourceColumn()), null, d, c.role(), c.attribute()));
                }
            }
            copies.add(new TableCopy(e, columns, srcDialect, dstDialect));
        }
        return copies;
    }

    private static ColumnInfo column(PhysicalCatalog catalog, String table, String column) {
        return catalog.column(table, column).orElseThrow(() -> new IllegalStateException("column " + column + " of " + table
                + " is not in the catalog"));
    }

    /** A fill value as an SQL expression that both engines coerce to the column's type. */
    static String literal(String fill) {
        if (fill == null) {
            return "NULL";
        }
        if (DefaultValues.NOW.equals(fill)) {
            return "LOCALTIMESTAMP";
        }
        return "'" + fill.replace("'", "''") + "'";
    }

    PlannedEntity entity() {
        return entity;
    }

    String name() {
        return entity.entity().qualifiedName();
    }

    String sourceTable() {
        return entity.sourceTable();
    }

    String destinationTable() {
        return entity.destinationTable();
    }

    List<Column> columns() {
        return columns;
    }

    Column identifier() {
        return columns.get(0);
    }

    /** The SELECT list on the source: quoted columns, fills as literals. */
    String selectList() {
        return columns.stream().map(c -> c.source() == null ? c.fillLiteral() : sourceDialect.quote(c.source().name()))
                .collect(Collectors.joining(", "));
    }

    /** {@code SELECT <columns> FROM <source table>}: no ORDER BY, the cheapest read of the same rows. */
    String select() {
        return "SELECT " + selectList() + " FROM " + sourceDialect.quote(sourceTable());
    }

    /** {@code SELECT <columns> FROM <destination table>}: the rows the data phase wrote, as they are. */
    String destinationSelect() {
        return "SELECT " + destinationColumns(true) + " FROM " + destinationDialect.quote(destinationTable());
    }

    /** The destination column list, quoted. */
    String destinationColumns(boolean withIdentifier) {
        return columns.stream().skip(withIdentifier ? 0 : 1).map(c -> destinationDialect.quote(c.destination().name()))
                .collect(Collectors.joining(", "));
    }

    String quoteDestination(String name) {
        return destinationDialect.quote(name);
    }

    String quoteSource(String name) {
        return sourceDialect.quote(name);
    }

    /** Quotes a name as the catalog spells it; PostgreSQL and H2 both use double quotes. */
    static String quote(BenchEngine engine, String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Columns whose source values may not fit the destination column (a longer text, another type): a copy
     * table gets the source's type there, since the baselines copy values as they are.
     */
    List<Column> mismatched() {
        return columns.stream().filter(c -> c.source() != null && !fits(c.source(), c.destination())).toList();
    }

    private static boolean fits(ColumnInfo s, ColumnInfo d) {
        if (s.jdbcType() != d.jdbcType()) {
            return false;
        }
        if (isText(s.jdbcType())) {
            return s.size() <= d.size();
        }
        if (s.jdbcType() == Types.NUMERIC || s.jdbcType() == Types.DECIMAL) {
            return s.size() <= d.size() && s.decimals() <= d.decimals();
        }
        return true;
    }

    private static boolean isText(int jdbcType) {
        return jdbcType == Types.VARCHAR || jdbcType == Types.CHAR || jdbcType == Types.NVARCHAR || jdbcType == Types.NCHAR
                || jdbcType == Types.LONGVARCHAR || jdbcType == Types.LONGNVARCHAR || jdbcType == Types.CLOB;
    }

    /** The SQL type of a source column, to give the copy's column. */
    static String sourceType(ColumnInfo s) {
        String name = s.typeName();
        if (isText(s.jdbcType()) && !name.equalsIgnoreCase("text") && s.size() > 0 && s.size() < Integer.MAX_VALUE) {
            return name + "(" + s.size() + ")";
        }
        if ((s.jdbcType() == Types.NUMERIC || s.jdbcType() == Types.DECIMAL) && s.size() > 0) {
            return name + "(" + s.size() + "," + s.decimals() + ")";
        }
        return name;
    }

    String describe(Column c) {
        return name() + "." + c.attribute() + " " + c.destination().typeName() + sizeOf(c.destination()) + " → "
                + sourceType(c.source());
    }

    private static String sizeOf(ColumnInfo d) {
        if (isText(d.jdbcType()) && !d.typeName().equalsIgnoreCase("text")) {
            return "(" + d.size() + ")";
        }
        return "";
    }
}
