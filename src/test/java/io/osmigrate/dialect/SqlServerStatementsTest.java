package io.osmigrate.dialect;

import static io.osmigrate.dialect.SqlServerFixtures.AMOUNT;
import static io.osmigrate.dialect.SqlServerFixtures.COLUMNS;
import static io.osmigrate.dialect.SqlServerFixtures.DIALECT;
import static io.osmigrate.dialect.SqlServerFixtures.GENERATED;
import static io.osmigrate.dialect.SqlServerFixtures.ID;
import static io.osmigrate.dialect.SqlServerFixtures.NAME;
import static io.osmigrate.dialect.SqlServerFixtures.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.osmigrate.dialect.SqlServerStatements.SourceIdType;
import io.osmigrate.dialect.SqlServerStatements.TempTable;

/** The T-SQL the SQL Server write paths send, checked statement by statement (no server here). */
class SqlServerStatementsTest {

    private final SqlServerStatements sql = new SqlServerStatements(DIALECT);

    private static final String STAGE_COLUMNS = "[c1] nvarchar(100) COLLATE DATABASE_DEFAULT NULL,"
            + " [c2] nvarchar(max) COLLATE DATABASE_DEFAULT NULL, [c3] decimal(37, 8) NULL, [c4] bit NULL,"
            + " [c5] datetime NULL, [c6] date NULL, [c7] time(7) NULL, [c8] varbinary(max) NULL, [c9] bigint NULL,"
            + " [c10] int NULL, [c11] decimal(18, 2) NULL";

    @Test
    void stageHasTheSourceIdAsKeyAndOneTypedColumnPerDestinationColumn() {
        TempTable stage = sql.insertStage(SourceIdType.LONG, COLUMNS);

        assertThat(stage.kind()).isEqualTo("osm_stage");
        assertThat(stage.name()).matches("#osm_stage_[0-9a-f]{12}");
        assertThat(stage.create()).isEqualTo("IF OBJECT_ID(N'tempdb.." + stage.name() + "') IS NULL CREATE TABLE " + stage.name()
                + " ([osm_src_id] BIGINT NOT NULL PRIMARY KEY, " + STAGE_COLUMNS + ")");
    }

    @Test
    void textSourceIdsAreStagedAsExactlyComparedText() {
        TempTable stage = sql.insertStage(SourceIdType.TEXT, List.of(NAME));

        assertThat(stage.create()).endsWith(" ([osm_src_id] NVARCHAR(450) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,"
                + " [c1] nvarchar(100) COLLATE DATABASE_DEFAULT NULL)");
    }

    @Test
    void mapHoldsSourceIdAndTheIdColumnsOwnType() {
        TempTable map = sql.mapTable(SourceIdType.LONG, ID);
        ColumnInfo intId = new ColumnInfo("Id", Types.INTEGER, "int identity", 10, 0, false, true, null);

        assertThat(map.name()).matches("#osm_map_[0-9a-f]{12}");
        assertThat(map.create()).isEqualTo("IF OBJECT_ID(N'tempdb.." + map.name() + "') IS NULL CREATE TABLE " + map.name()
                + " ([osm_src_id] BIGINT NOT NULL, [osm_new_id] bigint NULL)");
        assertThat(sql.mapTable(SourceIdType.TEXT, intId).create())
                .endsWith(" ([osm_src_id] NVARCHAR(450) COLLATE Latin1_General_BIN2 NOT NULL, [osm_new_id] int NULL)");
    }

    @Test
    void aNameMeansOneShape() {
        assertThat(sql.insertStage(SourceIdType.LONG, COLUMNS).name()).isEqualTo(sql.insertStage(SourceIdType.LONG, COLUMNS).name());
        assertThat(sql.insertStage(SourceIdType.LONG, COLUMNS).name()).isNotEqualTo(sql.insertStage(SourceIdType.TEXT, COLUMNS).name());
        assertThat(sql.insertStage(SourceIdType.LONG, List.of(NAME)).name())
                .isNotEqualTo(sql.insertStage(SourceIdType.LONG, List.of(AMOUNT)).name());
        // same shape, other column names: one stage serves both tables
        ColumnInfo other = new ColumnInfo("TITLE", Types.NVARCHAR, "nvarchar", 100, 0, true, false, null);
        assertThat(sql.insertStage(SourceIdType.LONG, List.of(other)).name()).isEqualTo(sql.insertStage(SourceIdType.LONG, List.of(NAME)).name());
    }

