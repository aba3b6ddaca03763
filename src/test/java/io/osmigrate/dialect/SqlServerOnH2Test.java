package io.osmigrate.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The parts of the SQL Server write path that H2 (MODE=MSSQLServer) can run: bracket quoting of
 * reserved words and spaced names, and the chunked multi-row INSERT … VALUES of the explicit-id
 * path, run for real through the path's own binding code.
 *
 * <p>Everything else is checked at statement level only ({@link SqlServerStatementsTest}), because
 * H2 2.5.252 cannot run it even in MSSQLServer mode (pinned by {@link #whatH2CannotRun}): it has no
 * OUTPUT clause and no {@code WHEN NOT MATCHED BY TARGET}; its MERGE … ON 1 = 0 silently inserts
 * nothing; it has no session temp tables ({@code #osm_map} is just an ordinary table name to it, and
 * the {@code IF OBJECT_ID(N'tempdb..#…')} guard is a syntax error); it has no T-SQL
 * {@code UPDATE … FROM … JOIN}; and it does not accept {@code ]]} inside brackets, so names holding
 * a {@code ]} are statement-level only too.
 */
class SqlServerOnH2Test {

    private static final ColumnInfo ID = new ColumnInfo("Id", Types.NVARCHAR, "nvarchar", 50, 0, false, false, null);
    private static final List<ColumnInfo> COLUMNS = List.of(
            new ColumnInfo("ORDER", Types.INTEGER, "int", 10, 0, true, false, null),
            new ColumnInfo("Line Name", Types.NVARCHAR, "nvarchar", 100, 0, true, false, null),
            new ColumnInfo("Amount", Types.DECIMAL, "decimal", 37, 8, true, false, null),
            new ColumnInfo("Active", Types.BIT, "bit", 1, 0, true, false, null),
            new ColumnInfo("CreatedOn", Types.TIMESTAMP, "datetime", 23, 3, true, false, null),
            new ColumnInfo("Photo", Types.VARBINARY, "varbinary", 2_147_483_647, 0, true, false, null));
    private static final InsertTarget TARGET = new InsertTarget("ORDER", ID, false, COLUMNS);

    private Connection connection;
    private final List<String> prepared = new ArrayList<>();

