package io.osmigrate.dialect;

import java.sql.Types;
import java.util.List;

/** A realistic OutSystems-style SQL Server destination table, spelled as mssql-jdbc's catalog reports it. */
final class SqlServerFixtures {

    static final ColumnInfo ID = new ColumnInfo("ID", Types.BIGINT, "bigint identity", 19, 0, false, true, null);
    static final ColumnInfo NAME = new ColumnInfo("NAME", Types.NVARCHAR, "nvarchar", 100, 0, true, false, null);
    static final ColumnInfo NOTES = new ColumnInfo("NOTES", Types.NVARCHAR, "nvarchar", 1_073_741_823, 0, true, false, null);
    static final ColumnInfo AMOUNT = new ColumnInfo("AMOUNT", Types.DECIMAL, "decimal", 37, 8, true, false, null);
    static final ColumnInfo IS_ACTIVE = new ColumnInfo("ISACTIVE", Types.BIT, "bit", 1, 0, true, false, null);
    static final ColumnInfo CREATED_ON = new ColumnInfo("CREATEDON", Types.TIMESTAMP, "datetime", 23, 3, true, false, null);
    static final ColumnInfo DUE_DATE = new ColumnInfo("DUEDATE", Types.DATE, "date", 10, 0, true, false, null);
    static final ColumnInfo START_TIME = new ColumnInfo("STARTTIME", Types.TIME, "time", 16, 7, true, false, null);
    static final ColumnInfo PHOTO = new ColumnInfo("PHOTO", Types.VARBINARY, "varbinary", 2_147_483_647, 0, true, false, null);
    static final ColumnInfo CUSTOMER_ID = new ColumnInfo("CUSTOMERID", Types.BIGINT, "bigint", 19, 0, true, false, null);
    /** A reserved word as a column name. */
    static final ColumnInfo ORDER = new ColumnInfo("ORDER", Types.INTEGER, "int", 10, 0, true, false, null);
    /** A name containing the closing bracket. */
    static final ColumnInfo ODD = new ColumnInfo("PRICE]EUR", Types.DECIMAL, "decimal", 18, 2, true, false, null);

    static final List<ColumnInfo> COLUMNS = List.of(NAME, NOTES, AMOUNT, IS_ACTIVE, CREATED_ON, DUE_DATE, START_TIME, PHOTO,
            CUSTOMER_ID, ORDER, ODD);

    static final InsertTarget GENERATED = new InsertTarget("OSUSR_ABC_ORDER]LINE", ID, true, COLUMNS);

    static final SqlServerDialect DIALECT = new SqlServerDialect();

    private SqlServerFixtures() {
    }
}
