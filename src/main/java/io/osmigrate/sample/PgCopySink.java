package io.osmigrate.sample;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL path of {@link RowSink}: {@code COPY … FROM STDIN} in text format, written in 64 KiB chunks.
 * Text format needs backslash, tab, newline and carriage return escaped, NULL as {@code \N}, and bytea as
 * {@code \\x<hex>} (the backslash of bytea's hex form is itself escaped).
 */
final class PgCopySink implements RowSink {

    private static final int FLUSH_AT = 1 << 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final CopyIn copy;
    private final int width;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 8192);

    PgCopySink(Connection c, String table, List<String> columns) throws SQLException {
        this.width = columns.size();
        this.copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
    }

    @Override
    public void add(Object... values) throws SQLException {
        if (values.length != width) {
            throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        }
        for (int i = 0; i < width; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            append(values[i]);
        }
        buffer.append('\n');
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void append(Object v) {
        if (v == null) {
            buffer.append("\\N");
        } else if (v instanceof String) {
            escape((String) v);
        } else if (v instanceof Boolean) {
            buffer.append((Boolean) v ? 't' : 'f');
        } else if (v instanceof BigDecimal) {
            buffer.append(((BigDecimal) v).toPlainString());
        } else if (v instanceof byte[]) {
            buffer.append("\\\\x");
            for (byte b : (byte[]) v) {
                buffer.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        } else if (v instanceof LocalDateTime) {
            LocalDateTime t = (LocalDateTime) v;
            buffer.append(t.toLocalDate()).append(' ').append(t.toLocalTime());
        } else {
            buffer.append(v); // Integer, Long, LocalDate and LocalTime print as PostgreSQL reads them
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\':
                    buffer.append("\\\\");
                    break;
                case '\t':
                    buffer.append("\\t");
                    break;
                case '\n':
                    buffer.append("\\n");
                    break;
                case '\r':
                    buffer.append("\\r");
                    break;
                default:
                    buffer.append(ch);
            }
        }
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            copy.writeToCopy(bytes, 0, bytes.length);
        }
    }

    @Override
    public void close() throws SQLException {
        if (!copy.isActive()) {
            return;
        }
        try {
            flush();
            copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
    }
}
