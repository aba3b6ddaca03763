package io.osmigrate.dialect;

/**
 * A physical column as the database catalog reports it.
 *
 * @param name     the column name exactly as the catalog spells it (quote this one)
 * @param jdbcType a {@link java.sql.Types} constant
 * @param size     character length or numeric precision
 */
public record ColumnInfo(String name, int jdbcType, String typeName, int size, int decimals, boolean nullable,
                         boolean autoIncrement, String defaultValue) {
}
