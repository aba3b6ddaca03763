package io.osmigrate.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * osmigrate's typed settings, read once and validated at start-up with messages that name the file,
 * the key and what is allowed. Immutable and thread-safe.
 */
public final class OsmSettings {

    private static final Pattern ENV_KEY = Pattern.compile("osmigrate\\.env\\.([A-Za-z0-9_-]+)\\.([a-z-]+)");
    private static final Pattern SCHEDULE_KEY = Pattern.compile("osmigrate\\.schedule\\.([A-Za-z0-9_-]+)\\.([a-z-]+)");
    private static final Set<String> ENV_PROPERTIES = Set.of("url", "username", "password", "pool-size", "connect-timeout-seconds",
            "read-only");
    private static final Set<String> SCHEDULE_PROPERTIES = Set.of("spec", "cron", "command");
    private static final Set<String> TOP_LEVEL = Set.of("osmigrate.state.url", "osmigrate.state.username",
            "osmigrate.state.password", "osmigrate.data-dir", "osmigrate.inbox", "osmigrate.spec-folders", "osmigrate.batch-size",
            "osmigrate.fetch-size", "osmigrate.writers", "osmigrate.tables-at-once", "osmigrate.keymap.cache-size", "osmigrate.progress-interval-seconds",
            "osmigrate.retry.max-retries", "osmigrate.retry.backoff-millis",
            "osmigrate.http.host", "osmigrate.http.port", "osmigrate.http.token", "osmigrate.management.enabled",
            "osmigrate.management.host", "osmigrate.management.port", "osmigrate.cluster.folder",
            "osmigrate.cluster.heartbeat-seconds", "osmigrate.trace.entities", "osmigrate.trace.routes",
            "osmigrate.anonymize.key");

    private final String origin;
    private final Map<String, EnvironmentSettings> environments;
    private final List<Schedule> schedules;
    private final Path dataDir;
    private final Path inbox;
    private final List<Path> specFolders;
    private final String stateUrl;
    private final String stateUsername;
    private final String statePassword;
    private final int batchSize;
    private final int fetchSize;
    private final int writers;
    private final int tablesAtOnce;
    private final long keyMapCacheSize;
    private final Duration progressInterval;
    private final int retryMaxRetries;
    private final int retryBackoffMillis;
    private final HostSettings host;
    private final TraceSettings trace;
    private final Optional<String> anonymizeKey;

