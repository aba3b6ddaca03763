package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.testsupport.LogCapture;

/**
 * Tracing in the route host: camel-main configures Camel's tracing after the host's runtime is made, and the tracer
 * the configuration asks for still follows the runs the host starts, the named table only.
 */
class HostTracingTest {

    @TempDir
    Path tmp;

    @Test
    void aHostedRunIsTracedAsConfigured() throws Exception {
        HostFixture f = new HostFixture(tmp, 300).with("osmigrate.trace.entities = OrdersCore.Order");
        HostMain host = new HostMain(f.config);
        try (LogCapture tracing = new LogCapture("org.apache.camel.Tracing")) {
            host.start();
            f.drop("run.yaml", f.job("run"));
            HostFixture.Result r = f.awaitResult("run.yaml");
            assertThat(r.folder()).isEqualTo(OsmHost.DONE);
            assertThat(tracing.text()).containsPattern("--> data-[0-9]+-OrdersCore-Order-write ")
                    .doesNotContain("OrdersCore-OrderLine-");
        } finally {
            host.stop();
        }
    }
}
