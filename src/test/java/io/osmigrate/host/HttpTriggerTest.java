package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.osmigrate.testsupport.LogCapture;

/**
 * The host's HTTP job trigger, driven over real HTTP: a posted job (YAML or JSON) is answered 202 with its id, runs
 * like a job file, and its state and result can be read back; without the token, or with another, a request gets
 * 401 and nothing is queued; a job a job file could not be is refused with 400 naming the key; without a token
 * configured nothing listens. The token never reaches a log or an answer.
 */
class HttpTriggerTest {

    private static final String TOKEN = "0123456789abcdef-a-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final List<HostMain> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    @AfterEach
    void stopHosts() throws Exception {
        for (HostMain host : started) {
            host.stop();
        }
    }

    private HostFixture withTrigger() throws Exception {
        port = HostFixture.freePort();
        // the token comes from the environment; a variable that is not set gives the placeholder's default
        return new HostFixture(tmp, 300).with("osmigrate.http.port = " + port)
                .with("osmigrate.http.token = {{env:OSM_TEST_SURELY_UNSET_TOKEN:" + TOKEN + "}}");
    }

    private HostMain start(HostFixture f) throws Exception {
        HostMain host = new HostMain(f.config);
        started.add(host);
        host.start();
        return host;
    }

    @Test
    void aPostedJobIsQueuedRunAndItsResultReadBack() throws Exception {
        HostFixture f = withTrigger();
        start(f);

        HttpResponse<String> posted = send(post("spec: " + f.spec.toAbsolutePath() + "\ncommand: run\n", "application/yaml", TOKEN));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String id = JSON.readTree(posted.body()).path("jobId").asText();
        assertThat(id).matches(HttpTrigger.JOB_ID);
        assertThat(posted.headers().firstValue("Location")).hasValue("/jobs/" + id);
        assertThat(posted.headers().firstValue("Authorization")).as("the request's headers are not echoed").isEmpty();

        JsonNode done = awaitFinished(id);
        assertThat(done.path("state").asText()).isEqualTo("done");
        JsonNode result = done.path("result");
        assertThat(result.path("command").asText()).isEqualTo("run");
        assertThat(result.path("exitCode").asInt(-1)).isIn(0, 1);
        assertThat(result.path("runId").asText()).isNotBlank();
        assertThat(result.path("details").path("totals").path("inserted").asLong()).isPositive();
        // it ran as a job file of the inbox does: the file and its result are in .done/
        assertThat(HostFixture.list(f.inbox.resolve(OsmHost.DONE), p -> p.toString().endsWith("-" + id + ".yaml"))).hasSize(1);
    }

    @Test
    void aJobPostedAsJsonIsCheckedAndRunTheSameWay() throws Exception {
        HostFixture f = withTrigger();
        start(f);

        HttpResponse<String> posted = send(post("{\"spec\": \"" + f.spec.toAbsolutePath() + "\", \"command\": \"plan\"}",
                "application/json", TOKEN));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        JsonNode done = awaitFinished(JSON.readTree(posted.body()).path("jobId").asText());
        assertThat(done.path("state").asText()).isEqualTo("done");
        assertThat(done.path("result").path("message").asText()).startsWith("plan is runnable");
    }

    @Test
    void withoutTheTokenOrWithAnotherARequestGets401AndNothingIsQueued() throws Exception {
        HostFixture f = withTrigger();
        start(f);
        String job = "spec: " + f.spec.toAbsolutePath() + "\ncommand: run\n";
        try (LogCapture log = new LogCapture()) {
            for (String token : new String[] {null, "", "wrong-token-0123456789", TOKEN + "x", TOKEN.substring(1)}) {
                HttpResponse<String> answer = send(post(job, "application/yaml", token));
                assertThat(answer.statusCode()).as("token %s", token).isEqualTo(401);
                assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
                assertThat(answer.body()).contains("a valid token is needed").doesNotContain(TOKEN);
            }
            HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/jobs/http-20260101-000000-1a2b3c4d"))
                    .header("Authorization", "Bearer nope-nope-nope-nope").GET().build());
            assertThat(get.statusCode()).isEqualTo(401);
            assertThat(log.text()).contains("refused").doesNotContain(TOKEN);
        }
        assertThat(HostFixture.list(f.inbox, Files::isRegularFile)).as("nothing queued").isEmpty();
        assertThat(f.dataDir.resolve("runs")).as("nothing ran").doesNotExist();
    }

    @Test
    void aJobThatIsNoJobOrNamesASpecOutsideTheSpecFoldersIsRefusedWith400NamingTheKey() throws Exception {
        HostFixture f = withTrigger();
        Path outside = Files.writeString(tmp.resolve("secret.yaml"), "password: hunter2-very-secret\n");
        start(f);
        String spec = f.spec.toAbsolutePath().toString();

        assertThat(refusal(post("spec: " + spec + "\ncommand: run\nspeed: fast\n", "application/yaml", TOKEN)))
                .contains("line 3: unknown key 'speed'");
        assertThat(refusal(post("{\"spec\": \"" + spec + "\", \"command\": \"migrate\"}", "application/json", TOKEN)))
                .contains("command is not one of the allowed words").doesNotContain("migrate");
        assertThat(refusal(post("{\"spec\": \"" + spec + "\", \"command\": \"run\", \"phases\": []}", "application/json", TOKEN)))
                .contains("phases is empty");
        assertThat(refusal(post("{\"spec\": ", "application/json", TOKEN))).contains("not valid JSON");
        assertThat(refusal(post("spec: " + outside + "\ncommand: plan\n", "application/yaml", TOKEN)))
                .contains("is outside the spec folders").doesNotContain("hunter2");
        assertThat(refusal(post("", "application/yaml", TOKEN))).contains("the job file is empty");

        HttpResponse<String> large = send(post("spec: " + spec + "\ncommand: plan\n#" + "x".repeat(70_000) + "\n",
                "application/yaml", TOKEN));
        assertThat(large.statusCode()).isEqualTo(413);

        HttpResponse<String> unknown = send(get("/jobs/http-20260101-000000-1a2b3c4d"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(send(get("/jobs/..%2F..%2Fetc")).statusCode()).isEqualTo(404);
        assertThat(HostFixture.list(f.inbox, Files::isRegularFile)).as("nothing queued").isEmpty();
    }

    @Test
    void withoutATokenConfiguredNothingListens() throws Exception {
        port = HostFixture.freePort();
        HostFixture f = new HostFixture(tmp, 300).with("osmigrate.http.port = " + port);
        start(f);
        f.drop("plan.yaml", f.job("plan"));
        f.awaitResult("plan.yaml"); // the host is up and taking jobs

        assertThatThrownBy(() -> send(get("/jobs/http-20260101-000000-1a2b3c4d"))).isInstanceOf(ConnectException.class);
    }

    private String refusal(HttpRequest request) throws Exception {
        HttpResponse<String> answer = send(request);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        return JSON.readTree(answer.body()).path("error").asText();
    }

    private JsonNode awaitFinished(String id) {
        return HostFixture.await("job " + id + " to finish", () -> {
            try {
                HttpResponse<String> answer = send(get("/jobs/" + id));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                JsonNode state = JSON.readTree(answer.body());
                assertThat(state.path("jobId").asText()).isEqualTo(id);
                assertThat(state.path("state").asText()).isIn("queued", "running", "done", "failed");
                return state.has("result") ? Optional.of(state) : Optional.empty();
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    private HttpRequest post(String body, String type, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/jobs")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
