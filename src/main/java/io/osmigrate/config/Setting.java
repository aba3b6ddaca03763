package io.osmigrate.config;

import java.util.List;

/**
 * Every osmigrate property, its default and what it is for: the single list the README's
 * configuration table is checked against. {@code <name>} stands for an environment or schedule name.
 */
public enum Setting {
    ENV_URL("osmigrate.env.<name>.url", null, "JDBC URL of an OutSystems platform database; the engine (SQL Server, PostgreSQL, H2) is chosen from it."),
    ENV_USERNAME("osmigrate.env.<name>.username", "", "Database user. Use a read-only login for a source."),
    ENV_PASSWORD("osmigrate.env.<name>.password", "", "Database password: give it as {{env:VARIABLE}}, never literally. Never logged."),
    ENV_POOL_SIZE("osmigrate.env.<name>.pool-size", "4", "HikariCP pool size. A destination needs one connection per writer plus one (per writer and table moved at once, with osmigrate.tables-at-once); a source one streaming reader plus one (per table). Keep it small."),
    ENV_CONNECT_TIMEOUT("osmigrate.env.<name>.connect-timeout-seconds", "10", "How long to wait for a server that does not answer, or refuses for a while (starting, no free connection), before naming the environment and the driver's last cause in an error. A final failure (refused port, unknown host, wrong password, unknown user or database) is reported at once."),
    ENV_READ_ONLY("osmigrate.env.<name>.read-only", "false", "true: the environment may be a source, never a destination; a spec naming it as destination is refused before anything is read. Set it on production."),
    STATE_URL("osmigrate.state.url", "jdbc:sqlite:<data-dir>/state/osmigrate.db", "JDBC URL of the state store (runs, key map, dead letters): a SQLite file, a PostgreSQL or a SQL Server database; never the destination. H2 is refused (it can lose acknowledged commits when killed)."),
    STATE_USERNAME("osmigrate.state.username", "", "State store user."),
    STATE_PASSWORD("osmigrate.state.password", "", "State store password, as {{env:VARIABLE}}."),
    DATA_DIR("osmigrate.data-dir", "data", "Where the embedded state store, run reports and demo databases live. One osmigrate process at a time per data directory (its state store is locked)."),
    INBOX("osmigrate.inbox", "inbox", "Folder the route host watches for job files; finished jobs move to .done/ or .failed/ under it."),
    SPEC_FOLDERS("osmigrate.spec-folders", "config/migrations", "Comma-separated folders a job file or schedule may take its spec from; each must exist when the host starts. A spec elsewhere is refused."),
    BATCH_SIZE("osmigrate.batch-size", "5000", "Rows per insert batch unless a spec says otherwise (1..100000)."),
    WRITERS("osmigrate.writers", "2", "Concurrent write transactions (1..16): the writers' threads every entity's batches are written on. Two use both cores of a small machine: the destination's index and foreign-key work runs in two server processes; more helps only when the destination has cores to spare."),
    TABLES_AT_ONCE("osmigrate.tables-at-once", "1", "How many entities the data phase moves at the same time (1..4), of those next to each other in load order that do not reference one another (a reference set by the deferred step does not count). They share the writers; each holds a destination connection per writer, so a pool needs writers × tables-at-once + 1. 1: one entity after another."),
    FETCH_SIZE("osmigrate.fetch-size", "5000", "Rows the source driver fetches per round trip while streaming a table."),
    KEYMAP_CACHE_SIZE("osmigrate.keymap.cache-size", "500000", "Key-map entries kept in memory (Caffeine). Memory stays bounded whatever the table sizes; misses are bulk-loaded per batch."),
    RETRY_MAX_RETRIES("osmigrate.retry.max-retries", "3", "How often a batch write that failed transiently (deadlock, lock timeout, lost connection) is tried again (0..10). A failed commit is never retried: it may have landed."),
    RETRY_BACKOFF("osmigrate.retry.backoff-millis", "500", "The wait before the first retry of a batch, in milliseconds (0..60000); each next retry waits twice as long."),
    PROGRESS_INTERVAL("osmigrate.progress-interval-seconds", "5", "Seconds between progress log lines when not on a terminal."),
    HTTP_HOST("osmigrate.http.host", "127.0.0.1", "Address the route host's HTTP job trigger listens on. The default takes requests from this machine only; 0.0.0.0 takes them from anywhere (put TLS in front: the token travels in every request)."),
    HTTP_PORT("osmigrate.http.port", "8080", "Port of the HTTP job trigger (1..65535)."),
    HTTP_TOKEN("osmigrate.http.token", "", "Bearer token of the HTTP job trigger, as {{env:VARIABLE}} only (a token written in the file is refused), at least 16 characters, e.g. from openssl rand -hex 32. Empty or left out: the trigger is off and nothing listens."),
    MANAGEMENT_ENABLED("osmigrate.management.enabled", "true", "The route host's management server: /observe/health, /observe/metrics (Prometheus) and the status page (/). false: nothing listens for them (JMX stays on)."),
    MANAGEMENT_HOST("osmigrate.management.host", "127.0.0.1", "Address the management server listens on. The default answers this machine only; the status page shows dead-lettered rows, so put authentication in front before opening it wider."),
    MANAGEMENT_PORT("osmigrate.management.port", "8081", "Port of the management server (1..65535); another than the HTTP trigger's."),
    CLUSTER_FOLDER("osmigrate.cluster.folder", "<inbox>/.cluster", "Where the active route host holds its file lock: a folder every host of a pair shares (the shared inbox's by default). One host takes jobs and schedules; the others stand by."),
    CLUSTER_HEARTBEAT("osmigrate.cluster.heartbeat-seconds", "2", "How often the active host renews its lock (1..60); a standby takes over after three missed renewals (7–9 s after the active host dies, with 2). Every host of a pair must use the same value."),
    TRACE_ENTITIES("osmigrate.trace.entities", "", "Tables whose routes Camel's tracer follows, as Module.Entity separated by commas, or * for every table: each step a record passes is logged (category org.apache.camel.Tracing), and a dead letter of a traced table keeps the steps its record went through. Empty: no table is traced."),
    TRACE_ROUTES("osmigrate.trace.routes", "", "More routes or steps to trace, by id, separated by commas: an id (run, dead-letter), a prefix ending in * (phase-*), or a regular expression. Empty: none."),
    ANONYMIZE_KEY("osmigrate.anonymize.key", "", "The secret the spec's anonymize section keys its HMAC with, as {{env:VARIABLE}} only (a key written in the file is refused), at least 16 characters, e.g. from openssl rand -hex 32. The same key gives the same values in every run. Needed only by a spec that anonymises attributes; never logged."),
    SCHEDULE_SPEC("osmigrate.schedule.<name>.spec", null, "Spec file a cron schedule starts."),
    SCHEDULE_CRON("osmigrate.schedule.<name>.cron", null, "Quartz cron expression, e.g. 0 0 2 * * ? for 02:00 every day."),
    SCHEDULE_COMMAND("osmigrate.schedule.<name>.command", "run", "What the schedule does: plan or run.");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** The key with {@code <name>} filled in. */
    public String key(String name) {
        return key.replace("<name>", name);
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static List<Setting> all() {
        return List.of(values());
    }
}
