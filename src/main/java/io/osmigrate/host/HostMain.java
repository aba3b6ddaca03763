package io.osmigrate.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.config.ConfigException;
import io.osmigrate.config.HostSettings;
import io.osmigrate.config.Schedule;

/**
 * The long-lived route host: camel-main with the routes of {@code routes/*.camel.yaml} (job inbox,
 * error handling), one Quartz route per schedule and, with a token configured, the HTTP job trigger
 * ({@link HttpTrigger}). Configuration is validated before any route starts, with messages that name
 * the key. Of hosts sharing an inbox, only the active one takes jobs and schedules ({@link ActiveHost}).
 *
 * <p>Stopping (SIGTERM, Ctrl-C, {@link #stop()}, JMX) is graceful. Before Camel begins its own
 * shutdown, the host stops taking jobs (the inbox is no longer polled, a schedule that fires is
 * skipped), asks the run in flight to stop after the batches it has in flight ({@code pipeline.StopSignal}),
 * and waits up to {@code camel.main.shutdown-timeout} for it; it waits there, while the context is still
 * fully started, because a run adds and removes a route per entity, which Camel's shutdown would block.
 * The job then ends as stopped, in {@code .failed/} with a result saying so, and Camel stops with nothing
 * in flight. A run still going after the timeout is
 * left to its own protocol: Camel stops without it (as a crash would), the next run of its spec settles
 * whatever it left ({@code pipeline.Recovery}), and its job file, still in {@code .inprogress/}, moves
 * to {@code .failed/} when a host next becomes active, with a result that says so.
 */
public final class HostMain {

    private static final Logger LOG = LoggerFactory.getLogger(HostMain.class);

    private final Main main = new Main();
    private final Path configFile;
    private volatile OsmHost host;
    private volatile HostSettings settings;
    private volatile ActiveHost active;

    public HostMain(Path configFile) {
        this.configFile = configFile;
        main.setPropertyPlaceholderLocations(OsmRuntime.locations(configFile));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport m) {
                CamelContext camel = m.getCamelContext();
                OsmRuntime runtime = OsmRuntime.hosted(camel, configFile);
                settings = runtime.settings().host();
                Observability.configure(m, settings);
                SpecFolders specs = SpecFolders.check(runtime.settings().specFolders(), runtime.settings().origin());
                validateSchedules(runtime, specs);
                OsmHost created = new OsmHost(new JobRunner(runtime, specs));
                camel.getRegistry().bind("osmHost", created);
                camel.getRegistry().bind("osmInboxPoll", new InboxPollStrategy(created));
                try {
                    camel.addRoutes(new ScheduleRoutes(runtime.settings().schedules()));
                    Files.createDirectories(runtime.settings().inbox());
                    Files.createDirectories(settings.clusterFolder());
                    if (settings.httpToken().isPresent()) {
                        camel.getRegistry().bind("osmHttpTrigger", new HttpTrigger(settings.httpToken().get(), specs,
                                runtime.settings().inbox()));
                        m.configure().httpServer().withEnabled(true).withHost(settings.httpHost()).withPort(settings.httpPort())
                                .withMaxBodySize((long) JobFiles.MAX_JOB_BYTES);
                        camel.addRoutes(new HttpTriggerRoutes());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot set up the host: " + e.getMessage(), e);
                }
                active = new ActiveHost(created, settings.clusterFolder(), HostMain.this::stopQuietly);
                camel.addLifecycleStrategy(new Lifecycle(created, active, runtime));
                host = created;
            }

            @Override
            public void afterConfigure(BaseMainSupport m) {
                CamelContext camel = m.getCamelContext();
                // one declared in the configuration (camel.beans.*, e.g. a Kubernetes lease) replaces the file lock
                Set<CamelClusterService> declared = new LinkedHashSet<>(camel.getRegistry().findByType(CamelClusterService.class));
                Set<CamelClusterService> services = camel.hasServices(CamelClusterService.class);
                try {
                    if (declared.isEmpty() && services.isEmpty()) {
                        camel.addService(fileLock(settings));
                        return;
                    }
                    for (CamelClusterService service : declared) {
                        if (!services.contains(service)) {
                            camel.addService(service);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot set up how the hosts agree on the active one: " + e.getMessage(), e);
                }
                LOG.info("Hosts agree on the active one through the cluster service declared in the configuration: {}",
                        camel.hasServices(CamelClusterService.class).stream().map(c -> c.getClass().getSimpleName()).toList());
            }
        });
    }

    /**
     * The default way hosts agree on the active one: an operating-system file lock in the shared cluster folder,
     * renewed every heartbeat; a standby takes over after {@link HostSettings#MISSED_HEARTBEATS} missed ones.
     */
    private static FileLockClusterService fileLock(HostSettings settings) {
        FileLockClusterService files = new FileLockClusterService();
        files.setId("osmigrate-file-lock");
        files.setRoot(settings.clusterFolder().toAbsolutePath().toString());
        files.setAcquireLockDelay(settings.clusterHeartbeat().toMillis(), TimeUnit.MILLISECONDS);
        files.setAcquireLockInterval(settings.clusterHeartbeat().toMillis(), TimeUnit.MILLISECONDS);
        files.setHeartbeatTimeoutMultiplier(HostSettings.MISSED_HEARTBEATS);
        return files;
    }

