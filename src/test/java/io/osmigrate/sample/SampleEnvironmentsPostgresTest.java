package io.osmigrate.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.osmigrate.testsupport.PostgresDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generator's checks on PostgreSQL (skipped where no server answers, failing in CI), plus the promise
 * that the same options give the same data on PostgreSQL as on H2.
 */
class SampleEnvironmentsPostgresTest extends SampleEnvironmentChecks {

    private final List<String> urls = new ArrayList<>();

    @Override
    Connection openEmpty(String purpose) throws SQLException {
        String url = PostgresDatabases.create("sample" + purpose);
        urls.add(url);
        return DriverManager.getConnection(url, PostgresDatabases.user(), PostgresDatabases.password());
    }

    @Override
    void dropDatabases() {
        urls.forEach(PostgresDatabases::drop);
    }

    @Test
    void postgresAndH2HoldTheSameApplicationData() throws SQLException {
        SampleOptions o = SampleOptions.of(N).withUnmatchedStaticRecord(true).withDanglingIgnoreReferences(true);
        Connection pg = source(o);
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:sample_cross;MODE=MSSQLServer")) {
            SampleEnvironments.createSource(h2, o);
            List<String> tables = applicationTables(pg);
            assertThat(tables).hasSize(13).isEqualTo(applicationTables(h2));
            for (String table : tables) {
                assertThat(TableChecksum.of(pg, table)).as(table).isEqualTo(TableChecksum.of(h2, table));
            }
            // users too, leaving out IS_ACTIVE: a BIT in H2 and an integer in PostgreSQL by design
            String users = "(SELECT ID, TENANT_ID, NAME, USERNAME, PASSWORD, EMAIL, MOBILEPHONE, EXTERNAL_ID, CREATION_DATE,"
                    + " LAST_LOGIN FROM OSSYS_USER) u";
            assertThat(TableChecksum.of(pg, users)).isEqualTo(TableChecksum.of(h2, users));
        }
    }
}
