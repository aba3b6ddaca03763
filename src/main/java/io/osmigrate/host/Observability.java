package io.osmigrate.host;

import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;

import io.micrometer.core.instrument.MeterRegistry;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.config.HostSettings;

/**
 * The host's management server, on camel-main's own ({@code camel.management.*}, Vert.x): {@code /observe/health}
 * with Camel's checks and osmigrate's ({@link HostHealthChecks}), {@code /observe/metrics} in Prometheus format with
 * Camel's meters and osmigrate's ({@link MicrometerMeters}), and the status page ({@link StatusEndpoints}). Off when
 * {@code osmigrate.management.enabled} is false; JMX is on either way.
 */
final class Observability {

    private Observability() {
    }

    /** Before Camel configures itself: the management server, metrics and health as the settings say. */
    static void configure(BaseMainSupport main, HostSettings settings) {
        main.configure().withJmxEnabled(true);
        settings.management().ifPresent(listen -> {
            main.configure().httpManagementServer().withEnabled(true).withHost(listen.host()).withPort(listen.port())
                    .withHealthCheckEnabled(true).withMetricsEnabled(true);
            main.configure().metrics().withEnabled(true);
            // every check with its state and message, ours among them
            main.configure().health().withEnabled(true).withExposureLevel("full");
        });
    }

    /**
     * Once the context has started, before the host may become active and run anything: the runtime's runs count into
     * the metrics registry, our checks join Camel's, the status page is served.
     */
    static void started(CamelContext camel, OsmRuntime runtime, BooleanSupplier active) {
        ManagementHttpServer server = camel.hasService(ManagementHttpServer.class);
        if (server == null) {
            return;
        }
        MeterRegistry registry = camel.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            throw new IllegalStateException("the management server has no metrics registry (camel-micrometer-prometheus)");
        }
        runtime.meters(new MicrometerMeters(registry));
        HealthCheckRegistry health = HealthCheckRegistry.get(camel);
        HostHealthChecks.of(runtime, active).forEach(health::register);
        new StatusEndpoints(runtime, active).mount(server.getRouter());
    }
}
