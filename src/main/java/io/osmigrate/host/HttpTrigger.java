package io.osmigrate.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import io.osmigrate.config.ConfigException;

/**
 * The HTTP job trigger ({@code osmHttpTrigger}): {@code POST /jobs} takes a job (the job file's YAML, or the same
 * as JSON), checks it as a job file is checked and its spec as any job's (only inside the spec folders), and drops
 * it in the inbox as a job file; {@code GET /jobs/<id>} says where it is: queued, running, done or failed, with its result.
 * Going through the inbox, a posted job runs like any other, one at a time through the host's one
 * {@link JobRunner}, on whichever host of a pair is active. Every request must carry the configured token
 * ({@code Authorization: Bearer <token>}); one without it, or with another, gets 401 and changes nothing. Answers
 * never quote what a request or a file holds beyond the key and line. Thread-safe.
 */
public final class HttpTrigger {

    /** Job ids of posted jobs: their job file is {@code <id>.yaml} in the inbox. */
    static final Pattern JOB_ID = Pattern.compile("http-\\d{8}-\\d{6}-[0-9a-f]{8}");

    private static final Logger LOG = LoggerFactory.getLogger(HttpTrigger.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
    private static final String SHAPE = "post the job as YAML (spec: <file>, command: plan|run, phases, fresh), or the same"
            + " as JSON with Content-Type: application/json";

    private final byte[] token;
    private final SpecFolders specs;
    private final Path inbox;
    private final SecureRandom random = new SecureRandom();

    HttpTrigger(String token, SpecFolders specs, Path inbox) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.specs = specs;
        this.inbox = inbox;
    }

    /** {@code POST /jobs}: 202 with the job id once its job file is in the inbox; 400, 401 or 413 and nothing written. */
    public void post(Exchange exchange) {
        if (!authorized(exchange)) {
            return;
        }
        String body = exchange.getMessage().getBody(String.class);
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > JobFiles.MAX_JOB_BYTES) {
            answer(exchange, 413, error("the job is larger than the limit of " + JobFiles.MAX_JOB_BYTES + " bytes; " + SHAPE));
            return;
        }
        String id = "http-" + STAMP.format(Instant.now()) + "-" + HexFormat.of().formatHex(randomBytes());
        String name = "posted job " + id;
        JobRequest job;
        try {
            job = json(exchange) ? JobFiles.parseJson(name, body) : JobFiles.parse(name, body);
            spec(name, job);
        } catch (ConfigException e) {
            LOG.warn("HTTP trigger: job refused: {}", e.getMessage());
            answer(exchange, 400, error(e.getMessage()));
            return;
        }
        write(id, job);
        LOG.info("HTTP trigger: job {} queued: {} {}", id, job.command(), job.spec());
        Map<String, Object> queued = new LinkedHashMap<>();
        queued.put("jobId", id);
        queued.put("state", "queued");
        queued.put("location", "/jobs/" + id);
        exchange.getMessage().setHeader("Location", "/jobs/" + id);
        answer(exchange, 202, queued);
    }

    /** The job's spec, read only from the spec folders, as the host reads it again when the job runs. */
    private void spec(String name, JobRequest job) {
        try {
            specs.load(job.spec());
        } catch (ConfigException e) {
            throw new ConfigException(name + ": " + e.getMessage());
        }
    }

    /** {@code GET /jobs/<id>}: where the job is, and its result once it has one; 404 for a job there is not. */
    public void get(Exchange exchange) {
        if (!authorized(exchange)) {
            return;
        }
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<Map<String, Object>> state = id != null && JOB_ID.matcher(id).matches() ? state(id) : Optional.empty();
        if (state.isEmpty()) {
            answer(exchange, 404, error("there is no job " + (id == null ? "" : id) + "; job ids are what POST /jobs answered,"
                    + " e.g. http-20260101-020000-1a2b3c4d"));
            return;
        }
        answer(exchange, 200, state.get());
    }

    /**
     * Where the job's file is: a result in .done/ or .failed/, or the file in .inprogress/ or the inbox. Looked at in
     * the order the file moves, and the results once more at the end, so a job moving meanwhile is still found.
     */
    private Optional<Map<String, Object>> state(String id) {
        String file = id + ".yaml";
        Optional<Map<String, Object>> finished = result(id, file);
        if (finished.isPresent()) {
            return finished;
        }
        if (Files.exists(inbox.resolve(OsmHost.IN_PROGRESS).resolve(file))) {
            return Optional.of(state(id, "running", null));
        }
        if (Files.exists(inbox.resolve(file))) {
            return Optional.of(state(id, "queued", null));
        }
        return result(id, file);
    }

    private Optional<Map<String, Object>> result(String id, String file) {
        for (String folder : List.of(OsmHost.DONE, OsmHost.FAILED)) {
            List<Path> results = results(inbox.resolve(folder), "-" + file + ".result.json");
            if (!results.isEmpty()) {
                JsonNode result;
                try {
                    result = JSON.readTree(results.get(0).toFile());
                } catch (IOException e) {
                    return Optional.of(state(id, "running", null)); // the result is being written; it is done in a moment
                }
                return Optional.of(state(id, folder.substring(1), result));
            }
        }
        return Optional.empty();
    }

    private static List<Path> results(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static Map<String, Object> state(String id, String state, JsonNode result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobId", id);
        m.put("state", state);
        if (result != null) {
            m.put("result", result);
        }
        return m;
    }

    /** The job as a job file, written under a name the inbox ignores and renamed: the host never reads half of it. */
    private void write(String id, JobRequest job) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("spec", job.spec());
        yaml.put("command", job.command());
        if (!job.phases().isEmpty()) {
            yaml.put("phases", job.phases());
        }
        if (job.fresh() != null) {
            yaml.put("fresh", job.fresh());
        }
        try {
            Files.createDirectories(inbox);
            Path partial = inbox.resolve("." + id + ".yaml.partial");
            YAML.writeValue(partial.toFile(), yaml);
            Files.move(partial, inbox.resolve(id + ".yaml"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the job file of " + id + " into the inbox " + inbox, e);
        }
    }

    /** A request without the token, or with another, is answered 401 and goes no further. */
    private boolean authorized(Exchange exchange) {
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        byte[] given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (given.length > 0 && MessageDigest.isEqual(given, token)) {
            return true;
        }
        LOG.warn("HTTP trigger: {} {} refused: {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                exchange.getMessage().getHeader(Exchange.HTTP_PATH), header == null ? "no token" : "not the configured token");
        exchange.getMessage().setHeader("WWW-Authenticate", "Bearer realm=\"osmigrate\"");
        answer(exchange, 401, error("a valid token is needed: send Authorization: Bearer <the token of osmigrate.http.token>"));
        return false;
    }

    private static boolean json(Exchange exchange) {
        String type = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        return type != null && type.toLowerCase(Locale.ROOT).contains("json");
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }

    /** The answer, with none of the request's headers echoed back (the token among them). */
    private static void answer(Exchange exchange, int status, Object body) {
        String location = exchange.getMessage().getHeader("Location", String.class);
        String authenticate = exchange.getMessage().getHeader("WWW-Authenticate", String.class);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (location != null && status == 202) {
            exchange.getMessage().setHeader("Location", location);
        }
        if (authenticate != null && status == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", authenticate);
        }
        try {
            exchange.getMessage().setBody(JSON.writeValueAsString(body) + "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