    private OsmSettings(PropertySource p) {
        this.origin = p.origin();
        rejectUnknownKeys(p);
        this.dataDir = Path.of(nonBlank(p, Setting.DATA_DIR).orElse(Setting.DATA_DIR.defaultValue()));
        this.inbox = Path.of(nonBlank(p, Setting.INBOX).orElse(Setting.INBOX.defaultValue()));
        this.specFolders = readSpecFolders(p);
        this.stateUrl = nonBlank(p, Setting.STATE_URL).orElseGet(() -> defaultStateUrl(dataDir));
        PathChecks.folder(origin + ": " + Setting.DATA_DIR.key(), dataDir);
        PathChecks.folder(origin + ": " + Setting.INBOX.key(), inbox);
        String stateKey = p.get(Setting.STATE_URL.key()).isPresent() ? Setting.STATE_URL.key() : Setting.DATA_DIR.key() + "/state";
        stateFile().ifPresent(file -> PathChecks.folder(origin + ": the state store's folder (" + stateKey + ")",
                file.toAbsolutePath().getParent()));
        this.stateUsername = p.get(Setting.STATE_USERNAME.key()).orElse("");
        this.statePassword = p.get(Setting.STATE_PASSWORD.key()).orElse("");
        this.batchSize = integer(p, Setting.BATCH_SIZE.key(), Setting.BATCH_SIZE.defaultValue(), n -> n >= 1 && n <= 100_000, "1..100000");
        this.writers = integer(p, Setting.WRITERS.key(), Setting.WRITERS.defaultValue(), n -> n >= 1 && n <= 16, "1..16");
        this.tablesAtOnce = integer(p, Setting.TABLES_AT_ONCE.key(), Setting.TABLES_AT_ONCE.defaultValue(), n -> n >= 1 && n <= 4,
                "1..4");
        this.fetchSize = integer(p, Setting.FETCH_SIZE.key(), Setting.FETCH_SIZE.defaultValue(), n -> n >= 1 && n <= 1_000_000, "1..1000000");
        this.keyMapCacheSize = integer(p, Setting.KEYMAP_CACHE_SIZE.key(), Setting.KEYMAP_CACHE_SIZE.defaultValue(), n -> n >= 1000, "1000 or more");
        this.progressInterval = Duration.ofSeconds(integer(p, Setting.PROGRESS_INTERVAL.key(),
                Setting.PROGRESS_INTERVAL.defaultValue(), n -> n >= 1, "1 or more"));
        this.retryMaxRetries = integer(p, Setting.RETRY_MAX_RETRIES.key(), Setting.RETRY_MAX_RETRIES.defaultValue(),
                n -> n >= 0 && n <= 10, "0..10");
        this.retryBackoffMillis = integer(p, Setting.RETRY_BACKOFF.key(), Setting.RETRY_BACKOFF.defaultValue(),
                n -> n >= 0 && n <= 60_000, "0..60000");
        this.environments = readEnvironments(p);
        for (EnvironmentSettings env : environments.values()) {
            int needed = writers * tablesAtOnce + 1;
            if (env.poolSize() < needed) {
                throw new ConfigException(origin + ": " + Setting.ENV_POOL_SIZE.key(env.name()) + " is " + env.poolSize()
                        + ", but osmigrate.writers is " + writers + (tablesAtOnce == 1 ? "" : " and osmigrate.tables-at-once "
                        + tablesAtOnce) + ": a destination needs one connection per writer" + (tablesAtOnce == 1 ? "" : " and table")
                        + " plus one; raise the pool size to " + needed + " or more, or lower osmigrate.writers"
                        + (tablesAtOnce == 1 ? "" : " or osmigrate.tables-at-once"));
            }
        }
        this.schedules = readSchedules(p);
        this.host = HostSettings.read(p, inbox);
        this.trace = TraceSettings.read(p);
        this.anonymizeKey = anonymizeKey(p);
    }

