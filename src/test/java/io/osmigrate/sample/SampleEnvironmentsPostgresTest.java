package io.osmigrate.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.osmigrate.testsupport.PostgresDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
    void triggersQueueOneEventPerMatchingSubscription() throws SQLException {
        Connection dst = destination(SampleOptions.of(100).withDestinationCustomers(1));
        String user = Sql.string(dst, "SELECT MIN(u.ID) FROM OSSYS_USER u JOIN OSSYS_TENANT t ON t.ID = u.TENANT_ID"
                + " WHERE t.NAME = 'Users'");
        String matching = "SELECT COUNT(*) FROM OSEVT_q9z_Order WHERE _IS_LIGHT = 0 AND _IS_UPDATE = ? AND ID IS NULL";
        long onInsert = Sql.count(dst, matching, 0);
        long onUpdate = Sql.count(dst, matching, 1);
        assertThat(onInsert).isPositive();
        assertThat(onUpdate).isPositive();
        try (Statement s = dst.createStatement()) {
            s.executeUpdate("INSERT INTO OSUSR_Q9Z_ORDER (ORDERNUMBER, CUSTOMERID, STATUSID, CREATEDBY) VALUES"
                    + " ('T-1', 1, 10, " + user + "), ('T-2', 1, 10, " + user + ")");
            assertThat(rows(dst, "OSSYS_BPM_EVENT_QUEUE")).isEqualTo(2 * onInsert);
            assertThat(Sql.strings(dst, "SELECT DISTINCT q.DATA_ID FROM OSSYS_BPM_EVENT_QUEUE q")).containsExactlyInAnyOrderElementsOf(
                    Sql.strings(dst, "SELECT CAST(ID AS VARCHAR(20)) FROM OSUSR_Q9Z_ORDER WHERE ORDERNUMBER LIKE 'T-%'"));
            s.executeUpdate("UPDATE OSUSR_Q9Z_ORDER SET NOTES = 'changed' WHERE ORDERNUMBER = 'T-1'");
            assertThat(rows(dst, "OSSYS_BPM_EVENT_QUEUE")).isEqualTo(2 * onInsert + onUpdate);
            assertThat(Sql.count(dst, "SELECT COUNT(*) FROM OSSYS_BPM_EVENT_QUEUE WHERE ACTIVITY_ID IS NOT NULL")).isEqualTo(onUpdate);
            s.executeUpdate("DELETE FROM OSUSR_Q9Z_ORDER WHERE ORDERNUMBER LIKE 'T-%'");
            assertThat(rows(dst, "OSSYS_BPM_EVENT_QUEUE")).isEqualTo(2 * onInsert + onUpdate);
            // Light BPT: the welcome of users of tenant Users only, into OSSYS_BPM_EVENT
            String acme = Sql.string(dst, "SELECT ID FROM OSSYS_TENANT WHERE NAME = 'Acme'");
            String users = Sql.string(dst, "SELECT ID FROM OSSYS_TENANT WHERE NAME = 'Users'");
            s.executeUpdate("INSERT INTO OSSYS_USER (TENANT_ID, USERNAME) VALUES (" + acme + ", 'a@example.org')");
            assertThat(rows(dst, "OSSYS_BPM_EVENT")).isZero();
            s.executeUpdate("INSERT INTO OSSYS_USER (TENANT_ID, USERNAME) VALUES (" + users + ", 'u@example.org')");
            assertThat(Sql.strings(dst, "SELECT ENTITY_RECORD_ID FROM OSSYS_BPM_EVENT")).containsExactly(
                    Sql.string(dst, "SELECT CAST(ID AS VARCHAR(20)) FROM OSSYS_USER WHERE USERNAME = 'u@example.org'"));
            assertThat(rows(dst, "OSSYS_BPM_EVENT_QUEUE")).isEqualTo(2 * onInsert + onUpdate);
        }
    }

    @Test
    void postgresAndH2HoldTheSameApplicationData() throws SQLException {
        SampleOptions o = SampleOptions.of(N).withUnmatchedStaticRecord(true).withDanglingIgnoreReferences(true);
        Connection pg = source(o);
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:sample_cross;MODE=MSSQLServer")) {
            SampleEnvironments.createSource(h2, o);
            List<String> tables = applicationTables(pg);
            assertThat(tables).hasSize(14).isEqualTo(applicationTables(h2));
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
