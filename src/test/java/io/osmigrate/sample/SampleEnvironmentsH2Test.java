package io.osmigrate.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The generator's checks on in-memory H2 databases in MSSQLServer mode. */
class SampleEnvironmentsH2Test extends SampleEnvironmentChecks {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final List<String> urls = new ArrayList<>();

    @Override
    Connection openEmpty(String purpose) throws SQLException {
        String url = "jdbc:h2:mem:sample_" + purpose + "_" + COUNTER.incrementAndGet() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        urls.add(url);
        return DriverManager.getConnection(url);
    }

    @Override
    void dropDatabases() throws SQLException {
        // DB_CLOSE_DELAY=-1 keeps a database until the JVM ends: shut each down to free its memory now
        for (String url : urls) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }
}
