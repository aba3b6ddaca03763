package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The host's management server over real HTTP: {@code /observe/health} lists osmigrate's own checks beside Camel's
 * and says which is down and why, without the password; {@code /observe/metrics} has osmigrate's meters, whose row
 * counts are the run's own figures; the routes are JMX beans; {@code osmigrate.management.enabled = false} leaves
 * nothing listening.
 */
class ManagementServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

    @TempDir
    Path tmp;

    private HostMain host;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws Exception {
        if (host != null) {
            host.stop();
        }
    }

    @Test
    void metricsCountWhatTheRunReportsAndHealthListsOurChecks() throws Exception {
        HostFixture f = new HostFixture(tmp, 300);
        host = new HostMain(f.config);
        host.start();
        HostFixture.await("the host to become active", () -> java.util.Optional.of(host.isActive()).filter(a -> a));

        f.drop("run.yaml", f.job("run"));
        HostFixture.Result r = f.awaitResult("run.yaml");
        assertThat(r.exitCode()).as(r.message()).isIn(0, 1);

        String metrics = get(f, "/observe/metrics").body();
        Map<String, Double> rows = samples(metrics, "osmigrate_rows_total");
        int compared = 0;
        for (JsonNode e : r.json().path("details").path("entities")) {
            if (!e.path("phase").asText().equals("data")) {
                continue;
            }
            String labels = "entity=" + e.path("entity").asText() + ",kind=%s,phase=data";
            assertThat(rows.get(labels.formatted("read"))).as(e.toString()).isEqualTo(e.path("read").asDouble());
            assertThat(rows.get(labels.formatted("inserted"))).as(e.toString()).isEqualTo(e.path("inserted").asDouble());
            assertThat(rows.getOrDefault(labels.formatted("dead_lettered"), 0.0)).as(e.toString())
                    .isEqualTo(e.path("deadLettered").asDouble());
            compared++;
        }
        assertThat(compared).as("data-phase entities compared").isPositive();
        String outcome = r.exitCode() == 0 ? "SUCCEEDED" : "DEAD_LETTERS";
        assertThat(samples(metrics, "osmigrate_run_seconds_count")).containsEntry("outcome=" + outcome, 1.0);
        assertThat(samples(metrics, "osmigrate_batch_write_seconds_count").values().stream().mapToDouble(d -> d).sum())
                .as("batches written").isPositive();
        Map<String, Double> cache = samples(metrics, "osmigrate_keymap_cache_total");
        assertThat(cache).containsKeys("result=hit", "result=miss");
        assertThat(cache.get("result=hit") + cache.get("result=miss")).as("key-map lookups of referenced tables").isPositive();
        assertThat(metrics).as("Camel's own meters are there too").contains("camel_exchanges_total");

        HttpResponse<String> health = get(f, "/observe/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        Map<String, String> checks = checks(health.body());
        assertThat(checks).containsEntry("state-store", "UP").containsEntry("environment-" + HostFixture.SOURCE, "UP")
                .containsEntry("environment-" + HostFixture.DESTINATION, "UP").containsEntry("inbox", "UP");
        assertThat(checks.keySet()).as("Camel's checks beside ours").anyMatch(id -> id.startsWith("route") || id.equals("context"));

        // JMX: the host's routes are managed beans
        assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(
                new ObjectName("org.apache.camel:context=*,type=routes,name=\"job-inbox\""), null)).isNotEmpty();
    }

    @Test
    void anEnvironmentThatCannotBeReachedIsDownByNameWithoutItsPassword() throws Exception {
        HostFixture f = new HostFixture(tmp, 300)
                .with("osmigrate.env.gone.url = jdbc:h2:file:" + tmp.resolve("gone").toAbsolutePath() + ";IFEXISTS=TRUE")
                .with("osmigrate.env.gone.username = sa")
                .with("osmigrate.env.gone.password = {{env:OSM_TEST_SURELY_UNSET_PASSWORD:a-secret-password}}")
                .with("osmigrate.env.gone.connect-timeout-seconds = 1");
        host = new HostMain(f.config);
        host.start();

        HttpResponse<String> health = get(f, "/observe/health");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(checks(health.body())).containsEntry("environment-gone", "DOWN")
                .containsEntry("environment-" + HostFixture.SOURCE, "UP");
        assertThat(health.body()).contains("gone").doesNotContain("a-secret-password");
    }

    @Test
    void switchedOffNothingListens() throws Exception {
        HostFixture f = new HostFixture(tmp, 300).with("osmigrate.management.enabled = false");
        host = new HostMain(f.config);
        host.start();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(f, "/observe/health")).isInstanceOf(ConnectException.class);
    }

    private HttpResponse<String> get(HostFixture f, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.managementPort + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The samples of one metric, by their labels sorted and joined as key=value,… */
    private static Map<String, Double> samples(String metrics, String name) {
        Map<String, Double> found = new HashMap<>();
        Matcher m = SAMPLE.matcher(metrics);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                Map<String, String> labels = new TreeMap<>();
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
                found.put(String.join(",", labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
                        Double.parseDouble(m.group(3)));
            }
        }
        return found;
    }

    /** Each check's id and state from Camel's health answer. */
    private static Map<String, String> checks(String body) throws Exception {
        Map<String, String> checks = new HashMap<>();
        for (JsonNode c : JSON.readTree(body).path("checks")) {
            checks.put(c.path("name").asText(), c.path("status").asText());
        }
        return checks;
    }
}