    @Test
    void mergeFromStageInsertsEveryRowAndWritesOnePairPerRowIntoTheMap() {
        TempTable stage = sql.insertStage(SourceIdType.LONG, COLUMNS);
        TempTable map = sql.mapTable(SourceIdType.LONG, ID);

        assertThat(sql.mergeFromStage(GENERATED, stage, map)).isEqualTo("MERGE INTO [OSUSR_ABC_ORDER]]LINE] AS d USING " + stage.name()
                + " AS s ON 1 = 0 WHEN NOT MATCHED BY TARGET THEN INSERT ([NAME], [NOTES], [AMOUNT], [ISACTIVE], [CREATEDON],"
                + " [DUEDATE], [STARTTIME], [PHOTO], [CUSTOMERID], [ORDER], [PRICE]]EUR]) VALUES (s.[c1], s.[c2], s.[c3], s.[c4],"
                + " s.[c5], s.[c6], s.[c7], s.[c8], s.[c9], s.[c10], s.[c11]) OUTPUT s.[osm_src_id], inserted.[ID] INTO "
                + map.name() + " ([osm_src_id], [osm_new_id]);");
    }

    @Test
    void mergeFromValuesCarriesTheSourceIdInEveryRow() {
        InsertTarget target = new InsertTarget("ORDER", ID, true, List.of(NAME, ORDER));
        TempTable map = sql.mapTable(SourceIdType.LONG, ID);

        assertThat(sql.mergeFromValues(target, 2, map)).isEqualTo("MERGE INTO [ORDER] AS d USING (VALUES (?, ?, ?), (?, ?, ?))"
                + " AS s ([osm_src_id], [c1], [c2]) ON 1 = 0 WHEN NOT MATCHED BY TARGET THEN INSERT ([NAME], [ORDER])"
                + " VALUES (s.[c1], s.[c2]) OUTPUT s.[osm_src_id], inserted.[ID] INTO " + map.name() + " ([osm_src_id], [osm_new_id]);");
    }

    @Test
    void aTableWithOnlyItsIdentityInsertsDefaultValues() {
        InsertTarget target = new InsertTarget("T", ID, true, List.of());
        TempTable map = sql.mapTable(SourceIdType.LONG, ID);

        assertThat(sql.mergeFromStage(target, sql.insertStage(SourceIdType.LONG, List.of()), map))
                .contains(" WHEN NOT MATCHED BY TARGET THEN INSERT DEFAULT VALUES OUTPUT s.[osm_src_id], inserted.[ID] INTO ");
        assertThat(sql.mergeFromValues(target, 1, map)).startsWith("MERGE INTO [T] AS d USING (VALUES (?)) AS s ([osm_src_id]) ON 1 = 0");
    }

    @Test
    void selectAndTruncateNameTheTempTables() {
        TempTable stage = sql.insertStage(SourceIdType.LONG, COLUMNS);
        TempTable map = sql.mapTable(SourceIdType.LONG, ID);

        assertThat(sql.selectMap(map)).isEqualTo("SELECT [osm_src_id], [osm_new_id] FROM " + map.name());
        assertThat(SqlServerStatements.truncate(stage, map))
                .isEqualTo("TRUNCATE TABLE " + stage.name() + "; TRUNCATE TABLE " + map.name() + ";");
    }

    @Test
    void prepareDropsReplacedTablesCreatesMissingOnesAndEmptiesThem() {
        TempTable stage = sql.insertStage(SourceIdType.LONG, COLUMNS);
        TempTable map = sql.mapTable(SourceIdType.LONG, ID);

        assertThat(SqlServerStatements.prepare(List.of("#osm_stage_000000000000"), List.of(stage, map))).isEqualTo(
                "IF OBJECT_ID(N'tempdb..#osm_stage_000000000000') IS NOT NULL DROP TABLE #osm_stage_000000000000;\n"
                        + stage.create() + ";\n" + map.create() + ";\n"
                        + "TRUNCATE TABLE " + stage.name() + ";\nTRUNCATE TABLE " + map.name() + ";");
    }

    @Test
    void explicitIdsInsertWithTheirIdAsTheFirstColumn() {
        InsertTarget target = new InsertTarget("ORDER", NAME, false, List.of(AMOUNT, ORDER));
        TempTable stage = sql.explicitStage(NAME, List.of(AMOUNT, ORDER));

        assertThat(sql.insertValues(target, 2))
                .isEqualTo("INSERT INTO [ORDER] ([NAME], [AMOUNT], [ORDER]) VALUES (?, ?, ?), (?, ?, ?)");
        assertThat(stage.create()).endsWith(" ([osm_id] nvarchar(100) COLLATE DATABASE_DEFAULT NOT NULL, [c1] decimal(37, 8) NULL,"
                + " [c2] int NULL)");
        assertThat(sql.insertFromStage(target, stage)).isEqualTo("INSERT INTO [ORDER] ([NAME], [AMOUNT], [ORDER])"
                + " SELECT s.[osm_id], s.[c1], s.[c2] FROM " + stage.name() + " AS s;");
    }

