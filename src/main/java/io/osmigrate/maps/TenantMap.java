package io.osmigrate.maps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.osmigrate.dialect.ValueKind;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.metamodel.Tenant;

/**
 * Source tenant ids mapped to destination ones, matching tenants by (name, user-provider espace
 * SS_Key). Feeds TENANT_ID of users and multi-tenant entities. Thread-safe once built.
 */
public final class TenantMap implements RecordMap {

    private final Map<Long, Long> ids = new HashMap<>();
    private final Map<Long, Tenant> unmatched = new HashMap<>();

    public TenantMap(Metamodel source, Metamodel destination) {
        Map<String, Tenant> dst = destination.tenantsByMatchKey();
        for (Tenant t : source.tenants()) {
            Tenant twin = t.active() ? dst.get(t.matchKey()) : null;
            if (twin != null) {
                ids.put(t.id(), twin.id());
            } else {
                unmatched.put(t.id(), t);
            }
        }
    }

    /** Adds a tenant created in the destination (the users phase may create missing ones). */
    public synchronized void add(long sourceId, long destinationId) {
        ids.put(sourceId, destinationId);
        unmatched.remove(sourceId);
    }

    public synchronized Long map(long sourceTenantId) {
        return ids.get(sourceTenantId);
    }

    public synchronized List<Tenant> unmatched() {
        return List.copyOf(unmatched.values());
    }

    @Override
    public Object destinationOf(Object sourceValue) {
        return map(((Number) ValueKind.id(sourceValue)).longValue());
    }

    @Override
    public String whyUnmatched(Object sourceValue) {
        return whyUnmatched(((Number) ValueKind.id(sourceValue)).longValue());
    }

    public synchronized String whyUnmatched(long sourceTenantId) {
        Tenant t = unmatched.get(sourceTenantId);
        return t == null ? "no tenant with id " + sourceTenantId + " in the source"
                : "tenant " + t.name() + " has no destination tenant of the same name and user provider";
    }
}
