package io.osmigrate.dialect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The T-SQL text of the SQL Server write paths, built apart from any connection so that every
 * statement can be checked without a server. Pure and thread-safe.
 *
 * <p>Staging tables are session temp tables whose columns are the key ({@code osm_src_id} or
 * {@code osm_id}) followed by {@code c1 … cn}, one per destination column in order, so that no
 * destination name, however odd, appears in a temp table. Their names carry a hash of their shape
 * ({@code #osm_stage_<12 hex>}): a name always means one shape, which keeps the driver's bulk-copy
 * metadata cache ({@code cacheBulkCopyMetadata}, keyed by table name) from ever describing a
 * recreated table wrongly, and which lets a guard recreate a table that a rollback took away
 * without ever finding a same-named table of another shape. The number of names per connection is
 * bounded by the number of table shapes written, not by batches (mssql-jdbc #2585 is about names
 * unique per call).
 */
final class SqlServerStatements {

    /** SQL Server caps a request at 2,100 parameters; one is left for the driver. */
    static final int MAX_PARAMETERS = SqlServerDialect.MAX_PARAMETERS;

    /**
     * A table value constructor directly in {@code INSERT … VALUES} takes at most 1,000 rows (Msg
     * 10738); the derived-table forms ({@code USING (VALUES …)}, {@code JOIN (VALUES …)}) are held to
     * the same cap so that every parameterised statement here follows one rule.
     */
    static final int MAX_VALUES_ROWS = 1000;

    /**
     * Batches of at most this many rows that fit in at most {@link #SMALL_BATCH_STATEMENTS}
     * parameterised statements skip the stage. A bulk copy costs about four round trips whatever
     * its size (the driver's two metadata queries, INSERT BULK, then the set-based statement), a
     * parameterised statement one, so the one-row rescans that isolate a bad row, and short tails,
     * are cheaper without it. Above roughly a hundred rows the compile time of a long VALUES list
     * and the per-parameter cost overtake the fixed cost of the bulk copy (perf-anchors §2.3).
     */
    static final int SMALL_BATCH_ROWS = 100;

    /** See {@link #SMALL_BATCH_ROWS}: a small batch needs at most this many statements. */
    static final int SMALL_BATCH_STATEMENTS = 2;

    static final String SOURCE_ID = "osm_src_id";
    static final String NEW_ID = "osm_new_id";
    static final String KEY = "osm_id";

    /** Exact comparison for source identifiers in the stage's primary key, whatever tempdb's collation. */
    static final String BINARY_COLLATION = "Latin1_General_BIN2";

    /**
     * A session temp table.
     *
     * @param kind   what it is for ({@code osm_stage}, {@code osm_map}, {@code osm_upd}); one current table per kind and connection
     * @param name   its name, {@code #kind_<hash of the shape>}
     * @param create the guarded {@code CREATE TABLE}: creates it when the session lacks it
     */
    record TempTable(String kind, String name, String create) {
    }

    /** How the source identifiers of a batch are staged: numbers as BIGINT, anything else as text. */
    enum SourceIdType {
        LONG("BIGINT", Types.BIGINT, 19),
        TEXT("NVARCHAR(450) COLLATE " + BINARY_COLLATION, Types.NVARCHAR, 450);

        final String sql;
        final int jdbcType;
        final int precision;

        SourceIdType(String sql, int jdbcType, int precision) {
            this.sql = sql;
            this.jdbcType = jdbcType;
            this.precision = precision;
        }

        /** BIGINT when every source id is a number, else text (450 characters: the 900-byte index key limit). */
        static SourceIdType of(List<InsertRow> rows) {
            return rows.stream().allMatch(r -> r.sourceId() instanceof Number) ? LONG : TEXT;
        }

        /** The value staged for a source id: a Long or a String. */
        Object stagedValue(Object sourceId) {
            return this == LONG ? (Object) ((Number) sourceId).longValue() : sourceId.toString();
        }
    }

    private final Dialect dialect;

    SqlServerStatements(Dialect dialect) {
        this.dialect = dialect;
    }

    // ---- parameter arithmetic ----

    /** Rows one parameterised statement may carry: floor(2099 / params per row), at most 1,000. */
    static int rowsPerStatement(int paramsPerRow) {
        if (paramsPerRow < 1) {
            throw new IllegalArgumentException("a row needs at least one parameter, got " + paramsPerRow);
        }
        if (paramsPerRow > MAX_PARAMETERS) {
            throw new IllegalArgumentException("a row of " + paramsPerRow + " parameters cannot be sent: SQL Server takes at"
                    + " most 2,100 parameters per request (" + MAX_PARAMETERS + " usable)");
        }
        return Math.min(MAX_VALUES_ROWS, MAX_PARAMETERS / paramsPerRow);
    }

    /** The batch cut into consecutive statements of {@link #rowsPerStatement} rows, the last one shorter. */
    static <T> List<List<T>> chunks(List<T> rows, int paramsPerRow) {
        int size = rowsPerStatement(paramsPerRow);
        List<List<T>> chunks = new ArrayList<>((rows.size() + size - 1) / size);
        for (int from = 0; from < rows.size(); from += size) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + size)));
        }
        return chunks;
    }

    /** Whether a batch is small enough for parameterised statements instead of stage and bulk copy. */
    static boolean useValues(int rows, int paramsPerRow) {
        int perStatement = rowsPerStatement(paramsPerRow);
        return rows <= SMALL_BATCH_ROWS && (rows + perStatement - 1) / perStatement <= SMALL_BATCH_STATEMENTS;
    }

    // ---- temp tables ----

    /** The stage of a generated-id insert: source id as primary key, then one column per destination column. */
    TempTable insertStage(SourceIdType idType, List<ColumnInfo> columns) {
        return temp("osm_stage", q(SOURCE_ID) + " " + idType.sql + " NOT NULL PRIMARY KEY" + valueColumns(columns));
    }

    /**
     * The stage of an explicit-id insert: the destination id, then the columns. No primary key: the
     * destination's own key judges duplicates, with its own collation.
     */
    TempTable explicitStage(ColumnInfo idColumn, List<ColumnInfo> columns) {
        return temp("osm_stage", q(KEY) + " " + typed(idColumn) + " NOT NULL" + valueColumns(columns));
    }

    /** Where MERGE … OUTPUT … INTO writes its (source id, new id) pairs. */
    TempTable mapTable(SourceIdType idType, ColumnInfo idColumn) {
        return temp("osm_map", q(SOURCE_ID) + " " + idType.sql + " NOT NULL, " + q(NEW_ID) + " " + sqlType(idColumn) + " NULL");
    }

    /** The stage of a set-based update: the destination id (joined in the database's collation), then the columns. */
    TempTable updateStage(ColumnInfo idColumn, List<ColumnInfo> columns) {
        return temp("osm_upd", q(KEY) + " " + typed(idColumn) + " NOT NULL PRIMARY KEY" + valueColumns(columns));
    }

    /**
     * One batch that makes the given temp tables ready and empty: drops the connection's previous
     * tables of the same kinds, creates the missing ones, truncates them all. Truncating first means
     * rows left by a failed batch whose transaction was not rolled back can never be written twice.
     */
    static String prepare(List<String> drop, List<TempTable> tables) {
        StringBuilder sql = new StringBuilder();
        for (String name : drop) {
            sql.append("IF OBJECT_ID(N'tempdb..").append(name).append("') IS NOT NULL DROP TABLE ").append(name).append(";\n");
        }
        for (TempTable t : tables) {
            sql.append(t.create()).append(";\n");
        }
        for (TempTable t : tables) {
            sql.append("TRUNCATE TABLE ").append(t.name()).append(";\n");
        }
        return sql.toString().strip();
    }

    static String truncate(TempTable... tables) {
        StringBuilder sql = new StringBuilder();
        for (TempTable t : tables) {
            sql.append(sql.length() == 0 ? "" : " ").append("TRUNCATE TABLE ").append(t.name()).append(';');
        }
        return sql.toString();
    }

    // ---- generated ids ----

    /** MERGE from the stage; every output row carries its own source id, written INTO the map (never bare OUTPUT: Msg 334). */
    String mergeFromStage(InsertTarget target, TempTable stage, TempTable map) {
        return "MERGE INTO " + q(target.table()) + " AS d USING " + stage.name() + " AS s ON 1 = 0"
                + mergeTail(target, map);
    }

    /** The same MERGE over {@code rows} parameterised rows of (source id, c1 … cn). */
    String mergeFromValues(InsertTarget target, int rows, TempTable map) {
        List<String> names = new ArrayList<>();
        names.add(q(SOURCE_ID));
        names.addAll(stageNames(target.columns().size()));
        return "MERGE INTO " + q(target.table()) + " AS d USING (VALUES " + placeholders(rows, names.size()) + ") AS s ("
                + String.join(", ", names) + ") ON 1 = 0" + mergeTail(target, map);
    }

    private String mergeTail(InsertTarget target, TempTable map) {
        String insert = target.columns().isEmpty()
                ? "INSERT DEFAULT VALUES"
                : "INSERT (" + target.columns().stream().map(c -> q(c.name())).collect(Collectors.joining(", ")) + ") VALUES ("
                        + stageNames(target.columns().size()).stream().map(n -> "s." + n).collect(Collectors.joining(", ")) + ")";
        return " WHEN NOT MATCHED BY TARGET THEN " + insert
                + " OUTPUT s." + q(SOURCE_ID) + ", inserted." + q(target.idColumn().name())
                + " INTO " + map.name() + " (" + q(SOURCE_ID) + ", " + q(NEW_ID) + ");";
    }

    String selectMap(TempTable map) {
        return "SELECT " + q(SOURCE_ID) + ", " + q(NEW_ID) + " FROM " + map.name();
    }

    // ---- explicit ids ----

    /** INSERT of {@code rows} parameterised rows of (id, c1 … cn). */
    String insertValues(InsertTarget target, int rows) {
        List<String> columns = explicitColumns(target);
        return "INSERT INTO " + q(target.table()) + " (" + String.join(", ", columns) + ") VALUES "
                + placeholders(rows, columns.size());
    }

    String insertFromStage(InsertTarget target, TempTable stage) {
        List<String> from = new ArrayList<>();
        from.add("s." + q(KEY));
        stageNames(target.columns().size()).forEach(n -> from.add("s." + n));
        return "INSERT INTO " + q(target.table()) + " (" + String.join(", ", explicitColumns(target)) + ") SELECT "
                + String.join(", ", from) + " FROM " + stage.name() + " AS s;";
    }

    // ---- updates ----

    String updateFromStage(String table, ColumnInfo idColumn, List<ColumnInfo> columns, TempTable stage) {
        return "UPDATE t SET " + assignments(columns) + " FROM " + q(table) + " AS t JOIN " + stage.name()
                + " AS s ON t." + q(idColumn.name()) + " = s." + q(KEY) + " WHERE " + differs(columns) + ";";
    }

    /** The same UPDATE over {@code rows} parameterised rows of (id, c1 … cn). */
    String updateFromValues(String table, ColumnInfo idColumn, List<ColumnInfo> columns, int rows) {
        List<String> names = new ArrayList<>();
        names.add(q(KEY));
        names.addAll(stageNames(columns.size()));
        return "UPDATE t SET " + assignments(columns) + " FROM " + q(table) + " AS t JOIN (VALUES "
                + placeholders(rows, names.size()) + ") AS s (" + String.join(", ", names) + ") ON t." + q(idColumn.name())
                + " = s." + q(KEY) + " WHERE " + differs(columns) + ";";
    }

    /**
     * Only rows whose values change are written (a re-run sets every deferred reference again, and most already
     * hold their value); null-safe, without IS DISTINCT FROM, which SQL Server has only since 2022.
     */
    private String differs(List<ColumnInfo> columns) {
        List<String> any = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String t = "t." + q(columns.get(i).name());
            String s = "s." + q("c" + (i + 1));
            any.add("NOT (" + t + " = " + s + " OR (" + t + " IS NULL AND " + s + " IS NULL))");
        }
        return "(" + String.join(" OR ", any) + ")";
    }

    private String assignments(List<ColumnInfo> columns) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            set.add("t." + q(columns.get(i).name()) + " = s." + q("c" + (i + 1)));
        }
        return String.join(", ", set);
    }

    // ---- types ----

    /**
     * The SQL Server type of a column, from the catalog's type name, size and decimals (or from its
     * JDBC type when the name is not SQL Server's). Legacy LOB types stage as their (max) successors.
     */
    static String sqlType(ColumnInfo c) {
        String name = c.typeName() == null ? "" : c.typeName().toLowerCase(Locale.ROOT).replace(" identity", "").strip();
        int size = c.size();
        return switch (name) {
            case "nvarchar", "nchar" -> name + "(" + (size <= 0 || size > 4000 ? "max" : size) + ")";
            case "varchar", "char", "varbinary", "binary" -> name + "(" + (size <= 0 || size > 8000 ? "max" : size) + ")";
            case "ntext", "xml" -> "nvarchar(max)";
            case "text" -> "varchar(max)";
            case "image" -> "varbinary(max)";
            case "decimal", "numeric" -> "decimal(" + size + ", " + c.decimals() + ")";
            case "datetime2", "time", "datetimeoffset" -> name + "(" + Math.min(7, Math.max(0, c.decimals())) + ")";
            case "bigint", "int", "smallint", "tinyint", "bit", "float", "real", "date", "datetime", "smalldatetime",
                    "money", "smallmoney", "uniqueidentifier" -> name;
            default -> fromJdbcType(c);
        };
    }

    private static String fromJdbcType(ColumnInfo c) {
        int size = c.size();
        return switch (c.jdbcType()) {
            case Types.BIGINT -> "bigint";
            case Types.INTEGER -> "int";
            case Types.SMALLINT -> "smallint";
            case Types.TINYINT -> "tinyint";
            case Types.DECIMAL, Types.NUMERIC -> "decimal(" + size + ", " + c.decimals() + ")";
            case Types.DOUBLE, Types.FLOAT -> "float";
            case Types.REAL -> "real";
            case Types.BIT, Types.BOOLEAN -> "bit";
            case Types.DATE -> "date";
            case Types.TIME -> "time(7)";
            case Types.TIMESTAMP -> "datetime2(7)";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    "varbinary(" + (size <= 0 || size > 8000 ? "max" : size) + ")";
            case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB,
                    Types.NCLOB -> "nvarchar(" + (size <= 0 || size > 4000 ? "max" : size) + ")";
            default -> throw new IllegalArgumentException("no SQL Server staging type for column " + c.name() + " of type "
                    + c.typeName() + " (JDBC " + c.jdbcType() + ")");
        };
    }

    /** Character columns of a temp table take the database's collation, not tempdb's, so copies and joins agree. */
    static boolean isCharacter(String sqlType) {
        return sqlType.startsWith("nvarchar") || sqlType.startsWith("varchar") || sqlType.startsWith("nchar")
                || sqlType.startsWith("char");
    }

    private static String typed(ColumnInfo c) {
        String type = sqlType(c);
        return isCharacter(type) ? type + " COLLATE DATABASE_DEFAULT" : type;
    }

    // ---- helpers ----

    private String valueColumns(List<ColumnInfo> columns) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(", ").append(q("c" + (i + 1))).append(' ').append(typed(columns.get(i))).append(" NULL");
        }
        return sql.toString();
    }

    private List<String> stageNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add(q("c" + i));
        }
        return names;
    }

    private List<String> explicitColumns(InsertTarget target) {
        List<String> columns = new ArrayList<>();
        columns.add(q(target.idColumn().name()));
        target.columns().forEach(c -> columns.add(q(c.name())));
        return columns;
    }

    private static String placeholders(int rows, int perRow) {
        String row = "(" + String.join(", ", Collections.nCopies(perRow, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }

    private static TempTable temp(String kind, String body) {
        String name = "#" + kind + "_" + hash(body);
        return new TempTable(kind, name, "IF OBJECT_ID(N'tempdb.." + name + "') IS NULL CREATE TABLE " + name + " (" + body + ")");
    }

    /** 48 bits of SHA-256: a collision among the few hundred shapes one connection sees is negligible. */
    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private String q(String identifier) {
        return dialect.quote(identifier);
    }

    /** Takes an application lock (Shared or Exclusive) owned by the current transaction, waiting as long as it takes. */
    static String appLock(String mode) {
        if (!mode.equals("Shared") && !mode.equals("Exclusive")) {
            throw new IllegalArgumentException("lock mode " + mode);
        }
        return "EXEC sp_getapplock @Resource = ?, @LockMode = '" + mode + "', @LockOwner = 'Transaction', @LockTimeout = -1";
    }
}
