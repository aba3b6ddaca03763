package io.osmigrate.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * SHA-256 of a table's content in an engine-neutral form (booleans as true/false, decimals as plain strings,
 * binaries as hex, temporals as java.time), so the same data on H2 and PostgreSQL gives the same checksum.
 * Rows are sorted in Java: the engines' text collations order text keys (GUIDs) differently.
 */
final class TableChecksum {

    private TableChecksum() {
    }

    static String of(Connection c, String table) throws SQLException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    line.append(meta.getColumnLabel(i).toUpperCase(Locale.ROOT)).append('=')
                            .append(canonical(rs, i, meta.getColumnType(i))).append('\u0001');
                }
                lines.add(line.toString());
            }
        }
        Collections.sort(lines);
        for (String line : lines) {
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return lines.size() + ":" + HexFormat.of().formatHex(digest.digest());
    }

    private static String canonical(ResultSet rs, int i, int type) throws SQLException {
        Object v;
        switch (type) {
            case Types.BOOLEAN:
            case Types.BIT:
                v = rs.getBoolean(i);
                break;
            case Types.DECIMAL:
            case Types.NUMERIC:
                v = rs.getBigDecimal(i) == null ? null : rs.getBigDecimal(i).toPlainString();
                break;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
                byte[] b = rs.getBytes(i);
                v = b == null ? null : "0x" + HexFormat.of().formatHex(b);
                break;
            case Types.DATE:
                v = rs.getObject(i, LocalDate.class);
                break;
            case Types.TIME:
                v = rs.getObject(i, LocalTime.class);
                break;
            case Types.TIMESTAMP:
                v = rs.getObject(i, LocalDateTime.class);
                break;
            default:
                v = rs.getString(i);
        }
        return rs.wasNull() ? "<null>" : String.valueOf(v);
    }
}
