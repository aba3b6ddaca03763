package io.osmigrate.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.config.EnvironmentSettings;

/**
 * An embedded H2 destination lives in osmigrate's process: a commit it acknowledged must survive a kill -9
 * of that process, or the key map would hold pairs of rows that are gone. A child JVM opens the destination
 * as osmigrate does and commits one row at a time, printing each; it is killed with SIGKILL right after a
 * commit, and every printed row must be in the file.
 */
class H2DestinationDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void everyCommitAcknowledgedBeforeAKillIsInTheFile() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("dst").toAbsolutePath() + ";MODE=MSSQLServer";
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), url)
                .redirectError(dir.resolve("child.log").toFile()).start();
        long last = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    last = Long.parseLong(line.substring(10));
                    if (last == 200) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(last).as("the child should have committed 200 rows").isEqualTo(200);
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM T")) {
            rs.next();
            assertThat(rs.getLong(1)).as("rows whose commit was acknowledged before the kill").isGreaterThanOrEqualTo(200);
        }
    }

    /** The child: opens the URL as a destination environment and commits a row at a time, forever. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            Environment env = Environment.open(new EnvironmentSettings("dst", args[0], "sa", "", 2, Duration.ofSeconds(10)),
                    Side.DESTINATION);
            try (Connection c = env.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE T (ID BIGINT PRIMARY KEY, V VARCHAR(100))");
                c.setAutoCommit(false);
                for (long i = 1; ; i++) {
                    s.executeUpdate("INSERT INTO T VALUES (" + i + ", '" + "x".repeat(50) + "')");
                    c.commit();
                    System.out.println("COMMITTED " + i);
                    System.out.flush();
                }
            }
        }
    }

}
