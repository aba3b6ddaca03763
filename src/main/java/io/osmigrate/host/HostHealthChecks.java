package io.osmigrate.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.config.EnvironmentSettings;
import io.osmigrate.env.Environment;

/**
 * osmigrate's own readiness checks, shown by {@code /observe/health} beside Camel's (group {@code osmigrate}):
 * the state store answers, each configured environment answers, the inbox takes a file. A check that fails says
 * why in its message, never with a credential (environment failures name the environment and the driver's cause;
 * URLs lose their passwords). A standby host does not open the state store (the active host holds it), so there
 * the check is up and says so.
 */
final class HostHealthChecks {

    static final String GROUP = "osmigrate";
    private static final int VALID_SECONDS = 5;

    private HostHealthChecks() {
    }

    /** The checks for this runtime: the state store, one per configured environment, the inbox. */
    static List<HealthCheck> of(OsmRuntime runtime, BooleanSupplier active) {
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(new Check("state-store", details -> {
            if (!active.getAsBoolean() && !runtime.stateOpen()) {
                details.put("standby", "the active host holds the state store; this host opens it when it takes over");
                return true;
            }
            try (Connection c = runtime.state().dataSource().getConnection()) {
                return c.isValid(VALID_SECONDS);
            }
        }));
        for (EnvironmentSettings environment : runtime.settings().environments().values()) {
            checks.add(new Check("environment-" + environment.name(), details -> {
                Environment.probe(environment, VALID_SECONDS);
                return true;
            }));
        }
        Path inbox = runtime.settings().inbox();
        checks.add(new Check("inbox", details -> {
            details.put("inbox", inbox.toString());
            // a dot-name: the inbox never takes it for a job
            Path probe = Files.createTempFile(inbox, ".health-", ".probe");
            Files.delete(probe);
            return true;
        }));
        return checks;
    }

    /** What one check does: true when up; an exception is down, with its message. */
    @FunctionalInterface
    interface Probe {
        boolean up(Map<String, Object> details) throws Exception;
    }

    /** A readiness check (a process that cannot reach a database is alive, but should not be given work). */
    private static final class Check extends AbstractHealthCheck {

        private final Probe probe;

        Check(String id, Probe probe) {
            super(GROUP, id);
            this.probe = probe;
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            Map<String, Object> details = new LinkedHashMap<>();
            try {
                if (probe.up(details)) {
                    builder.up();
                } else {
                    builder.message("no valid connection within " + VALID_SECONDS + " s").down();
                }
            } catch (Exception e) {
                builder.message(e.getClass().getSimpleName() + ": " + e.getMessage()).down();
            }
            details.forEach(builder::detail);
        }
    }
}
