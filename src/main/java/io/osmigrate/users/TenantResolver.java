package io.osmigrate.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.osmigrate.metamodel.Espace;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.metamodel.Tenant;
import io.osmigrate.plan.Finding;
import io.osmigrate.spec.TenantPolicy;

/**
 * Matches source tenants to destination tenants by (name, user-provider espace SS_Key) and decides what
 * happens to a missing one that something uses: created (tenants.missing: create) or a blocking finding
 * (fail, the default). The ServiceCenter tenant of IT users is marked: its users never move. Stateless.
 */
final class TenantResolver {

    static final String IT_TENANT = "ServiceCenter";

    private TenantResolver() {
    }

    /** Whether a source tenant is the one of IT users (named ServiceCenter, or provided by the ServiceCenter module). */
    static boolean isIt(Tenant t, Metamodel source) {
        return t.name().trim().equalsIgnoreCase(IT_TENANT)
                || source.espace(t.providerEspace()).map(Espace::name).filter(IT_TENANT::equalsIgnoreCase).isPresent();
    }

    /**
     * @param used source tenant ids that users in scope or moved rows use
     */
    static List<TenantDecision> resolve(Metamodel source, Metamodel destination, Set<Long> used, TenantPolicy policy,
                                        List<Finding> findings) {
        Map<String, Tenant> twins = destination.tenantsByMatchKey();
        List<TenantDecision> result = new ArrayList<>();
        for (Tenant t : source.tenants()) {
            boolean it = isIt(t, source);
            boolean isUsed = used.contains(t.id());
            Tenant twin = t.active() ? twins.get(t.matchKey()) : null;
            if (twin != null) {
                result.add(new TenantDecision(t, twin, false, isUsed, it, null));
                continue;
            }
            String subject = "tenant " + t.name();
            String provider = source.espace(t.providerEspace()).map(Espace::name).orElse(t.providerEspace());
            if (!isUsed) {
                findings.add(Finding.info("tenant-missing-unused", subject, "source tenant " + t.name() + " (user provider "
                        + provider + ") has no destination twin; no user in scope and no moved row uses it"));
                result.add(new TenantDecision(t, null, false, false, it, null));
            } else if (policy == TenantPolicy.CREATE) {
                Long providerId = destination.espace(t.providerEspace()).map(Espace::id).orElse(null);
                if (providerId == null) {
                    findings.add(Finding.error("tenant-provider-missing", subject, "source tenant " + t.name()
                            + " is to be created, but its user provider " + provider + " is no active module of the destination;"
                            + " publish it there first"));
                } else {
                    findings.add(Finding.info("tenant-created", subject, "source tenant " + t.name() + " (user provider "
                            + provider + ") is created in the destination (tenants.missing: create)"));
                }
                result.add(new TenantDecision(t, null, providerId != null, true, it, providerId));
            } else {
                findings.add(Finding.error("tenant-missing", subject, "source tenant " + t.name() + " (user provider "
                        + provider + ") has no destination tenant of the same name and user provider, and users in scope or"
                        + " moved rows use it; create it in the destination, or set tenants.missing: create"));
                result.add(new TenantDecision(t, null, false, true, it, null));
            }
        }
        return result;
    }
}
