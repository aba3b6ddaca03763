package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.Test;

import io.osmigrate.app.JobFailedException;
import io.osmigrate.app.RouteErrors;
import io.osmigrate.pipeline.RetryPolicy;

/**
 * The operator's YAML route (routes/10-job-inbox.camel.yaml) under camel-main with the one Java route
 * configuration: a job that succeeds moves to .done/ named by its job id, one that fails (JobFailedException,
 * left unhandled by the configuration) moves to .failed/, and the inbox goes on. The host's job runner is a
 * fake: this is about the route and its error handling.
 */
class JobInboxRouteTest extends CamelMainTestSupport {

    /** Static: the test support reads the properties while the instance is being made. */
    private static final Path INBOX = createInbox();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    private static Path createInbox() {
        try {
            return Files.createTempDirectory("osm-inbox");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stands in for OsmHost: the bean the route calls by name. */
    public final class FakeHost {
        public void runJobFile(Exchange exchange) {
            String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
            exchange.getIn().setHeader(HostHeaders.JOB_ID, "job-" + ran.size());
            ran.add(name);
            if (name.startsWith("bad")) {
                throw new JobFailedException("job " + name + " failed: its spec is broken");
            }
        }
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("file:routes/10-job-inbox.camel.yaml");
        configuration.addRoutesBuilder(new RouteErrors(new RetryPolicy(0, Duration.ZERO, 1)));
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("osmigrate.inbox", INBOX.toString());
        return p;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("osmHost", new FakeHost());
        registry.bind("osmInboxPoll", new DefaultPollingConsumerPollStrategy());
    }

    /** The route takes jobs on the active host only (master:); one host here, so it is the active one at once. */
    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext camel = super.createCamelContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(INBOX.resolve(".cluster").toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        camel.addService(cluster);
        return camel;
    }

    @Test
    void aJobThatSucceedsGoesToDoneAndOneThatFailsToFailedAndTheInboxGoesOn() throws Exception {
        NotifyBuilder three = new NotifyBuilder(context).fromRoute("job-inbox").whenDone(3).create();
        Files.writeString(INBOX.resolve("bad.yaml"), "spec: x\n");
        Files.writeString(INBOX.resolve("good.yaml"), "spec: x\n");
        Files.writeString(INBOX.resolve("later.yaml"), "spec: x\n");

        assertThat(three.matches(30, TimeUnit.SECONDS)).as("three jobs taken; ran %s", ran).isTrue();
        Path done = INBOX.resolve(".done");
        Path failed = INBOX.resolve(".failed");
        awaitFiles(done, 2);
        awaitFiles(failed, 1);
        assertThat(ran).containsExactlyInAnyOrder("bad.yaml", "good.yaml", "later.yaml");
        try (var files = Files.list(failed)) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().endsWith("-bad.yaml");
        }
        try (var files = Files.list(done)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .allSatisfy(n -> assertThat(n).startsWith("job-")).hasSize(2);
        }
        try (var left = Files.list(INBOX)) {
            assertThat(left.filter(p -> !Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")))
                    .as("nothing left in the inbox").isEmpty();
        }
    }

    private static void awaitFiles(Path folder, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(folder)) {
                try (var files = Files.list(folder)) {
                    if (files.count() >= count) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(count + " files expected in " + folder);
    }
}
