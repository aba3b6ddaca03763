package io.osmigrate.sample;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The local ids application rows need from the user tables: tenants by name, and active end users to put in
 * CreatedBy, AssignedTo and AuthorId (never an IT user of the ServiceCenter tenant, never an inactive copy).
 */
final class UserDirectory {

    private final Map<String, Integer> tenants;
    private final int[] endUsers;
    private final int firstEndUser;
    private final int endUserCount;

    /** Source: end users hold the consecutive ids {@code firstEndUser … firstEndUser + count - 1}. */
    static UserDirectory consecutive(Map<String, Integer> tenants, int firstEndUser, int count) {
        return new UserDirectory(tenants, null, firstEndUser, count);
    }

    /** Destination: end users scattered among other rows, listed explicitly (a few thousand at most). */
    static UserDirectory listed(Map<String, Integer> tenants, int[] endUsers) {
        return new UserDirectory(tenants, endUsers.clone(), 0, endUsers.length);
    }

    private UserDirectory(Map<String, Integer> tenants, int[] endUsers, int firstEndUser, int endUserCount) {
        this.tenants = Map.copyOf(tenants);
        this.endUsers = endUsers;
        this.firstEndUser = firstEndUser;
        this.endUserCount = endUserCount;
    }

    int tenantId(String name) {
        Integer id = tenants.get(name);
        if (id == null) {
            throw new IllegalStateException("no tenant " + name);
        }
        return id;
    }

    /** A random active end user. */
    int endUser(SplittableRandom r) {
        int i = r.nextInt(endUserCount);
        return endUsers == null ? firstEndUser + i : endUsers[i];
    }
}
