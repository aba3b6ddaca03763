package io.osmigrate.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Streams rows into one table with the engine's fastest plain path (COPY on PostgreSQL, JDBC batches on
 * H2), so memory stays flat however many rows go through. Values are Java objects: String, Integer, Long,
 * BigDecimal, Boolean, byte[], LocalDate, LocalTime, LocalDateTime, or null. {@link #close()} flushes.
 */
interface RowSink extends AutoCloseable {

    void add(Object... values) throws SQLException;

    @Override
    void close() throws SQLException;

    static RowSink open(Connection c, Engine engine, String table, List<String> columns) throws SQLException {
        return engine == Engine.POSTGRESQL ? new PgCopySink(c, table, columns) : new H2BatchSink(c, table, columns);
    }
}
