package io.osmigrate.dialect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import com.zaxxer.hikari.HikariConfig;

/**
 * H2 2.x, used in MSSQLServer mode for the demo and quick tests. H2 refuses writes only when the
 * database itself is opened read-only ({@code ACCESS_MODE_DATA=r}), which it ignores when the same
 * database is already open for writing in this JVM: {@link #verifyReadOnly} checks for that.
 */
public class H2Dialect implements Dialect {

    /** The database file without its extension as H2 resolved it (null in memory), and the database's name. */
    static final String IDENTITY = "SELECT DATABASE_PATH(), DATABASE()";

    /** The extension H2 2.x gives a database file. */
    private static final String FILE_EXTENSION = ".mv.db";

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public ErrorKind classify(SQLException e) {
        SQLException root = SqlStates.root(e);
        int code = root.getErrorCode();
        if (code == 50200 || "HYT00".equals(root.getSQLState())) {
            return ErrorKind.LOCK_TIMEOUT;
        }
        if (code == 90067 || code == 90098 || code == 90121) {
            return ErrorKind.CONNECTION;
        }
        return SqlStates.classify(root.getSQLState());
    }

    @Override
    public void configureReadOnly(HikariConfig config) {
        String url = config.getJdbcUrl();
        if (!url.toUpperCase(java.util.Locale.ROOT).contains("ACCESS_MODE_DATA")) {
            config.setJdbcUrl(url + ";ACCESS_MODE_DATA=r;LAZY_QUERY_EXECUTION=TRUE");
        }
        config.setReadOnly(true);
    }

    /**
     * An embedded H2 database lives in osmigrate's own process and by default writes a commit to its file up
     * to half a second later (WRITE_DELAY): a kill -9 in that window would lose rows whose pairs the key map
     * already holds. WRITE_DELAY=0 hands every commit to the operating system before osmigrate goes on.
     * A server-mode URL (tcp, ssl) is left alone: the server outlives osmigrate.
     */
    @Override
    public void configureForWriting(HikariConfig config) {
        String url = config.getJdbcUrl();
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        boolean server = upper.startsWith("JDBC:H2:TCP:") || upper.startsWith("JDBC:H2:SSL:");
        boolean memory = upper.startsWith("JDBC:H2:MEM:");
        if (!server && !memory && !upper.contains("WRITE_DELAY")) {
            config.setJdbcUrl(url + ";WRITE_DELAY=0");
        }
    }

    @Override
    public InsertPath insertPath(Connection connection, InsertTarget target) {
        return new JdbcBatchInsertPath(this, target);
    }

    @Override
    public UpdatePath updatePath(Connection connection, String table, ColumnInfo idColumn, java.util.List<ColumnInfo> columns) {
        return new JdbcBatchUpdatePath(this, table, idColumn, columns);
    }

    @Override
    public void verifyReadOnly(Connection connection, String environment) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("CALL READONLY()")) {
            if (rs.next() && !rs.getBoolean(1)) {
                throw new SQLException("the H2 database of environment '" + environment + "' is already open for writing"
                        + " in this process, so it cannot be opened read-only as a source; close the other connection first");
            }
        }
    }

    /**
     * A file database by its file's real path (links resolved), so relative and absolute spellings, links and extra
     * URL settings all compare equal; an in-memory database by its name, which is what makes two connections of one
     * process reach it. A server-mode database is compared by the path its server reports, made real where that file
     * is visible here.
     */
    @Override
    public DatabaseIdentity identity(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(IDENTITY)) {
            rs.next();
            String path = rs.getString(1);
            if (path == null) {
                return new DatabaseIdentity("H2 in-memory database " + rs.getString(2), Set.of("H2|mem|" + rs.getString(2)));
            }
            String file = realPath(path + FILE_EXTENSION);
            return new DatabaseIdentity("H2 database file " + file, Set.of("H2|file|" + file));
        }
    }

    static String realPath(String file) {
        try {
            Path p = Path.of(file);
            return (Files.exists(p) ? p.toRealPath() : p.toAbsolutePath().normalize()).toString();
        } catch (IOException | InvalidPathException e) {
            return file;
        }
    }
}
