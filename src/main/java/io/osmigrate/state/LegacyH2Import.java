package io.osmigrate.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an H2 state store (osmigrate's embedded default before SQLite) into a new SQLite store, so an
 * upgrade keeps the key map: without it, the next run would insert every row already in the destination
 * again. It runs once, when the SQLite store is new and {@code osmigrate.mv.db} lies beside it, and
 * survives being interrupted: the H2 file is first renamed {@code .importing}, its rows are copied in
 * one SQLite transaction, and only then is it renamed {@code .imported} (kept, never deleted).
 */
final class LegacyH2Import {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyH2Import.class);

    /** In the order their references need. */
    private static final List<String> TABLES = List.of("OSM_RUN", "OSM_RUN_ENTITY", "OSM_MAP_SCOPE", "OSM_KEY_BATCH",
            "OSM_DEAD_LETTER", "OSM_CLEAN_PENDING");

    private LegacyH2Import() {
    }

    /** Imports the H2 store beside {@code sqlite}, if there is one; {@code store} is the migrated SQLite store. */
    static void importIfPresent(SqliteFile sqlite, DataSource store) {
        Path legacy = sqlite.legacyH2File();
        Path importing = renamed(legacy, "importing");
        try {
            if (Files.isRegularFile(legacy) && !Files.exists(importing)) {
                Files.move(legacy, importing, StandardCopyOption.ATOMIC_MOVE);
            }
            if (!Files.isRegularFile(importing)) {
                return;
            }
            if (isEmpty(store)) {
                Map<String, Integer> copied = copy(importing, store);
                LOG.warn("Imported the H2 state store {} into {}: {}. It is kept as {}", legacy, sqlite.file(), copied,
                        renamed(legacy, "imported").getFileName());
            }
            Files.move(importing, renamed(legacy, "imported"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | SQLException e) {
            throw new StateException("cannot import the H2 state store " + legacy + " into " + sqlite.file()
                    + "; nothing was run. Its file is " + importing.getFileName() + "; the next start tries again", e);
        }
    }

    /** {@code osmigrate.mv.db} → {@code osmigrate.<suffix>.mv.db}: still a name H2 opens. */
    private static Path renamed(Path legacy, String suffix) {
        String name = legacy.getFileName().toString();
        return legacy.resolveSibling(name.substring(0, name.length() - ".mv.db".length()) + "." + suffix + ".mv.db");
    }

    private static boolean isEmpty(DataSource store) throws SQLException {
        try (Connection c = store.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM OSM_RUN) + (SELECT COUNT(*) FROM OSM_MAP_SCOPE)")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    private static Map<String, Integer> copy(Path h2File, DataSource store) throws SQLException {
        String name = h2File.getFileName().toString();
        String url = "jdbc:h2:file:" + h2File.resolveSibling(name.substring(0, name.length() - ".mv.db".length()));
        Map<String, Integer> copied = new LinkedHashMap<>();
        try (Connection from = DriverManager.getConnection(url, "sa", ""); Connection to = store.getConnection()) {
            to.setAutoCommit(false);
            try {
                for (String table : TABLES) {
                    copied.put(table, copyTable(from, to, table));
                }
                to.commit();
            } catch (SQLException | RuntimeException e) {
                to.rollback();
                throw e;
            }
        }
        return copied;
    }

    /** The columns both stores have: the SQLite schema has grown since the H2 one (its later columns stay empty). */
    private static int copyTable(Connection from, Connection to, String table) throws SQLException {
        List<String> columns = columns(to, table);
        columns.retainAll(columns(from, table));
        String list = String.join(", ", columns);
        int rows = 0;
        try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT " + list + " FROM " + table);
             PreparedStatement insert = to.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES ("
                     + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")")) {
            while (rs.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    insert.setObject(i, plain(rs.getObject(i)));
                }
                insert.executeUpdate();
                rows++;
            }
        }
        return rows;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnName(i).toUpperCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static Object plain(Object value) throws SQLException {
        if (value instanceof Blob b) {
            return b.getBytes(1, (int) b.length());
        }
        if (value instanceof Clob c) {
            return c.getSubString(1, (int) c.length());
        }
        return value;
    }
}