    @BeforeEach
    void open() throws SQLException {
        Connection h2 = DriverManager.getConnection("jdbc:h2:mem:mssql" + UUID.randomUUID() + ";MODE=MSSQLServer");
        connection = recording(h2);
        try (Statement s = h2.createStatement()) {
            s.execute("CREATE TABLE [ORDER] ([Id] NVARCHAR(50) PRIMARY KEY, [ORDER] INT, [Line Name] NVARCHAR(100),"
                    + " [Amount] DECIMAL(37,8), [Active] BIT, [CreatedOn] DATETIME, [Photo] VARBINARY(MAX))");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static InsertRow row(int i) {
        return new InsertRow(1000L + i, "ID-" + i, new Object[] {i, i % 5 == 0 ? null : "line " + i,
            new BigDecimal(i + ".12345678"), i % 2 == 0, LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(i), new byte[] {(byte) i}});
    }

    private static List<InsertRow> rows(int n) {
        List<InsertRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    @Test
    void explicitIdsGoInChunksOfFloor2099OverParamsPerRow() throws SQLException {
        SqlServerInsertPath path = new SqlServerInsertPath(new SqlServerDialect(), TARGET);

        path.insertValues(connection, rows(700));

        // 7 parameters per row: 299 + 299 + 102 rows
        assertThat(prepared).hasSize(3);
        assertThat(prepared).extracting(SqlServerOnH2Test::valueRows).containsExactly(299, 299, 102);
        assertThat(prepared).allSatisfy(sql -> assertThat(sql).startsWith(
                "INSERT INTO [ORDER] ([Id], [ORDER], [Line Name], [Amount], [Active], [CreatedOn], [Photo]) VALUES (?, "));
        assertThat(count()).isEqualTo(700);
        assertStored(row(0));
        assertStored(row(298));
        assertStored(row(299));
        assertStored(row(699));
    }

    @Test
    void aSmallExplicitBatchReturnsTheGivenIdsAsPairs() throws SQLException {
        InsertPath path = new SqlServerDialect().insertPath(connection, TARGET);

        List<IdPair> pairs = path.insert(connection, rows(3));

        assertThat(pairs).containsExactly(new IdPair(1000L, "ID-0"), new IdPair(1001L, "ID-1"), new IdPair(1002L, "ID-2"));
        assertThat(prepared).hasSize(1);
        assertThat(count()).isEqualTo(3);
        assertStored(row(2));
    }

    @Test
    void aLargeBatchWithATimeInADaylightSavingGapGoesAsParametersNotThroughTheBulkWriter() throws SQLException {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Lisbon"));
            List<InsertRow> rows = rows(150);
            LocalDateTime gap = LocalDateTime.of(2024, 3, 31, 1, 30);
            InsertRow odd = rows.get(77);
            odd.values()[4] = gap;

            new SqlServerDialect().insertPath(connection, TARGET).insert(connection, rows);

            assertThat(prepared).hasSize(1).allSatisfy(sql -> assertThat(sql).startsWith("INSERT INTO [ORDER] "));
            assertThat(count()).isEqualTo(150);
            assertStored(odd);
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void whatH2CannotRun() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE [Gen] ([ID] BIGINT IDENTITY(1,1) PRIMARY KEY, [ORDER] NVARCHAR(100))");
            assertRejected(s, "MERGE INTO [Gen] AS d USING (VALUES (1, 'a')) AS s ([osm_src_id], [c1]) ON 1 = 0"
                    + " WHEN NOT MATCHED THEN INSERT ([ORDER]) VALUES (s.[c1]) OUTPUT s.[osm_src_id], inserted.[ID]"
                    + " INTO #osm_map ([osm_src_id], [osm_new_id]);");
            assertRejected(s, "MERGE INTO [Gen] AS d USING (VALUES (1, 'a')) AS s ([osm_src_id], [c1]) ON 1 = 0"
                    + " WHEN NOT MATCHED BY TARGET THEN INSERT ([ORDER]) VALUES (s.[c1])");
            assertRejected(s, "IF OBJECT_ID(N'tempdb..#osm_map') IS NULL CREATE TABLE #osm_map ([osm_src_id] BIGINT NOT NULL)");
            assertRejected(s, "UPDATE t SET t.[ORDER] = s.[c1] FROM [Gen] AS t JOIN (VALUES (1, 'b')) AS s ([osm_id], [c1])"
                    + " ON t.[ID] = s.[osm_id]");
            assertRejected(s, "SELECT 1 AS [a]]b]");
            // the silent trap: accepted, inserts nothing (why H2 keeps the JDBC batch path)
            int inserted = s.executeUpdate("MERGE INTO [Gen] AS d USING (VALUES (1, 'a')) AS s ([osm_src_id], [c1]) ON 1 = 0"
                    + " WHEN NOT MATCHED THEN INSERT ([ORDER]) VALUES (s.[c1])");
            assertThat(inserted).isZero();
        }
    }

    private static void assertRejected(Statement s, String sql) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class);
    }

    private static int valueRows(String sql) {
        return sql.split("\\), \\(", -1).length;
    }

    private int count() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM [ORDER]")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void assertStored(InsertRow row) throws SQLException {
        try (var ps = connection.prepareStatement("SELECT [ORDER], [Line Name], [Amount], [Active], [CreatedOn], [Photo]"
                + " FROM [ORDER] WHERE [Id] = ?")) {
            ps.setString(1, (String) row.explicitId());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("row %s stored", row.explicitId()).isTrue();
                Object[] v = row.values();
                assertThat(rs.getInt(1)).isEqualTo(v[0]);
                assertThat(rs.getString(2)).isEqualTo(v[1]);
                assertThat(rs.getBigDecimal(3)).isEqualByComparingTo((BigDecimal) v[2]);
                assertThat(rs.getBoolean(4)).isEqualTo(v[3]);
                assertThat(rs.getObject(5, LocalDateTime.class)).isEqualTo(v[4]);
                assertThat(rs.getBytes(6)).isEqualTo((byte[]) v[5]);
            }
        }
    }

    /** The real H2 connection, noting the text of every statement prepared on it. */
    private Connection recording(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement")) {
                prepared.add((String) args[0]);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
