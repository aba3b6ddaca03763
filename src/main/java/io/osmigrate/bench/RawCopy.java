package io.osmigrate.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 *       CopyManager ({@code CopyOut.readFromCopy()} → a 64 KB {@code PGCopyOutputStream}): a thread per connection,
 *       memory bounded by the buffer, one statement and transaction per table and connection. The physical limit of moving the rows.</li>
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
                ? "COPY (SELECT <same columns> FROM src) TO STDOUT piped into COPY copy FROM STDIN (pgjdbc CopyManager,"
                        + " 64 KB buffer); no remapping, no key capture; untimed table creation"
                : "JDBC streamed SELECT <same columns> FROM src + executeBatch of 1,000 INSERTs without generated keys,"
                        + " commit every 10,000 rows; no remapping, no key capture; untimed table creation";
    }

    static BenchResult.Copy run(BenchDatabases dbs, List<TableCopy> tables, CopyTables.Variant variant, int fetchSize)
            throws SQLException, IOException {
        return run(dbs, tables, variant, 1, fetchSize);
    }

    /**
     * Copies every table over {@code connections} connection pairs at once, each taking the rows whose identifier
     * modulo {@code connections} is its number ({@code WHERE MOD(id, n) = k}), so the destination takes the same
     * rows on as many connections as osmigrate writes with. One connection reads the whole table without a filter.
     */
    static BenchResult.Copy run(BenchDatabases dbs, List<TableCopy> tables, CopyTables.Variant variant, int connections,
                                int fetchSize) throws SQLException, IOException {
        BenchEngine engine = dbs.engine();
        List<String> adjusted = new ArrayList<>();
        List<BenchResult.Table> figures = new ArrayList<>();
        boolean constrained = variant == CopyTables.Variant.CONSTRAINED;
        List<Connection[]> pairs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections, r -> new Thread(r, "osm-bench-copy"));
        try {
            for (int k = 0; k < connections; k++) {
                // the constrained copy takes the rows the data phase wrote, whose references resolve in the destination
                pairs.add(new Connection[] {constrained ? dbs.destination() : dbs.source(), dbs.destination()});
            }
            Connection dst = pairs.get(0)[1];
            List<String> names = new ArrayList<>();
            for (TableCopy t : tables) {
                String prefix = switch (variant) {
                    case PLAIN -> "bench_copy_";
                    case CONSTRAINED -> connections == 1 ? "bench_copyfk_" : "bench_copyfkp_";
                    default -> "bench_copyix_";
                };
                String name = prefix + t.entity().order();
                adjusted.addAll(CopyTables.create(dst, engine, t, name, variant));
                names.add(name);
            }
            for (int i = 0; i < tables.size(); i++) {
                TableCopy t = tables.get(i);
                String select = constrained ? t.destinationSelect() : t.select();
                String id = constrained ? t.quoteDestination(t.identifier().destination().name())
                        : t.quoteSource(t.identifier().source().name());
                String copy = names.get(i);
                List<Future<Long>> parts = new ArrayList<>();
                long start = System.nanoTime();
                for (int k = 0; k < connections; k++) {
                    Connection[] pair = pairs.get(k);
                    String part = connections == 1 ? select : select + partition(engine, t, id, connections, k);
                    parts.add(pool.submit(() -> engine == BenchEngine.POSTGRESQL ? copyPostgres(pair[0], pair[1], part, t, copy)
                            : copyH2(pair[0], pair[1], part, t, copy, fetchSize)));
                }
                long rows = 0;
                for (Future<Long> part : parts) {
                    rows += join(part);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                figures.add(new BenchResult.Table(t.name(), t.sourceTable(), copy, rows, seconds));
            }
        } finally {
            pool.shutdownNow();
            for (Connection[] pair : pairs) {
                for (Connection c : pair) {
                    c.close();
                }
            }
        }
        long rows = figures.stream().mapToLong(BenchResult.Table::rows).sum();
        double seconds = figures.stream().mapToDouble(BenchResult.Table::seconds).sum();
        String over = connections == 1 ? "one connection" : connections + " connections at once, rows split by MOD(id, "
                + connections + ") (of a hash of a text id)";
        return new BenchResult.Copy(variant.name().toLowerCase(java.util.Locale.ROOT) + (connections == 1 ? "" : "-" + connections),
                method(engine) + "; " + over + "; copy tables: " + CopyTables.describe(engine, variant), connections, rows,
                seconds, Benchmark.rate(rows, seconds), figures, Collections.unmodifiableList(adjusted));
    }

    /**
     * The k-th of n parts of a table: {@code MOD(id, n) = k} for a numeric identifier, the same over a hash of a
     * text one (PostgreSQL's hashtext, H2's ORA_HASH).
     */
    private static String partition(BenchEngine engine, TableCopy t, String id, int n, int k) {
        int type = t.identifier().destination().jdbcType();
        boolean numeric = type == Types.BIGINT || type == Types.INTEGER || type == Types.SMALLINT || type == Types.TINYINT
                || type == Types.NUMERIC || type == Types.DECIMAL;
        String key = numeric ? id : engine == BenchEngine.POSTGRESQL ? "abs(hashtext(" + id + "))" : "ORA_HASH(" + id + ")";
        return " WHERE MOD(" + key + ", " + n + ") = " + k;
    }

    private static long join(Future<Long> part) throws SQLException, IOException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while copying", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(cause);
        }
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
