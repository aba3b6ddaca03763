package io.osmigrate.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.EnvironmentSettings;
import io.osmigrate.config.OsmSettings;
import io.osmigrate.config.PropertySource;
import io.osmigrate.config.Setting;
import io.osmigrate.env.Environment;
import io.osmigrate.env.Side;
import io.osmigrate.meters.Meters;
import io.osmigrate.pipeline.DeadLetterRoute;
import io.osmigrate.pipeline.PipelineHeaders;
import io.osmigrate.pipeline.RetryPolicy;
import io.osmigrate.pipeline.RunBoard;
import io.osmigrate.pipeline.StepTracer;
import io.osmigrate.pipeline.TableRoutes;
import io.osmigrate.pipeline.StopSignal;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.state.StateStore;

/**
 * What one osmigrate process works with: the Camel context, the validated settings and the
 * environments opened so far (one pool each, closed with the runtime). The command line makes a
 * standalone one per invocation; the route host makes one around camel-main's context.
 *
 * <p>Thread-safe for opening environments; the settings are immutable.
 */
public final class OsmRuntime implements AutoCloseable {

    /** Where the packaged defaults live; the configuration file's values win over them. */
    public static final String DEFAULTS = "classpath:osmigrate-defaults.properties";

    private final CamelContext camel;
    private final boolean ownsCamel;
    private final OsmSettings settings;
    private final Map<String, EnvironmentSettings> overrides = new LinkedHashMap<>();
    private final Map<String, Environment> open = new LinkedHashMap<>();
    private final StopSignal stop = new StopSignal();
    private final RunBoard board = new RunBoard();
    private volatile Meters meters = Meters.NONE;
    private StateStore state;
    private boolean pipelineInstalled;
    private boolean deadLetterChannel;
    private final java.util.Set<Class<?>> installed = new java.util.HashSet<>();

