package io.osmigrate.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;

class SqlServerDialectTest {

    private final SqlServerDialect dialect = new SqlServerDialect();

    private static SQLException server(int number, String state) {
        return new SQLException("SQL Server error " + number, state, number);
    }

    @Test
    void classifiesByErrorNumber() {
        assertThat(dialect.classify(server(2627, "23000"))).isEqualTo(ErrorKind.UNIQUE_VIOLATION);
        assertThat(dialect.classify(server(2601, "23000"))).isEqualTo(ErrorKind.UNIQUE_VIOLATION);
        assertThat(dialect.classify(server(547, "23000"))).isEqualTo(ErrorKind.FOREIGN_KEY_VIOLATION);
        assertThat(dialect.classify(server(515, "23000"))).isEqualTo(ErrorKind.DATA);
        assertThat(dialect.classify(server(8152, "22001"))).isEqualTo(ErrorKind.DATA);
        assertThat(dialect.classify(server(2628, "22001"))).isEqualTo(ErrorKind.DATA);
        assertThat(dialect.classify(server(4815, "S0001"))).isEqualTo(ErrorKind.DATA); // too long for the stage, in bulk load
        assertThat(dialect.classify(server(1205, "40001"))).isEqualTo(ErrorKind.DEADLOCK);
        assertThat(dialect.classify(server(1222, "S0001"))).isEqualTo(ErrorKind.LOCK_TIMEOUT);
    }

    @Test
    void classifiesWithoutAKnownNumberBySqlState() {
        assertThat(dialect.classify(new SQLException("Connection reset", "08S01", 0))).isEqualTo(ErrorKind.CONNECTION);
        assertThat(dialect.classify(new SQLException("The query has timed out.", "HY008", 0))).isEqualTo(ErrorKind.OTHER);
        assertThat(dialect.classify(server(50000, "S0001"))).isEqualTo(ErrorKind.OTHER);
        assertThat(dialect.classify(server(208, "S0002"))).isEqualTo(ErrorKind.OTHER); // invalid object name: not the row's fault
    }

    @Test
    void looksThroughBatchAndChainedExceptions() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", null, 0, new int[] {1, -3});
        batch.setNextException(server(547, "23000"));
        assertThat(dialect.classify(batch)).isEqualTo(ErrorKind.FOREIGN_KEY_VIOLATION);

        // the number alone, without a SQLSTATE, still decides
        BatchUpdateException noState = new BatchUpdateException("batch failed", null, 0, new int[0]);
        noState.setNextException(new SQLException("deadlock victim", null, 1205));
        assertThat(dialect.classify(noState)).isEqualTo(ErrorKind.DEADLOCK);

        // mssql-jdbc copies the number onto its BatchUpdateException
        assertThat(dialect.classify(new BatchUpdateException("dup", "23000", 2601, new int[0], server(2601, "23000"))))
                .isEqualTo(ErrorKind.UNIQUE_VIOLATION);

        SQLException wrapped = new SQLException("bulk copy failed", null, 0, server(2628, "22001"));
        assertThat(dialect.classify(wrapped)).isEqualTo(ErrorKind.DATA);
    }

    @Test
    void aSelfReferencingChainEnds() {
        SQLException loop = new SQLException("loop", null, 0);
        loop.setNextException(loop);
        assertThat(dialect.classify(loop)).isEqualTo(ErrorKind.OTHER);
    }

    @Test
    void quotesWithBracketsAndDoublesTheClosingOne() {
        assertThat(dialect.quote("ORDER")).isEqualTo("[ORDER]");
        assertThat(dialect.quote("a]b")).isEqualTo("[a]]b]");
        assertThat(dialect.quote("Order Lines")).isEqualTo("[Order Lines]");
    }

    @Test
    void writePathsArePreparedWithoutTouchingTheConnection() throws SQLException {
        assertThat(dialect.insertPath(null, SqlServerFixtures.GENERATED)).isInstanceOf(SqlServerInsertPath.class);
        assertThat(dialect.updatePath(null, "T", SqlServerFixtures.ID, List.of(SqlServerFixtures.CUSTOMER_ID)))
                .isInstanceOf(SqlServerUpdatePath.class);
        assertThat(dialect.maxParameters()).isEqualTo(2099);
    }
}
