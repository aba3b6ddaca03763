package io.osmigrate.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/**
 * SQL Server's database identity and first-connection classification, at statement level: no SQL Server can run on
 * the development machines.
 */
class SqlServerIdentityTest {

    private final SqlServerDialect dialect = new SqlServerDialect();

    @Test
    void theServerIsAskedForItsOwnNameAndTheDatabaseForItsName() {
        assertThat(SqlServerDialect.IDENTITY).isEqualTo(
                "SELECT CAST(SERVERPROPERTY('ServerName') AS NVARCHAR(256)), @@SERVERNAME, DB_NAME()");
    }

    @Test
    void namesCompareCaseInsensitivelyAsSqlServerResolvesThem() throws SQLException {
        DatabaseIdentity prod = SqlServerDialect.identity("PRODDB01\\OUTSYSTEMS", "PRODDB01\\OUTSYSTEMS", "OutSystems");

        assertThat(prod.sameDatabaseAs(SqlServerDialect.identity("proddb01\\outsystems", "proddb01\\outsystems", "outsystems")))
                .isTrue();
        assertThat(prod.sameDatabaseAs(SqlServerDialect.identity("PRODDB01\\OUTSYSTEMS", "PRODDB01\\OUTSYSTEMS", "OutSystemsQA")))
                .as("another database of the same server").isFalse();
        assertThat(prod.sameDatabaseAs(SqlServerDialect.identity("QADB01\\OUTSYSTEMS", "QADB01\\OUTSYSTEMS", "OutSystems")))
                .as("the same database name on another server").isFalse();
        assertThat(prod.description()).isEqualTo("SQL Server database 'OutSystems' on server PRODDB01\\OUTSYSTEMS");
    }

    /** A machine cloned without renaming SQL Server keeps the old @@SERVERNAME; the server property follows the machine. */
    @Test
    void theServerPropertyWinsOverAStaleServerName() throws SQLException {
        DatabaseIdentity prod = SqlServerDialect.identity("PRODDB01", "PRODDB01", "OutSystems");
        DatabaseIdentity clone = SqlServerDialect.identity("QADB01", "PRODDB01", "OutSystems");

        assertThat(prod.sameDatabaseAs(clone)).isFalse();
        assertThat(SqlServerDialect.identity(null, "PRODDB01", "OutSystems").sameDatabaseAs(prod)).isTrue();
        assertThatThrownBy(() -> SqlServerDialect.identity(null, null, "OutSystems")).isInstanceOf(SQLException.class)
                .hasMessageContaining("did not tell its name");
    }

    @Test
    void onlyAzureTransientErrorsAreWaitedForAtConnect() {
        assertThat(dialect.isTransientConnectFailure(new SQLException("Database is not currently available", "S0001", 40613)))
                .isTrue();
        assertThat(dialect.isTransientConnectFailure(new SQLException("The service is currently busy", "S0001", 40501))).isTrue();
        assertThat(dialect.isTransientConnectFailure(new SQLException("Login failed for user 'osm'", "S0001", 18456))).isFalse();
        assertThat(dialect.isTransientConnectFailure(new SQLException("Cannot open database", "S0001", 4060))).isFalse();
        assertThat(dialect.isTransientConnectFailure(new SQLException("The TCP/IP connection to the host failed", "08S01", 0)))
                .isFalse();
    }
}
