package io.osmigrate.host;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.osmigrate.sample.SampleEnvironments;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.state.StateStore;

/**
 * One host's world in a temporary folder: a configuration file, an inbox, a data folder, a state
 * store and two H2 file environments (copied from a template built once per JVM), plus the demo
 * spec pointing at them in the host's one spec folder ({@link #specs}). Helpers drop job files the safe way (temporary name, then rename) and poll
 * for result files.
 */
final class HostFixture {

    static final String SOURCE = "test-source";
    static final String DESTINATION = "test-destination";
    static final Duration WAIT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<SampleOptions, Path> TEMPLATES = new LinkedHashMap<>();

    final Path root;
    final Path inbox;
    final Path dataDir;
    final Path config;
    final Path specs;
    final Path spec;
    final Path environments;
    /** The management server's port: a free one per host, so hosts of parallel tests never meet. */
    final int managementPort;
    private final List<String> extra = new ArrayList<>();

    HostFixture(Path root, long rows) throws Exception {
        this(root, SampleOptions.of(rows));
    }

    HostFixture(Path root, SampleOptions options) throws Exception {
        this.root = root;
        this.inbox = root.resolve("inbox");
        this.dataDir = root.resolve("data");
        this.environments = root.resolve("environments");
        this.config = root.resolve("application.properties");
        this.specs = root.resolve("migrations");
        this.spec = specs.resolve("demo.yaml");
        this.managementPort = freePort();
        Files.createDirectories(environments);
        Files.createDirectories(specs);
        Path template = template(options);
        for (String name : List.of("source", "destination")) {
            Files.copy(template.resolve(name + ".mv.db"), environments.resolve(name + ".mv.db"));
        }
        Files.writeString(spec, Files.readString(Path.of("config/migrations/demo.yaml"))
                .replace("demo-source", SOURCE).replace("demo-destination", DESTINATION));
        writeConfig();
    }

