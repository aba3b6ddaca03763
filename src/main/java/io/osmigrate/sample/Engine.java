package io.osmigrate.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The two engines the generator writes to, and everything that differs between them: column types,
 * identifier quoting, how platform flags are stored, how identity counters are moved past explicit ids.
 */
enum Engine {
    H2, POSTGRESQL;

    static Engine detect(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database engine '" + product
                + "': the sample generator writes only to H2 or PostgreSQL");
    }

    /**
     * Quotes a column name that is a reserved word ({@code ORDER}, {@code KEY}) in the case the engine folds
     * unquoted names to, so that the quoted column looks like every other column in the catalog.
     */
    String column(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("ORDER") || upper.equals("KEY")) {
            return "\"" + (this == H2 ? upper : upper.toLowerCase(Locale.ROOT)) + "\"";
        }
        return name;
    }

    /** Platform flags (IS_ACTIVE, IS_SYSTEM…): BIT in H2, integer 0/1 in PostgreSQL, as both occur for real. */
    String flagType() {
        return this == H2 ? "BIT" : "INTEGER";
    }

    Object flag(boolean value) {
        return this == H2 ? (Object) value : (Object) (value ? 1 : 0);
    }

    String longTextType() {
        return this == H2 ? "VARCHAR(1000000)" : "TEXT";
    }

    String binaryType() {
        return this == H2 ? "VARBINARY(1000000)" : "BYTEA";
    }

    String decimalType(int precision, int scale) {
        return (this == H2 ? "DECIMAL(" : "NUMERIC(") + precision + "," + scale + ")";
    }

    /** Identity counters ignore explicitly inserted ids, so move them past the highest id in the table. */
    void restartIdentity(Connection c, String table, String idColumn) throws SQLException {
        try (Statement s = c.createStatement()) {
            long next;
            try (ResultSet rs = s.executeQuery("SELECT MAX(" + idColumn + ") FROM " + table)) {
                rs.next();
                next = rs.getLong(1) + 1;
            }
            if (this == H2) {
                s.execute("ALTER TABLE " + table + " ALTER COLUMN " + idColumn + " RESTART WITH " + next);
            } else {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table.toLowerCase(Locale.ROOT) + "', '"
                        + idColumn.toLowerCase(Locale.ROOT) + "'), " + next + ", false)");
            }
        }
    }
}