    /** The anonymisation's HMAC key, only from the environment: whoever read it in the file could recompute every pseudonym. */
    private static Optional<String> anonymizeKey(PropertySource p) {
        String key = Setting.ANONYMIZE_KEY.key();
        Optional<String> raw = p.raw(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (!raw.get().contains("{{env:")) {
            throw new ConfigException(p.origin() + ": " + key + " must come from the environment, as {{env:VARIABLE}}"
                    + " (a key written in the file is read by whoever reads the file)");
        }
        String value = p.get(key).orElse("");
        if (!value.isEmpty() && value.length() < HostSettings.MIN_TOKEN_LENGTH) {
            throw new ConfigException(p.origin() + ": " + key + " is shorter than " + HostSettings.MIN_TOKEN_LENGTH
                    + " characters; give a long random one, e.g. from: openssl rand -hex 32");
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The HMAC key of the spec's anonymize section; empty when none is configured. Never print it. */
    public Optional<String> anonymizeKey() {
        return anonymizeKey;
    }

    /** Reads and validates; throws {@link ConfigException} on the first mistake. */
    public static OsmSettings load(PropertySource p) {
        return new OsmSettings(p);
    }

    /** The named environment, or a message that lists the configured ones. */
    public EnvironmentSettings environment(String name) {
        EnvironmentSettings env = environments.get(name);
        if (env == null) {
            throw new ConfigException("unknown environment '" + name + "'; configured in " + origin + ": "
                    + (environments.isEmpty() ? "none" : String.join(", ", environments.keySet()))
                    + ". Add osmigrate.env." + name + ".url (and .username, .password) to " + origin);
        }
        return env;
    }

    public Map<String, EnvironmentSettings> environments() {
        return environments;
    }

    public List<Schedule> schedules() {
        return schedules;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path inbox() {
        return inbox;
    }

    /** Where the route host may take specs from (as configured; the host checks they exist when it starts). */
    public List<Path> specFolders() {
        return specFolders;
    }

    public String stateUrl() {
        return stateUrl;
    }

    /**
     * The file an embedded state store (an H2 or SQLite file URL, the default one included) keeps its data in;
     * empty for a state store on a server.
     */
    public Optional<Path> stateFile() {
        return StateFile.of(stateUrl);
    }

    public String stateUsername() {
        return stateUsername;
    }

    public String statePassword() {
        return statePassword;
    }

    public int batchSize() {
        return batchSize;
    }

    public int writers() {
        return writers;
    }

    /** How many independent entities the data phase moves at the same time (osmigrate.tables-at-once). */
    public int tablesAtOnce() {
        return tablesAtOnce;
    }

    public int fetchSize() {
        return fetchSize;
    }

    public long keyMapCacheSize() {
        return keyMapCacheSize;
    }

    public Duration progressInterval() {
        return progressInterval;
    }

    public int retryMaxRetries() {
        return retryMaxRetries;
    }

    public int retryBackoffMillis() {
        return retryBackoffMillis;
    }

    /** The route host's HTTP trigger and how it shares the work with another host. */
    public HostSettings host() {
        return host;
    }

    /** What Camel's tracer follows; off by default. */
    public TraceSettings trace() {
        return trace;
    }

    public String origin() {
        return origin;
    }

    /** The embedded state store: a SQLite file under the data directory (see state.SqliteFile for its settings). */
    static String defaultStateUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("state").resolve("osmigrate.db").toAbsolutePath();
    }

    private void rejectUnknownKeys(PropertySource p) {
        for (String key : p.keys()) {
            if (!key.startsWith("osmigrate.") || TOP_LEVEL.contains(key)) {
                continue;
            }
            Matcher env = ENV_KEY.matcher(key);
            Matcher schedule = SCHEDULE_KEY.matcher(key);
            if (env.matches()) {
                if (!ENV_PROPERTIES.contains(env.group(2))) {
                    throw unknown(key, "osmigrate.env.<name>." + new TreeSet<>(ENV_PROPERTIES));
                }
            } else if (schedule.matches()) {
                if (!SCHEDULE_PROPERTIES.contains(schedule.group(2))) {
                    throw unknown(key, "osmigrate.schedule.<name>." + new TreeSet<>(SCHEDULE_PROPERTIES));
                }
            } else {
                throw unknown(key, new TreeSet<>(TOP_LEVEL) + ", osmigrate.env.<name>.*, osmigrate.schedule.<name>.*");
            }
        }
    }

    private ConfigException unknown(String key, String allowed) {
        return new ConfigException(origin + ": unknown property " + key + "; allowed: " + allowed);
    }

    private Map<String, EnvironmentSettings> readEnvironments(PropertySource p) {
        Set<String> names = names(p, ENV_KEY);
        Map<String, EnvironmentSettings> result = new TreeMap<>();
        for (String name : names) {
            String url = p.get(Setting.ENV_URL.key(name)).filter(s -> !s.isBlank()).orElseThrow(() -> new ConfigException(
                    origin + ": environment '" + name + "' has no " + Setting.ENV_URL.key(name) + "; give its JDBC URL"));
            if (!url.startsWith("jdbc:")) {
                throw new ConfigException(origin + ": " + Setting.ENV_URL.key(name) + " must be a JDBC URL (jdbc:sqlserver:…, "
                        + "jdbc:postgresql:…, jdbc:h2:…), not '" + Secrets.redactUrl(url) + "'");
            }
            int pool = integer(p, Setting.ENV_POOL_SIZE.key(name), Setting.ENV_POOL_SIZE.defaultValue(), n -> n >= 1 && n <= 64, "1..64");
            int timeout = integer(p, Setting.ENV_CONNECT_TIMEOUT.key(name), Setting.ENV_CONNECT_TIMEOUT.defaultValue(),
                    n -> n >= 1 && n <= 600, "1..600");
            boolean readOnly = bool(p, Setting.ENV_READ_ONLY.key(name), Setting.ENV_READ_ONLY.defaultValue());
            result.put(name, new EnvironmentSettings(name, url, p.get(Setting.ENV_USERNAME.key(name)).orElse(""),
                    p.get(Setting.ENV_PASSWORD.key(name)).orElse(""), pool, Duration.ofSeconds(timeout), readOnly));
        }
        return Collections.unmodifiableMap(result);
    }

    private List<Schedule> readSchedules(PropertySource p) {
        List<Schedule> result = new ArrayList<>();
        for (String name : names(p, SCHEDULE_KEY)) {
            String spec = p.get(Setting.SCHEDULE_SPEC.key(name)).filter(s -> !s.isBlank()).orElseThrow(() -> new ConfigException(
                    origin + ": schedule '" + name + "' has no " + Setting.SCHEDULE_SPEC.key(name) + "; name a spec file"));
            String cron = p.get(Setting.SCHEDULE_CRON.key(name)).filter(s -> !s.isBlank()).orElseThrow(() -> new ConfigException(
                    origin + ": schedule '" + name + "' has no " + Setting.SCHEDULE_CRON.key(name)
                            + "; give a Quartz cron expression such as 0 0 2 * * ?"));
            String command = p.get(Setting.SCHEDULE_COMMAND.key(name)).orElse("run");
            if (!command.equals("run") && !command.equals("plan")) {
                throw new ConfigException(origin + ": " + Setting.SCHEDULE_COMMAND.key(name) + " is '" + command
                        + "'; allowed: plan, run");
            }
            result.add(new Schedule(name, Path.of(spec), cron, command));
        }
        return List.copyOf(result);
    }

    private List<Path> readSpecFolders(PropertySource p) {
        String key = Setting.SPEC_FOLDERS.key();
        String value = p.get(key).orElse(Setting.SPEC_FOLDERS.defaultValue());
        List<Path> folders = new ArrayList<>();
        for (String folder : value.split(",")) {
            if (folder.isBlank()) {
                throw new ConfigException(origin + ": " + key + " has an empty entry; give folders separated by commas,"
                        + " e.g. " + Setting.SPEC_FOLDERS.defaultValue());
            }
            try {
                folders.add(Path.of(folder.trim()));
            } catch (InvalidPathException e) {
                throw new ConfigException(origin + ": " + key + ": '" + folder.trim() + "' is not a valid folder path");
            }
        }
        return List.copyOf(folders);
    }

    private static Set<String> names(PropertySource p, Pattern pattern) {
        Set<String> names = new TreeSet<>();
        for (String key : p.keys()) {
            Matcher m = pattern.matcher(key);
            if (m.matches()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private boolean bool(PropertySource p, String key, String fallback) {
        String value = p.get(key).orElse(fallback).trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigException(origin + ": " + key + " is '" + value + "'; allowed: true, false");
    }

    /** The value of a key that may be left out but not left empty: "key =" is a mistake, not the default. */
    private Optional<String> nonBlank(PropertySource p, Setting setting) {
        Optional<String> value = p.get(setting.key());
        if (value.isPresent() && value.get().isBlank()) {
            throw new ConfigException(origin + ": " + setting.key() + " has no value; give one, or leave the key out for the"
                    + " default (" + setting.defaultValue() + ")");
        }
        return value;
    }

    private int integer(PropertySource p, String key, String fallback, IntPredicate valid, String allowed) {
        Optional<String> text = p.get(key);
        String value = text.orElse(fallback);
        try {
            int n = Integer.parseInt(value.trim());
            if (valid.test(n)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the key and the allowed range
        }
        throw new ConfigException(origin + ": " + key + " is '" + value + "'; allowed: " + allowed);
    }
}
