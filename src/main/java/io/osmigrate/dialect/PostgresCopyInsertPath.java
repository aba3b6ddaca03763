package io.osmigrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's fastest correct write path: identifiers are drawn from the table's own sequence up
 * front ({@code SELECT nextval(seq) FROM generate_series(1, n)}), then the rows go in with one
 * {@code COPY … FROM STDIN} carrying those identifiers. The client owns every pair before the rows
 * are written, so nothing depends on an output order (measured at 0.91× of a plain COPY, see
 * perf-anchors). Needs USAGE on the sequence; {@link PostgresDialect} falls back otherwise.
 */
final class PostgresCopyInsertPath implements InsertPath {

    private final InsertTarget target;
    private final String sequence;
    private final String copy;
    /** Rows go to the server in chunks of about this many bytes, so a batch is never held encoded whole. */
    private static final int FLUSH_AT = 1 << 16;

    /** Reused for every batch: a write path belongs to one writer. */
    private final CopyText text = new CopyText(FLUSH_AT + 8192);

    PostgresCopyInsertPath(Dialect dialect, InsertTarget target, String sequence) {
        this.target = target;
        this.sequence = sequence;
        List<String> columns = new ArrayList<>();
        columns.add(target.idColumn().name());
        columns.addAll(target.columnNames());
        this.copy = "COPY " + dialect.quote(target.table()) + " ("
                + columns.stream().map(dialect::quote).collect(Collectors.joining(", ")) + ") FROM STDIN";
    }

    @Override
    public List<IdPair> insert(Connection connection, List<InsertRow> rows) throws SQLException {
        Object[] ids = target.generatedId() ? allocate(connection, rows.size()) : rows.stream().map(InsertRow::explicitId).toArray();
        List<IdPair> pairs = new ArrayList<>(rows.size());
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            text.clear();
            for (int r = 0; r < rows.size(); r++) {
                InsertRow row = rows.get(r);
                text.value(ids[r]);
                for (Object value : row.values()) {
                    text.value(value);
                }
                text.endRow();
                pairs.add(new IdPair(row.sourceId(), ids[r]));
                if (text.length() >= FLUSH_AT) {
                    in.writeToCopy(text.buffer(), 0, text.length());
                    text.clear();
                }
            }
            in.writeToCopy(text.buffer(), 0, text.length());
            in.endCopy();
        } finally {
            text.clear();
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        return pairs;
    }

    private Object[] allocate(Connection connection, int n) throws SQLException {
        Object[] ids = new Object[n];
        try (PreparedStatement ps = connection.prepareStatement("SELECT nextval(?::regclass) FROM generate_series(1, ?)")) {
            ps.setString(1, sequence);
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < n && rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }
}