    @Test
    void updatesJoinTheStageOrAValuesListOnTheId() {
        List<ColumnInfo> columns = List.of(SqlServerFixtures.CUSTOMER_ID, SqlServerFixtures.ODD);
        TempTable stage = sql.updateStage(ID, columns);

        assertThat(stage.kind()).isEqualTo("osm_upd");
        assertThat(stage.create()).endsWith(" ([osm_id] bigint NOT NULL PRIMARY KEY, [c1] bigint NULL, [c2] decimal(18, 2) NULL)");
        // only rows whose values change are written, compared null-safely without IS DISTINCT FROM (SQL Server 2022+)
        String differs = " WHERE (NOT (t.[CUSTOMERID] = s.[c1] OR (t.[CUSTOMERID] IS NULL AND s.[c1] IS NULL))"
                + " OR NOT (t.[PRICE]]EUR] = s.[c2] OR (t.[PRICE]]EUR] IS NULL AND s.[c2] IS NULL)));";
        assertThat(sql.updateFromStage("ORDER", ID, columns, stage)).isEqualTo("UPDATE t SET t.[CUSTOMERID] = s.[c1],"
                + " t.[PRICE]]EUR] = s.[c2] FROM [ORDER] AS t JOIN " + stage.name() + " AS s ON t.[ID] = s.[osm_id]" + differs);
        assertThat(sql.updateFromValues("ORDER", ID, columns, 2)).isEqualTo("UPDATE t SET t.[CUSTOMERID] = s.[c1],"
                + " t.[PRICE]]EUR] = s.[c2] FROM [ORDER] AS t JOIN (VALUES (?, ?, ?), (?, ?, ?)) AS s ([osm_id], [c1], [c2])"
                + " ON t.[ID] = s.[osm_id]" + differs);
    }

    /** Msg 334: a bare OUTPUT fails on targets with enabled triggers. IDENTITY_INSERT needs ALTER, which the login lacks. */
    @Test
    void noStatementUsesOutputWithoutIntoOrIdentityInsert() {
        TempTable stage = sql.insertStage(SourceIdType.LONG, COLUMNS);
        TempTable map = sql.mapTable(SourceIdType.LONG, ID);
        InsertTarget explicit = new InsertTarget("T", NAME, false, COLUMNS);
        TempTable explicitStage = sql.explicitStage(NAME, COLUMNS);
        List<String> statements = List.of(sql.mergeFromStage(GENERATED, stage, map), sql.mergeFromValues(GENERATED, 3, map),
                sql.insertValues(explicit, 3), sql.insertFromStage(explicit, explicitStage),
                sql.updateFromStage("T", ID, COLUMNS, sql.updateStage(ID, COLUMNS)), sql.updateFromValues("T", ID, COLUMNS, 3),
                SqlServerStatements.prepare(List.of(), List.of(stage, map, explicitStage)), sql.selectMap(map));

        int outputs = 0;
        for (String statement : statements) {
            assertThat(statement.toUpperCase()).doesNotContain("IDENTITY_INSERT");
            Matcher m = Pattern.compile("\\bOUTPUT\\b([^;]*)").matcher(statement);
            while (m.find()) {
                outputs++;
                assertThat(m.group(1)).as("OUTPUT clause of %s", statement).contains(" INTO " + map.name() + " ");
            }
        }
        assertThat(outputs).isEqualTo(2);
    }

    @Test
    void rowsPerStatementStayWithinTheParameterAndRowCaps() {
        assertThat(SqlServerStatements.rowsPerStatement(7)).isEqualTo(299);
        assertThat(SqlServerStatements.rowsPerStatement(12)).isEqualTo(174);
        assertThat(SqlServerStatements.rowsPerStatement(2)).isEqualTo(1000);
        assertThat(SqlServerStatements.rowsPerStatement(1)).isEqualTo(1000);
        assertThat(SqlServerStatements.rowsPerStatement(2099)).isEqualTo(1);
        for (int params = 1; params <= 2099; params++) {
            int rows = SqlServerStatements.rowsPerStatement(params);
            assertThat(rows * params).isLessThanOrEqualTo(2099);
            assertThat(rows).isLessThanOrEqualTo(1000);
            assertThat(rows == 1000 || (rows + 1) * params > 2099).as("one more row would not fit at %d params", params).isTrue();
        }
    }

