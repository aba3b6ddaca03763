package io.osmigrate.host;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.quartz.CronExpression;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.config.ConfigException;
import io.osmigrate.config.Schedule;
import io.osmigrate.spec.SpecLoader;

/**
 * The long-lived route host: camel-main with the routes of {@code routes/*.camel.yaml} (job inbox,
 * error handling) and one Quartz route per schedule. Configuration is validated before any route
 * starts, with messages that name the key.
 */
public final class HostMain {

    private final Main main = new Main();
    private final Path configFile;
    private volatile OsmHost host;

    public HostMain(Path configFile) {
        this.configFile = configFile;
        main.setPropertyPlaceholderLocations(OsmRuntime.locations(configFile));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport m) {
                OsmRuntime runtime = OsmRuntime.hosted(m.getCamelContext(), configFile);
                validateSchedules(runtime);
                host = new OsmHost(new JobRunner(runtime));
                m.getCamelContext().getRegistry().bind("osmHost", host);
                try {
                    m.getCamelContext().addRoutes(new ScheduleRoutes(runtime.settings().schedules()));
                    Files.createDirectories(runtime.settings().inbox());
                } catch (Exception e) {
                    throw new IllegalStateException("cannot set up the host: " + e.getMessage(), e);
                }
                host.recoverInterrupted();
            }

            @Override
            public void afterStop(BaseMainSupport m) {
                if (host != null) {
                    host.runner().runtime().close();
                }
            }
        });
    }

    /** Runs until the JVM is asked to stop (SIGTERM, Ctrl-C). */
    public void run() throws Exception {
        main.run();
    }

    /** Starts without blocking (tests). */
    public void start() throws Exception {
        main.start();
    }

    public void stop() throws Exception {
        main.stop();
    }

    public OsmHost host() {
        return host;
    }

    public Main main() {
        return main;
    }

    private static void validateSchedules(OsmRuntime runtime) {
        for (Schedule s : runtime.settings().schedules()) {
            String origin = runtime.settings().origin();
            if (!CronExpression.isValidExpression(s.cron())) {
                throw new ConfigException(origin + ": osmigrate.schedule." + s.name() + ".cron '" + s.cron()
                        + "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. 0 0 2 * * ?)");
            }
            SpecLoader.load(s.spec());
        }
    }
}
