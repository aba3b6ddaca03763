package io.osmigrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A dialect's write path for one table: inserts a batch and returns every (source id → new id)
 * pair, with each engine's fastest correct idiom, never by assuming an output order the engine
 * does not promise. Runs inside the caller's open transaction and never commits. One instance per
 * table and run; not thread-safe.
 */
public interface InsertPath {

    /** Inserts the rows; returns one pair per row. On failure nothing is returned and the caller rolls back. */
    List<IdPair> insert(Connection connection, List<InsertRow> rows) throws SQLException;
}