    /**
     * Runs until the JVM is asked to stop (SIGTERM, Ctrl-C), or the host loses the active role while it runs.
     *
     * @return false when it stopped because it lost the active role to another host
     */
    public boolean run() throws Exception {
        main.run();
        return active == null || !active.lost();
    }

    /** Starts without blocking (tests). */
    public void start() throws Exception {
        main.start();
    }

    /** Stops gracefully: returns once the job in flight has ended, or the shutdown timeout has passed. */
    public void stop() throws Exception {
        main.stop();
    }

    public OsmHost host() {
        return host;
    }

    /** Whether this host is the active one of its pair (it takes jobs and schedules) rather than a standby. */
    public boolean isActive() {
        return active != null && active.isActive();
    }

    /** Stops the host from a thread of its own: ends {@link #run} (completed) as well as a host {@link #start}ed. */
    private void stopQuietly() {
        try {
            main.completed();
            main.stop();
        } catch (Exception e) {
            LOG.error("Cannot stop the host: {}", e.getMessage());
        }
    }

    public Main main() {
        return main;
    }

    /** Each schedule's cron, and its spec through the same check as a job's (it is checked again when it fires). */
    private static void validateSchedules(OsmRuntime runtime, SpecFolders specs) {
        String origin = runtime.settings().origin();
        for (Schedule s : runtime.settings().schedules()) {
            if (!CronExpression.isValidExpression(s.cron())) {
                throw new ConfigException(origin + ": osmigrate.schedule." + s.name() + ".cron '" + s.cron()
                        + "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. 0 0 2 * * ?)");
            }
            try {
                specs.load(s.spec().toString());
            } catch (ConfigException e) {
                throw new ConfigException(origin + ": osmigrate.schedule." + s.name() + ".spec: " + e.getMessage());
            }
        }
    }

    /**
     * Ties the host to the Camel context's life, whoever stops it. {@code onContextStopping} runs before
     * the context's status changes and before its shutdown strategy starts, so the job in flight can
     * still finish normally while the host waits for it.
     */
    private static final class Lifecycle extends LifecycleStrategySupport {

        private final OsmHost host;
        private final ActiveHost active;
        private final OsmRuntime runtime;
        private CamelClusterView view;

        Lifecycle(OsmHost host, ActiveHost active, OsmRuntime runtime) {
            this.host = host;
            this.active = active;
            this.runtime = runtime;
        }

        /** Joins the hosts that share the lock: from now on this host learns when it is the active one. */
        @Override
        public void onContextStarted(CamelContext context) {
            Observability.started(context, runtime, active::isActive);
            try {
                view = ClusterServiceHelper.mandatoryLookupService(context).getView(ActiveHost.NAMESPACE);
            } catch (Exception e) {
                throw new IllegalStateException("cannot join the hosts sharing the lock: " + e.getMessage(), e);
            }
            view.addEventListener(active);
            active.started();
        }

        @Override
        public void onContextStopping(CamelContext context) {
            if (view != null) {
                view.removeEventListener(active);
            }
            host.stopping();
            String job = host.currentJob();
            if (job == null && context.getInflightRepository().size() == 0) {
                return;
            }
            ShutdownStrategy shutdown = context.getShutdownStrategy();
            Duration timeout = Duration.ofMillis(shutdown.getTimeUnit().toMillis(shutdown.getTimeout()));
            LOG.info("Stopping: waiting up to {} s (camel.main.shutdown-timeout) for job {} to finish or abort",
                    timeout.toSeconds(), job == null ? "(ending)" : job);
            long deadline = System.nanoTime() + timeout.toNanos();
            // the job first, then its exchange: the result file and the job file's move come after the run
            if (host.awaitIdle(timeout) && awaitNothingInFlight(context, deadline)) {
                LOG.info("Stopping: job {} has ended", job);
                return;
            }
            // The job had the whole timeout; Camel waiting as long again would only stall on the run's
            // per-entity route changes. Let it stop now: the run's protocol makes that safe.
            LOG.warn("Stopping: job {} is still running after {} s; stopping without it. The next run of its spec"
                    + " resumes safely; its job file moves to {} on the next start", job, timeout.toSeconds(), OsmHost.FAILED);
            shutdown.setTimeout(1);
            shutdown.setTimeUnit(TimeUnit.SECONDS);
        }

        private static boolean awaitNothingInFlight(CamelContext context, long deadline) {
            while (context.getInflightRepository().size() > 0) {
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }

        @Override
        public void onContextStopped(CamelContext context) {
            active.close();
            host.close(Duration.ofSeconds(1));
        }
    }
}
