package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.metamodel.Attribute;
import io.osmigrate.metamodel.Entity;

/**
 * Finds the destination columns of a moved entity that would fail every insert: columns that no active
 * attribute of the destination metamodel claims and that osmigrate does not write (the stale column of an
 * attribute deleted in the model, which the platform keeps, or a column added outside OutSystems), and
 * that are NOT NULL without a default. osmigrate inserts only the columns it knows, so each such column is
 * a blocking error. Nullable columns, columns with a default and identity columns are fine. Stateless.
 */
final class StaleColumns {

    private StaleColumns() {
    }

    /**
     * @param destinationEntity the moved entity's active twin in the destination metamodel
     * @param table             its destination table, as the catalog spells it
     * @param written           the destination columns the plan writes, identifier included
     */
    static List<Finding> check(Entity destinationEntity, String table, Set<String> written, EnvironmentView destination) {
        Set<String> known = new HashSet<>();
        destinationEntity.attributes().stream().map(Attribute::column).forEach(c -> known.add(key(c)));
        written.forEach(c -> known.add(key(c)));
        List<Finding> findings = new ArrayList<>();
        for (ColumnInfo c : destination.catalog().columns(table).values()) {
            if (known.contains(key(c.name())) || c.nullable() || c.defaultValue() != null || c.autoIncrement()) {
                continue;
            }
            String subject = destinationEntity.qualifiedName() + " (" + table + "." + c.name() + ")";
            findings.add(Finding.error("stale-column-not-null", subject, "column " + c.name() + " of table " + table
                    + " in destination '" + destination.name() + "' belongs to no active attribute of "
                    + destinationEntity.qualifiedName() + " and is NOT NULL without a default, so every row osmigrate"
                    + " inserts there would fail. Drop the column (a leftover of a deleted attribute) or give it a default"
                    + " in the destination database, or set " + destinationEntity.qualifiedName() + " to lookup or skip"));
        }
        return findings;
    }

    private static String key(String column) {
        return column.toUpperCase(Locale.ROOT);
    }
}
