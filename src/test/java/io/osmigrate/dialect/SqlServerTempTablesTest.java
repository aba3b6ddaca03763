package io.osmigrate.dialect;

import static io.osmigrate.dialect.SqlServerFixtures.AMOUNT;
import static io.osmigrate.dialect.SqlServerFixtures.DIALECT;
import static io.osmigrate.dialect.SqlServerFixtures.ID;
import static io.osmigrate.dialect.SqlServerFixtures.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.osmigrate.dialect.SqlServerStatements.SourceIdType;
import io.osmigrate.dialect.SqlServerStatements.TempTable;

class SqlServerTempTablesTest {

    private final SqlServerStatements sql = new SqlServerStatements(DIALECT);

    @Test
    void aNewShapeReplacesTheSessionsPreviousTableOfTheSameKindOnly() {
        Object session = new Object();
        TempTable stageA = sql.insertStage(SourceIdType.LONG, List.of(NAME));
        TempTable stageB = sql.insertStage(SourceIdType.LONG, List.of(AMOUNT));
        TempTable map = sql.mapTable(SourceIdType.LONG, ID);

        assertThat(SqlServerTempTables.replace(session, List.of(stageA, map))).isEmpty();
        assertThat(SqlServerTempTables.replace(session, List.of(stageA, map))).isEmpty();
        assertThat(SqlServerTempTables.replace(session, List.of(stageB, map))).containsExactly(stageA.name());
        assertThat(SqlServerTempTables.replace(session, List.of(stageB))).isEmpty();
        // another session has its own temp tables
        assertThat(SqlServerTempTables.replace(new Object(), List.of(stageA))).isEmpty();
    }
}