    @Test
    void aRowTooWideForOneRequestIsAClearError() {
        assertThatThrownBy(() -> SqlServerStatements.rowsPerStatement(2100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2100 parameters")
                .hasMessageContaining("2,100 parameters per request");
        assertThatThrownBy(() -> SqlServerStatements.chunks(List.of(1), 2100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBatchSplitsIntoFullChunksAndAShorterLastOne() {
        List<Integer> rows = IntStream.range(0, 700).boxed().toList();

        List<List<Integer>> chunks = SqlServerStatements.chunks(rows, 7);

        assertThat(chunks).extracting(List::size).containsExactly(299, 299, 102);
        List<Integer> joined = new ArrayList<>();
        chunks.forEach(joined::addAll);
        assertThat(joined).isEqualTo(rows);
        assertThat(SqlServerStatements.chunks(IntStream.range(0, 2000).boxed().toList(), 2)).extracting(List::size)
                .containsExactly(1000, 1000);
        assertThat(SqlServerStatements.chunks(List.of(), 7)).isEmpty();
    }

    @Test
    void smallBatchesSkipTheStage() {
        assertThat(SqlServerStatements.useValues(1, 12)).isTrue();
        assertThat(SqlServerStatements.useValues(1, 1025)).isTrue(); // a rescan of SQL Server's widest row
        assertThat(SqlServerStatements.useValues(100, 7)).isTrue();
        assertThat(SqlServerStatements.useValues(101, 7)).isFalse();
        assertThat(SqlServerStatements.useValues(100, 30)).isTrue(); // 69 rows per statement: two statements
        assertThat(SqlServerStatements.useValues(100, 50)).isFalse(); // 41 rows per statement: three
        assertThat(SqlServerStatements.useValues(10_000, 7)).isFalse();
    }

    @Test
    void sqlTypesFollowTheCatalog() {
        assertThat(SqlServerStatements.sqlType(ID)).isEqualTo("bigint");
        assertThat(SqlServerStatements.sqlType(col("varchar", Types.VARCHAR, 8000, 0))).isEqualTo("varchar(8000)");
        assertThat(SqlServerStatements.sqlType(col("varchar", Types.VARCHAR, 2_147_483_647, 0))).isEqualTo("varchar(max)");
        assertThat(SqlServerStatements.sqlType(col("nchar", Types.NCHAR, 10, 0))).isEqualTo("nchar(10)");
        assertThat(SqlServerStatements.sqlType(col("ntext", Types.LONGNVARCHAR, 1_073_741_823, 0))).isEqualTo("nvarchar(max)");
        assertThat(SqlServerStatements.sqlType(col("datetime2", Types.TIMESTAMP, 27, 7))).isEqualTo("datetime2(7)");
        assertThat(SqlServerStatements.sqlType(col("float", Types.DOUBLE, 53, 0))).isEqualTo("float");
        assertThat(SqlServerStatements.sqlType(col("NUMERIC", Types.NUMERIC, 10, 4))).isEqualTo("decimal(10, 4)");
        // another engine's spelling falls back on the JDBC type
        assertThat(SqlServerStatements.sqlType(col("CHARACTER VARYING", Types.VARCHAR, 50, 0))).isEqualTo("nvarchar(50)");
        assertThat(SqlServerStatements.sqlType(col("BOOLEAN", Types.BOOLEAN, 1, 0))).isEqualTo("bit");
        assertThat(SqlServerStatements.sqlType(col("TIMESTAMP", Types.TIMESTAMP, 26, 6))).isEqualTo("datetime2(7)");
        assertThatThrownBy(() -> SqlServerStatements.sqlType(col("geography", Types.OTHER, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("geography");
    }

    private static ColumnInfo col(String typeName, int jdbcType, int size, int decimals) {
        return new ColumnInfo("X", jdbcType, typeName, size, decimals, true, false, null);
    }

    @Test
    void writersShareTheApplicationLockThatRecoveryTakesExclusively() {
        assertThat(SqlServerStatements.appLock("Shared"))
                .isEqualTo("EXEC sp_getapplock @Resource = ?, @LockMode = 'Shared', @LockOwner = 'Transaction', @LockTimeout = -1");
        assertThat(SqlServerStatements.appLock("Exclusive")).contains("@LockMode = 'Exclusive'", "@LockOwner = 'Transaction'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqlServerStatements.appLock("Update"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
