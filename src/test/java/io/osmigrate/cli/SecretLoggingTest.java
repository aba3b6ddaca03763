package io.osmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * A password given as {@code {{env:NAME}}} never reaches the log, even with osmigrate's and Camel's loggers at
 * TRACE: a real run in a child JVM (the packaged log4j2.xml, levels set as a user would with -D) whose source,
 * destination and state store passwords, and the anonymisation's key, all come from one planted environment variable.
 */
class SecretLoggingTest {

    private static final String VARIABLE = "OSM_TEST_PLANTED_SECRET";
    private static final String SECRET = "Pl4nted-S3cret-7c1e";

    @TempDir
    Path dir;

    @Test
    void aRunWithEveryLoggerAtTraceNeverLogsAResolvedPassword() throws Exception {
        MigrationFixture fixture = MigrationFixture.h2(dir, SampleOptions.of(100));
        for (Connection c : List.of(fixture.writableSource(), fixture.writableDestination())) {
            try (c; Statement s = c.createStatement()) {
                s.execute("ALTER USER SA SET PASSWORD '" + SECRET + "'");
            }
        }
        // the sample's URLs carry the (empty) password themselves: the configuration must be what supplies it
        Files.writeString(fixture.config(), Files.readString(fixture.config()).replaceAll(";PASSWORD=[^;\n]*", ""));
        fixture.configure("osmigrate.env.src.password", "{{env:" + VARIABLE + "}}")
                .configure("osmigrate.env.dst.password", "{{env:" + VARIABLE + ":not-this-default}}")
                .configure("osmigrate.state.username", "osm")
                .configure("osmigrate.state.password", "{{env:" + VARIABLE + "}}")
                .configure("osmigrate.anonymize.key", "{{env:" + VARIABLE + "}}");
        fixture.spec(MigrationFixture.BASE_SPEC + "anonymize:\n  OrdersCore.Customer.Email: email\n");

        Path log = dir.resolve("child.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dosmigrate.log.level=TRACE", "-Dosmigrate.camel.log.level=TRACE",
                "-cp", System.getProperty("java.class.path"), OsMigrate.class.getName(),
                "--config", fixture.config().toString(), "run", fixture.specFile().toString()));
        ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        child.environment().put(VARIABLE, SECRET);
        Process process = child.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the run ended").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as("the run used the planted password (output in " + log + ")").isIn(0, 1);
        assertThat(output).as("Camel logged at TRACE").contains("TRACE");
        assertThat(output).as("Camel logged at DEBUG").contains("DEBUG");
        assertThat(output.lines().filter(line -> line.contains(SECRET)).toList()).as("lines with the password").isEmpty();
    }
}