    /** The two sample environments made with the given options, built once per JVM and copied for each host. */
    private static synchronized Path template(SampleOptions options) throws SQLException, IOException {
        Path dir = TEMPLATES.get(options);
        if (dir == null) {
            dir = Files.createTempDirectory("osm-host-envs-" + options.rows() + "-");
            Path built = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(built)));
            SampleEnvironments.createH2Files(dir, options, true);
            TEMPLATES.put(options, dir);
        }
        return dir;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder: the system cleans it up eventually
        }
    }

    /** Adds configuration lines (schedules, settings) and rewrites the file. */
    HostFixture with(String line) throws IOException {
        extra.add(line);
        writeConfig();
        return this;
    }

    private void writeConfig() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "camel.main.routes-include-pattern = file:routes/*.camel.yaml",
                "camel.main.shutdown-timeout = 20",
                "osmigrate.inbox = " + inbox.toAbsolutePath(),
                "osmigrate.data-dir = " + dataDir.toAbsolutePath(),
                "osmigrate.spec-folders = " + specs.toAbsolutePath(),
                "osmigrate.env." + SOURCE + ".url = " + h2(environments.resolve("source")),
                "osmigrate.env." + SOURCE + ".username = sa",
                "osmigrate.env." + DESTINATION + ".url = " + h2(environments.resolve("destination")),
                "osmigrate.env." + DESTINATION + ".username = sa",
                "osmigrate.management.port = " + managementPort));
        lines.addAll(extra);
        Files.write(config, lines);
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String h2(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";MODE=MSSQLServer";
    }

    /** Drops a job file into the inbox: written under a hidden name the inbox ignores, then renamed. */
    Path drop(String name, String yaml) throws IOException {
        Files.createDirectories(inbox);
        Path hidden = inbox.resolve("." + name + ".writing");
        Files.writeString(hidden, yaml);
        return Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Something made at a hidden name the inbox ignores, then renamed into the inbox: a folder, a link, a FIFO. */
    Path dropEntry(String name, EntryMaker maker) throws Exception {
        Files.createDirectories(inbox);
        Path hidden = inbox.resolve("." + name + ".making");
        maker.make(hidden);
        return Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Makes an inbox entry at the given path. */
    interface EntryMaker {
        void make(Path at) throws Exception;
    }

    /** Makes a FIFO (a named pipe): opening it for reading blocks until something writes to it. */
    static Path mkfifo(Path at) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", at.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            fail("mkfifo " + at + " failed");
        }
        return at;
    }

    /** Every file's text under the folder (results, moved job files), for checking what reached them. */
    static String allText(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                // decoded leniently: the host's lock data in the inbox's .cluster folder is binary
                text.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }

    /** A job file's YAML for the fixture's spec. */
    String job(String command, String... more) {
        StringBuilder yaml = new StringBuilder("spec: " + spec.toAbsolutePath() + "\ncommand: " + command + "\n");
        for (String line : more) {
            yaml.append(line).append('\n');
        }
        return yaml.toString();
    }

    /** Waits for the result file of the named job in .done/ or .failed/. */
    Result awaitResult(String jobName) {
        return await("a result file for " + jobName, () -> find(jobName));
    }

    Optional<Result> find(String jobName) {
        for (String folder : List.of(OsmHost.DONE, OsmHost.FAILED)) {
            List<Path> results = list(inbox.resolve(folder), p -> p.getFileName().toString().endsWith("-" + jobName + ".result.json"));
            if (!results.isEmpty()) {
                Path file = results.get(0);
                Path job = file.resolveSibling(file.getFileName().toString().replace(".result.json", ""));
                if (Files.exists(job, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of(new Result(folder, file, read(file)));
                }
            }
        }
        return Optional.empty();
    }

    /** Every result file (in .done/ and .failed/) of the named job. */
    List<Path> results(String jobName) {
        List<Path> all = new ArrayList<>();
        for (String folder : List.of(OsmHost.DONE, OsmHost.FAILED)) {
            all.addAll(list(inbox.resolve(folder), p -> p.getFileName().toString().endsWith("-" + jobName + ".result.json")));
        }
        return all;
    }

    static List<Path> list(Path dir, Predicate<Path> filter) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T await(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("waited " + WAIT.toSeconds() + " s for " + what);
    }

    /** Rows in the destination's application tables (OSUSR_*). */
    /** Key-map batches left PREPARED in the host's embedded state store (open it only while no host runs). */
    long preparedBatches() throws SQLException {
        try (StateStore state = StateStore.open("jdbc:sqlite:" + dataDir.resolve("state/osmigrate.db").toAbsolutePath(), "", "", 1000);
             Connection c = state.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM OSM_KEY_BATCH WHERE STATE = 'PREPARED'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@link #destinationRows()} for a probe that cannot throw. */
    long destinationRowsNow() {
        try {
            return destinationRows();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of the destination's tables a run inserts into: application tables and BPT instance tables. */
    long destinationRows() throws SQLException {
        long total = 0;
        try (Connection c = DriverManager.getConnection(h2(environments.resolve("destination")) + ";USER=sa;PASSWORD=");
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = SCHEMA() AND (TABLE_NAME LIKE 'OSUSR%' OR TABLE_NAME IN ('OSSYS_BPM_PROCESS',"
                    + " 'OSSYS_BPM_ACTIVITY', 'OSSYS_BPM_PROCESS_INPUT', 'OSSYS_BPM_PROCESS_OUTPUT', 'OSSYS_BPM_ACTIVITY_OUTPUT'))")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
        }
        return total;
    }

    /** A job's result: the folder it landed in and the parsed result file. */
    record Result(String folder, Path file, JsonNode json) {

        String status() {
            return json.path("status").asText();
        }

        int exitCode() {
            return json.path("exitCode").asInt();
        }

        String message() {
            return json.path("message").asText();
        }
    }
}
