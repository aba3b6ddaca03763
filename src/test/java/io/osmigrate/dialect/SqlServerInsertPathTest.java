package io.osmigrate.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.osmigrate.dialect.SqlServerStatements.SourceIdType;

/** Pairing the MERGE's output with the batch: by source id, never by position. */
class SqlServerInsertPathTest {

    private static InsertRow row(Object sourceId) {
        return new InsertRow(sourceId, null, new Object[0]);
    }

    @Test
    void pairsAreMatchedBySourceIdWhateverTheOutputOrder() throws SQLException {
        List<InsertRow> rows = new ArrayList<>();
        List<Object[]> output = new ArrayList<>();
        for (long id = 1; id <= 500; id++) {
            rows.add(row(id));
            output.add(new Object[] {id, 10_000 + id * 3});
        }
        Collections.shuffle(output, new Random(7));

        List<IdPair> pairs = SqlServerInsertPath.pair(rows, SourceIdType.LONG, output);

        assertThat(pairs).hasSize(500);
        for (int i = 0; i < pairs.size(); i++) {
            long source = i + 1;
            assertThat(pairs.get(i)).isEqualTo(new IdPair(source, 10_000 + source * 3));
        }
    }

    @Test
    void pairsCarryTheCallersSourceIdObjectsAndNewIdsAsLong() throws SQLException {
        List<InsertRow> rows = List.of(row(5), row(6));
        List<Object[]> output = List.<Object[]>of(new Object[] {6L, 101}, new Object[] {5L, 100});

        List<IdPair> pairs = SqlServerInsertPath.pair(rows, SourceIdType.of(rows), output);

        assertThat(pairs).containsExactly(new IdPair(5, 100L), new IdPair(6, 101L));
    }

    @Test
    void textSourceIdsAreMatchedExactly() throws SQLException {
        List<InsertRow> rows = List.of(row("a"), row("A"), row("12"));
        List<Object[]> output = List.<Object[]>of(new Object[] {"12", 3L}, new Object[] {"A", 2L}, new Object[] {"a", 1L});

        assertThat(SourceIdType.of(rows)).isEqualTo(SourceIdType.TEXT);
        assertThat(SqlServerInsertPath.pair(rows, SourceIdType.TEXT, output))
                .containsExactly(new IdPair("a", 1L), new IdPair("A", 2L), new IdPair("12", 3L));
    }

    @Test
    void aMissingRepeatedOrUnknownSourceIdFailsTheBatch() {
        List<InsertRow> rows = List.of(row(1L), row(2L));

        assertThatThrownBy(() -> SqlServerInsertPath.pair(rows, SourceIdType.LONG, List.<Object[]>of(new Object[] {1L, 10L})))
                .isInstanceOf(SQLException.class).hasMessageContaining("no new id for source id 2");
        assertThatThrownBy(() -> SqlServerInsertPath.pair(rows, SourceIdType.LONG,
                List.of(new Object[] {1L, 10L}, new Object[] {1L, 11L}, new Object[] {2L, 12L})))
                .isInstanceOf(SQLException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> SqlServerInsertPath.pair(rows, SourceIdType.LONG,
                List.of(new Object[] {1L, 10L}, new Object[] {2L, 11L}, new Object[] {3L, 12L})))
                .isInstanceOf(SQLException.class).hasMessageContaining("not in the batch");
    }

    @Test
    void aBatchWithARepeatedSourceIdIsRefusedBeforeAnythingIsSent() {
        InsertPath path = new SqlServerDialect().insertPath(null, SqlServerFixtures.GENERATED);
        Object[] values = new Object[SqlServerFixtures.COLUMNS.size()];

        // the connection is never touched: null would fail on first use
        assertThatThrownBy(() -> path.insert(null, List.of(new InsertRow(1L, null, values), new InsertRow(1L, null, values))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeated");
    }
}
