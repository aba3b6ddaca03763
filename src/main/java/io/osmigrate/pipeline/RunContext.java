package io.osmigrate.pipeline;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.camel.ProducerTemplate;

import io.osmigrate.config.OsmSettings;
import io.osmigrate.env.Environment;
import io.osmigrate.maps.RecordMap;
import io.osmigrate.maps.StaticMap;
import io.osmigrate.maps.TenantMap;
import io.osmigrate.maps.UserMap;
import io.osmigrate.meters.Meters;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.Mode;
import io.osmigrate.state.MapKind;
import io.osmigrate.state.StateStore;

/**
 * Everything one run shares across its phases: the plan, both environments, the state store, the
 * reference maps (statics, tenants, users, key map scopes) and the source ids dead-lettered so far.
 * Thread-safe where shared (synchronized maps): the writers of a table, and the tables of a wave moved at once
 * (osmigrate.tables-at-once), use it from several threads.
 */
public final class RunContext {

    private final String runId;
    private final Plan plan;
    private final MigrationSpec spec;
    private final OsmSettings settings;
    private final Environment source;
    private final Environment destination;
    private final StateStore state;
    private final ProducerTemplate producer;
    private final StaticMap statics;
    private final TenantMap tenants;
    private final StopSignal stop;
    private final RetryPolicy retry;
    private final Meters meters;
    private volatile UserMap users;
    private final Instant startedAt = Instant.now();
    private final Map<String, Integer> scopes = new HashMap<>();
    private final Map<EntityRef, Set<Object>> failed = new HashMap<>();
    private final Map<String, RecordMap> platformMaps = new java.util.concurrent.ConcurrentHashMap<>();

    public RunContext(String runId, Plan plan, MigrationSpec spec, OsmSettings settings, Environment source,
                      Environment destination, StateStore state, ProducerTemplate producer, StaticMap statics,
                      TenantMap tenants, UserMap users, StopSignal stop, Meters meters) {
        this.runId = runId;
        this.plan = plan;
        this.spec = spec;
        this.settings = settings;
        this.source = source;
        this.destination = destination;
        this.state = state;
        this.producer = producer;
        this.statics = statics;
        this.tenants = tenants;
        this.users = users;
        this.stop = stop;
        this.retry = RetryPolicy.of(settings);
        this.meters = meters;
    }

    /** Where the run's figures are told as they are counted. */
    public Meters meters() {
        return meters;
    }

    public String runId() {
        return runId;
    }

    public Plan plan() {
        return plan;
    }

    public MigrationSpec spec() {
        return spec;
    }

    public OsmSettings settings() {
        return settings;
    }

    public Environment source() {
        return source;
    }

    public Environment destination() {
        return destination;
    }

    public StateStore state() {
        return state;
    }

    public ProducerTemplate producer() {
        return producer;
    }

    public StaticMap statics() {
        return statics;
    }

    public TenantMap tenants() {
        return tenants;
    }

    public UserMap users() {
        return users;
    }

    public void users(UserMap map) {
        this.users = map;
    }

    /** Sets the map of a platform table (a BPT definition table, OSSYS_GROUP) that the bpt phase made. */
    public void platformMap(String table, RecordMap map) {
        platformMaps.put(table.toUpperCase(java.util.Locale.ROOT), map);
    }

    /** The map of a platform table, or null when the run has not made it (no bpt phase). */
    public RecordMap platformMap(String table) {
        return platformMaps.get(table.toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether this run was asked to stop early (SIGTERM, a host stopping). */
    public StopSignal stop() {
        return stop;
    }

    /** Which failed writes are tried again, and how (the route configuration redelivers by it). */
    public RetryPolicy retry() {
        return retry;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The key-map scope that resolves references to an entity: its moved pairs, or its lookup pairs. */
    public synchronized Integer scopeOf(EntityRef entity) {
        String name = entity.qualifiedName();
        if (!scopes.containsKey(name)) {
            PlannedEntity p = plan.entity(name).orElse(null);
            if (p == null || p.mode() == Mode.SKIP) {
                return null;
            }
            MapKind kind = p.mode() == Mode.LOOKUP ? MapKind.LOOKUP : MapKind.MOVED;
            scopes.put(name, state.keyMap().scope(source.name(), destination.name(), entity, kind));
        }
        return scopes.get(name);
    }

    /**
     * Records that a source row of an entity was dead-lettered in this run (or, in a replay, stays dead-lettered), so
     * its children are told "parent failed". Grows with the number of dead letters, not with table sizes.
     */
    public synchronized void markFailed(EntityRef entity, Object sourceId) {
        failed.computeIfAbsent(entity, k -> new HashSet<>()).add(sourceId);
    }

    public synchronized boolean hasFailed(EntityRef entity, Object sourceId) {
        Set<Object> ids = failed.get(entity);
        return ids != null && ids.contains(sourceId);
    }
}
