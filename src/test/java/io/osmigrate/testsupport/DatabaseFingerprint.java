package io.osmigrate.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every table of a database's default schema with its row count and a SHA-256 of its rows (each row's columns
 * as text, rows sorted): equal fingerprints taken before and after something mean that it changed no row.
 */
public final class DatabaseFingerprint {

    private DatabaseFingerprint() {
    }

    /** Table name → "rows:sha256" for every table of the connection's schema (public on PostgreSQL, PUBLIC on H2). */
    public static Map<String, String> of(Connection c) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String table : names) {
            tables.put(table, rows(c, schema, table));
        }
        return tables;
    }

    /** The sum of the row counts of a fingerprint. */
    public static long rowCount(Map<String, String> fingerprint) {
        return fingerprint.values().stream().mapToLong(v -> Long.parseLong(v.substring(0, v.indexOf(':')))).sum();
    }

    private static String rows(Connection c, String schema, String table) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM \"" + schema + "\".\"" + table.replace("\"", "\"\"") + "\"")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    line.append(rs.getString(i)).append('\u0001');
                }
                lines.add(line.toString());
            }
        }
        Collections.sort(lines);
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        lines.forEach(l -> digest.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
        return lines.size() + ":" + HexFormat.of().formatHex(digest.digest());
    }
}