    private OsmRuntime(CamelContext camel, boolean ownsCamel, OsmSettings settings) {
        this.camel = camel;
        this.ownsCamel = ownsCamel;
        this.settings = settings;
        if (settings.trace().on()) {
            // only before the context starts; tracing itself is switched on before each run (see pipeline())
            camel.setTracer(new StepTracer(settings.trace().entities(), settings.trace().routes()));
            camel.setTracingTemplates(true);
        }
        try {
            // first, so every route added later (Java or YAML) finds the one route configuration
            camel.addRoutes(new RouteErrors(RetryPolicy.of(settings)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the route configuration: " + e.getMessage(), e);
        }
    }

    /** A runtime for one command: its own Camel context reading the given configuration file. */
    public static OsmRuntime standalone(Path configFile) {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setLocation(locations(configFile));
        try {
            return new OsmRuntime(camel, true, OsmSettings.load(new PropertySource(camel, configFile.toString())));
        } catch (RuntimeException e) {
            closeQuietly(camel);
            throw e;
        }
    }

    /** A runtime around a running host's context, whose properties component already reads the configuration. */
    public static OsmRuntime hosted(CamelContext camel, Path configFile) {
        return new OsmRuntime(camel, false, OsmSettings.load(new PropertySource(camel, configFile.toString())));
    }

    /**
     * The properties locations: the configuration file, then the packaged defaults. Camel's properties
     * component gives the first location that has a key precedence, so the file comes first for its values
     * to win. A configuration file that is missing, or a folder, is a {@link ConfigException}: read as
     * empty, it would run on defaults the person never chose.
     */
    public static String locations(Path configFile) {
        if (Files.isDirectory(configFile)) {
            throw new ConfigException("configuration file " + configFile + " is a folder; give the properties file with"
                    + " --config FILE");
        }
        if (!Files.isRegularFile(configFile)) {
            throw new ConfigException("configuration file " + configFile + " does not exist; give one with --config FILE"
                    + " (its settings: README.md, Configuration)");
        }
        return "file:" + configFile + "," + DEFAULTS + ";optional=true";
    }

    public CamelContext camel() {
        return camel;
    }

    public OsmSettings settings() {
        return settings;
    }

    /** Replaces a configured environment for this runtime only (the demo points at the files it made). */
    public synchronized void override(EnvironmentSettings environment) {
        overrides.put(environment.name(), environment);
    }

    /** The named environment, opened once; a source is read-only. */
    public synchronized Environment environment(String name, Side side) {
        String key = name + "/" + side;
        Environment env = open.get(key);
        if (env == null) {
            EnvironmentSettings s = overrides.containsKey(name) ? overrides.get(name) : settings.environment(name);
            env = Environment.open(s, side);
            open.put(key, env);
        }
        return env;
    }

    /**
     * The environment a spec names as its source or destination, opened once (a source read-only). A name
     * that is neither configured nor overridden is a {@link ConfigException} naming the spec file, the key
     * ({@code source} or {@code destination}), the unknown name and the environments that are known.
     */
    public synchronized Environment environment(MigrationSpec spec, Side side) {
        return environment(configured(spec, side).name(), side);
    }

    /**
     * The spec's source and destination, opened once each, checked before anything is read from either: a
     * destination the configuration declares read-only is refused before any connection is made, and a pair that is
     * one database, by what each server says it is, is refused next (see {@link SpecEnvironments}). Both refusals are
     * {@link ConfigException}s naming the spec file and the environments.
     */
    public synchronized SpecEnvironments environments(MigrationSpec spec) {
        EnvironmentSettings source = configured(spec, Side.SOURCE);
        EnvironmentSettings destination = configured(spec, Side.DESTINATION);
        if (destination.readOnly()) {
            throw new ConfigException(spec.file() + ": destination: environment '" + destination.name() + "' is declared"
                    + " read-only (" + Setting.ENV_READ_ONLY.key(destination.name()) + " = true in " + settings.origin()
                    + "), so it may be a source, never a destination; nothing was read or written. Check that source ("
                    + source.name() + ") and destination are not swapped");
        }
        return SpecEnvironments.checked(spec, environment(source.name(), Side.SOURCE),
                environment(destination.name(), Side.DESTINATION));
    }

    private EnvironmentSettings configured(MigrationSpec spec, Side side) {
        String key = side == Side.SOURCE ? "source" : "destination";
        String name = side == Side.SOURCE ? spec.source() : spec.destination();
        if (overrides.containsKey(name)) {
            return overrides.get(name);
        }
        if (!settings.environments().containsKey(name)) {
            java.util.Set<String> known = new java.util.TreeSet<>(settings.environments().keySet());
            known.addAll(overrides.keySet());
            throw new ConfigException(spec.file() + ": " + key + ": unknown environment '" + name + "'; known environments"
                    + " (configured in " + settings.origin() + "): " + (known.isEmpty() ? "none" : String.join(", ", known))
                    + ". Name one of them, or add osmigrate.env." + name + ".url (and .username, .password) to "
                    + settings.origin());
        }
        return settings.environment(name);
    }

    /** Asks the runs of this runtime to stop after the batches in flight (SIGTERM, a host stopping). */
    public StopSignal stopSignal() {
        return stop;
    }

    /** Where this runtime's runs tell their figures as they go; nothing is kept unless a host sets its own. */
    public Meters meters() {
        return meters;
    }

    /** Keeps the figures of this runtime's runs (the route host, before any run). */
    public synchronized void meters(Meters kept) {
        this.meters = kept;
        if (state != null) {
            state.keyMap().meters(kept);
        }
    }

    /** The run going on in this runtime and the last one, as far as they have come (the host's status page). */
    public RunBoard board() {
        return board;
    }

    /** Whether the state store is open: the route host's standby never opens it. */
    public synchronized boolean stateOpen() {
        return state != null;
    }

    /** The state store, opened (and migrated) on first use. */
    public synchronized StateStore state() {
        if (state == null) {
            state = StateStore.open(settings);
            state.keyMap().meters(meters);
            camel.getRegistry().bind(PipelineHeaders.STATE_STORE, state.dataSource());
            if (!deadLetterChannel) {
                // the channel stores into the state store: it exists once the store is open, never before
                try {
                    camel.addRoutes(new DeadLetterRoute());
                } catch (Exception e) {
                    throw new IllegalStateException("cannot add the dead-letter channel: " + e.getMessage(), e);
                }
                deadLetterChannel = true;
            }
        }
        return state;
    }

    /**
     * The Camel context with the pipeline routes installed and started, ready for a run; traced as configured
     * (osmigrate.trace.*): the routes a run adds (a route per table) are traced from then on.
     */
    public synchronized CamelContext pipeline() throws Exception {
        if (settings.trace().on()) {
            // here, not only when the tracer is set: the route host's camel-main configures tracing (off) after that
            camel.setTracing(true);
        }
        if (!pipelineInstalled) {
            camel.addRoutes(new TableRoutes(settings.writers()));
            pipelineInstalled = true;
        }
        if (!camel.isStarted()) {
            camel.start();
        }
        return camel;
    }

    /**
     * Adds routes to this runtime's Camel context once, whoever asks first (the run routes sit above this layer,
     * so they install themselves).
     */
    public synchronized void installOnce(Class<?> kind, java.util.function.Supplier<org.apache.camel.RoutesBuilder> routes)
            throws Exception {
        if (installed.add(kind)) {
            camel.addRoutes(routes.get());
        }
    }

    @Override
    public synchronized void close() {
        open.values().forEach(Environment::close);
        open.clear();
        if (state != null) {
            state.close();
            state = null;
        }
        if (ownsCamel) {
            closeQuietly(camel);
        }
    }

    private static void closeQuietly(CamelContext camel) {
        try {
            camel.close();
        } catch (Exception e) {
            // nothing left to release that matters once the command is over
        }
    }
}
