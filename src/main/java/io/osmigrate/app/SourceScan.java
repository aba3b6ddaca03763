package io.osmigrate.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import io.osmigrate.dialect.ValueKind;
import io.osmigrate.env.Environment;
import io.osmigrate.plan.SubsetResolver;

/**
 * The subset's reads of a source environment: a prepared statement with every literal bound, streamed on a
 * read-only connection of its own, each value carried as an identifier ({@link ValueKind#id}).
 */
final class SourceScan implements SubsetResolver.SourceScan {

    private static final int FETCH_SIZE = 5_000;
    private final Environment source;
    private final String what;
    private final String hint;

    SourceScan(Environment source) {
        this(source, "cannot read the subset's rows", "Check the subset's where conditions against the attributes' types,"
                + " and that the user may read the tables");
    }

    /** A scan whose failure says {@code what} could not be read, and {@code hint} what to check. */
    SourceScan(Environment source, String what, String hint) {
        this.source = source;
        this.what = what;
        this.hint = hint;
    }

    @Override
    public String quote(String identifier) {
        return source.dialect().quote(identifier);
    }

    @Override
    public void query(String sql, List<Object> binds, Consumer<Object[]> row) {
        try (Connection c = source.dataSource().getConnection()) {
            source.dialect().prepareStreamingRead(c);
            try (PreparedStatement s = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < binds.size(); i++) {
                    s.setObject(i + 1, binds.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Object[] values = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            values[i] = ValueKind.id(rs.getObject(i + 1));
                        }
                        row.accept(values);
                    }
                }
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw source.failure(what, e, hint);
        }
    }
}
