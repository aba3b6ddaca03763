package io.osmigrate.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.osmigrate.dialect.CopyText;

/**
 * PostgreSQL path of {@link RowSink}: {@code COPY … FROM STDIN} in text format ({@link CopyText}), written in
 * 64 KiB chunks.
 */
final class PgCopySink implements RowSink {

    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final int width;
    private final CopyText text = new CopyText(FLUSH_AT + 8192);

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
        for (Object v : values) {
            text.value(v);
        }
        text.endRow();
        if (text.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (text.length() > 0) {
            copy.writeToCopy(text.buffer(), 0, text.length());
            text.clear();
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
