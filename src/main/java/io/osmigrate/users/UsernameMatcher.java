package io.osmigrate.users;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.osmigrate.maps.UserMap;
import io.osmigrate.maps.TenantMap;

/**
 * Matches source users to destination users by tenant and username (case-insensitively): the
 * "lookup" way of the seed guide. Among duplicates on either side the preferred user wins
 * ({@link UserRecord#PREFERRED}).
 */
public final class UsernameMatcher {

    private UsernameMatcher() {
    }

    public static UserMap match(List<UserRecord> source, List<UserRecord> destination, TenantMap tenants) {
        Map<String, UserRecord> byKey = new HashMap<>();
        destination.stream().sorted(UserRecord.PREFERRED).forEach(u -> byKey.putIfAbsent(key(u.tenantId(), u), u));
        UserMap map = new UserMap();
        for (UserRecord u : source.stream().sorted(Comparator.comparingLong(UserRecord::id)).toList()) {
            Long tenant = u.tenantId() == null ? null : tenants.map(u.tenantId());
            if (u.tenantId() != null && tenant == null) {
                map.unmatched(u.id(), "user " + u.username() + ": " + tenants.whyUnmatched(u.tenantId()));
                continue;
            }
            UserRecord twin = byKey.get(key(tenant, u));
            if (twin == null) {
                map.unmatched(u.id(), "user " + u.username() + " does not exist in the destination tenant");
            } else {
                map.map(u.id(), twin.id());
            }
        }
        return map;
    }

    private static String key(Long tenant, UserRecord u) {
        return tenant + "|" + u.usernameKey();
    }
}
