package io.osmigrate.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The raw-copy baseline: every moved table's rows, the same columns the data phase writes, copied as they are
 * (no remapping, no key capture) from the source table into an empty copy of the destination table, in the
 * destination database. The constrained variant instead copies the rows the data phase wrote (destination
 * values, whose references resolve) into copies that also have the destination's foreign keys: the cost the
 * destination itself charges for taking these rows, with no remapping and no key capture. The copy tables are
 * made before the clock starts; each table is timed from the first read to its commit, and the baseline's
 * time is the sum.
 *
 * <ul>
 *   <li>PostgreSQL: {@code COPY (SELECT <columns> FROM src) TO STDOUT} on a source connection, its rows written
 *       as they arrive into {@code COPY copy (<columns>) FROM STDIN} on a destination connection through pgjdbc's
 *       CopyManager ({@code CopyOut.readFromCopy()} → a 64 KB {@code PGCopyOutputStream}): one thread, memory
 *       bounded by the buffer, one statement and transaction per table. The physical limit of moving the rows.</li>
 *   <li>H2 (no COPY, and two databases cannot meet in one statement): a JDBC streamed read of the same SELECT and
 *       {@code executeBatch()} of 1,000 single-row INSERTs without generated keys, committed every 10,000 rows:
 *       the fastest plain path measured on H2 (perf-anchors §1b, 0.99× of the best in a file).</li>
 * </ul>
 */
final class RawCopy {

    static final int H2_BATCH = 1000;
    static final int H2_COMMIT_EVERY = 10_000;
    static final int COPY_BUFFER = 64 * 1024;

    private RawCopy() {
    }

    static String method(BenchEngine engine) {
        return engine == BenchEngine.POSTGRESQL
                ? "COPY (SELECT <same columns> FROM src) TO STDOUT piped into COPY copy FROM STDIN (pgjdbc CopyManager, one"
                        + " thread, 64 KB buffer); no remapping, no key capture; untimed table creation"
                : "JDBC streamed SELECT <same columns> FROM src + executeBatch of 1,000 INSERTs without generated keys,"
                        + " commit every 10,000 rows; no remapping, no key capture; untimed table creation";
    }

    static BenchResult.Copy run(BenchDatabases dbs, List<TableCopy> tables, CopyTables.Variant variant, int fetchSize)
            throws SQLException, IOException {
        BenchEngine engine = dbs.engine();
        List<String> adjusted = new ArrayList<>();
        List<BenchResult.Table> figures = new ArrayList<>();
        boolean constrained = variant == CopyTables.Variant.CONSTRAINED;
        // the constrained copy takes the rows the data phase wrote, whose references resolve in the destination
        try (Connection src = constrained ? dbs.destination() : dbs.source(); Connection dst = dbs.destination()) {
            List<String> names = new ArrayList<>();
            for (TableCopy t : tables) {
                String prefix = switch (variant) {
                    case PLAIN -> "bench_copy_";
                    case CONSTRAINED -> "bench_copyfk_";
                    default -> "bench_copyix_";
                };
                String name = prefix + t.entity().order();
                adjusted.addAll(CopyTables.create(dst, engine, t, name, variant));
                names.add(name);
            }
            for (int i = 0; i < tables.size(); i++) {
                TableCopy t = tables.get(i);
                String select = constrained ? t.destinationSelect() : t.select();
                long start = System.nanoTime();
                long rows = engine == BenchEngine.POSTGRESQL ? copyPostgres(src, dst, select, t, names.get(i))
                        : copyH2(src, dst, select, t, names.get(i), fetchSize);
                double seconds = (System.nanoTime() - start) / 1e9;
                figures.add(new BenchResult.Table(t.name(), t.sourceTable(), names.get(i), rows, seconds));
            }
        }
        long rows = figures.stream().mapToLong(BenchResult.Table::rows).sum();
        double seconds = figures.stream().mapToDouble(BenchResult.Table::seconds).sum();
        return new BenchResult.Copy(variant.name().toLowerCase(java.util.Locale.ROOT),
                method(engine) + "; copy tables: " + CopyTables.describe(engine, variant), rows, seconds,
                Benchmark.rate(rows, seconds), figures, Collections.unmodifiableList(adjusted));
    }

    private static long copyPostgres(Connection src, Connection dst, String select, TableCopy t, String copy)
            throws SQLException, IOException {
        CopyOut from = src.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT");
        CopyIn to = null;
        try {
            to = dst.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + copy + " (" + t.destinationColumns(true)
                    + ") FROM STDIN");
            PGCopyOutputStream sink = new PGCopyOutputStream(to, COPY_BUFFER);
            byte[] row;
            while ((row = from.readFromCopy()) != null) {
                sink.write(row);
            }
            sink.flush();
            long written = sink.endCopy();
            if (written != from.getHandledRowCount()) {
                throw new SQLException("COPY into " + copy + " wrote " + written + " rows of " + from.getHandledRowCount() + " read");
            }
            return written;
        } catch (SQLException | IOException | RuntimeException e) {
            cancel(from);
            cancel(to);
            throw e;
        }
    }

    private static void cancel(org.postgresql.copy.CopyOperation op) {
        if (op != null && op.isActive()) {
            try {
                op.cancelCopy();
            } catch (SQLException suppressed) {
                // the connection is closed right after
            }
        }
    }

    private static long copyH2(Connection src, Connection dst, String select, TableCopy t, String copy, int fetchSize)
            throws SQLException {
        int n = t.columns().size();
        String insert = "INSERT INTO " + copy + " (" + t.destinationColumns(true) + ") VALUES ("
                + String.join(", ", Collections.nCopies(n, "?")) + ")";
        boolean autoCommit = dst.getAutoCommit();
        dst.setAutoCommit(false);
        long rows = 0;
        try (Statement s = src.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
             PreparedStatement ps = dst.prepareStatement(insert)) {
            s.setFetchSize(fetchSize);
            try (ResultSet rs = s.executeQuery(select)) {
                int pending = 0;
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        ps.setObject(i, rs.getObject(i));
                    }
                    ps.addBatch();
                    rows++;
                    if (++pending == H2_BATCH) {
                        ps.executeBatch();
                        pending = 0;
                        if (rows % H2_COMMIT_EVERY == 0) {
                            dst.commit();
                        }
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            dst.commit();
        } catch (SQLException | RuntimeException e) {
            dst.rollback();
            throw e;
        } finally {
            dst.setAutoCommit(autoCommit);
        }
        return rows;
    }
}
