package io.osmigrate.users;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.maps.UserMap;
import io.osmigrate.env.Environment;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.maps.TenantMap;
import io.osmigrate.spec.RoleLinks;
import io.osmigrate.spec.UnresolvedPolicy;
import io.osmigrate.spec.UserStrategy;

/**
 * The users phase: acts on the decisions of {@link UsersPlanner} in the destination. In order: creates the
 * missing tenants it must (and adds them to the run's {@link TenantMap}); creates, updates or recreates
 * users; then creates the role links of users in scope. Returns the {@link UserMap} the data phase uses and
 * figures per tenant.
 *
 * <p>Transactions: each tenant in one; users in chunks of {@value #CHUNK} (a recreated user is deleted and
 * created again, with the destination's user roles and group memberships of the old row moved to the new
 * one, in the same transaction, so a crash never leaves it deleted or unlinked); links in one. Everything is
 * found again by natural keys (tenant name and provider; tenant and username or external id; group name and
 * tenant; the link pairs), so a re-run, also after a crash at any point, finds what an earlier run wrote and
 * writes only what is missing. Never writes to the source. One call at a time per run.
 */
public final class UsersPhase {

    private static final Logger LOG = LoggerFactory.getLogger(UsersPhase.class);
    static final int CHUNK = 200;

    /** The user map for the data phase and what was done, per tenant. */
    public record Outcome(UserMap users, List<UsersFigures> figures) {
    }

    private UsersPhase() {
    }

    /**
     * @param destinationMeta the destination's metamodel, to find rows that still reference users to recreate
     */
    public static Outcome run(Environment destination, Metamodel destinationMeta, UserResolution r, TenantMap tenants)
            throws SQLException {
        Map<String, Tally> tally = new LinkedHashMap<>();
        createTenants(destination, r, tenants, tally);
        UserMap map = new UserMap();
        if (r.settings().strategy() == UserStrategy.SKIP) {
            skip(r, map, tally);
            return new Outcome(map, figures(tally, Map.of()));
        }
        r.lookups().forEach(map::map);
        r.unmatchedOutside().forEach((id, why) -> map.unmatched(id, why));
        refuseRecreateWhileReferenced(destination, destinationMeta, r);
        writeUsers(destination, r, tenants, map, tally);
        Map<String, AccessWriter.Counts> links = new HashMap<>();
        if (r.settings().roleLinks() != RoleLinks.NONE) {
            AccessWriter writer = new AccessWriter(destination, AccessRows.read(destination));
            try (Connection c = destination.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try {
                    writer.write(c, SourceLinks.of(r), r, map, tenants, links);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        }
        tally.forEach((tenant, t) -> {
            if (t.recreated > 0) {
                LOG.info("Users of tenant {}: recreate kept {} user roles and {} group memberships of the {} recreated users,"
                        + " linked to the new users", tenant, t.keptUserRoles, t.keptGroupUsers, t.recreated);
            }
        });
        List<UsersFigures> figures = figures(tally, links);
        figures.forEach(f -> LOG.info("Users of tenant {}: {} in scope, {} matched, {} updated, {} recreated, {} created,"
                        + " {} mapped, {} to the default user, {} nulled, {} dead-lettered; links: {} user roles, {} groups,"
                        + " {} group roles, {} group users", f.tenant(), f.inScope(), f.matched(), f.updated(), f.recreated(),
                f.created(), f.mapped(), f.defaultUser(), f.nulled(), f.deadLettered(), f.userRoles(), f.groups(),
                f.groupRoles(), f.groupUsers()));
        return new Outcome(map, figures);
    }

    private static void createTenants(Environment destination, UserResolution r, TenantMap tenants, Map<String, Tally> tally)
            throws SQLException {
        TenantWriter writer = null;
        for (TenantDecision t : r.tenants()) {
            if (!t.create() || tenants.map(t.source().id()) != null) {
                continue;
            }
            writer = writer == null ? new TenantWriter(destination) : writer;
            try (Connection c = destination.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try {
                    long id = writer.ensure(c, t.source().name(), t.destinationProvider());
                    c.commit();
                    tenants.add(t.source().id(), id);
                    tally.computeIfAbsent(t.source().name(), k -> new Tally()).tenantCreated = true;
                    LOG.info("Tenant {} created in the destination with id {}", t.source().name(), id);
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        }
    }

    private static void skip(UserResolution r, UserMap map, Map<String, Tally> tally) {
        String why = "users.strategy is skip";
        r.lookups().keySet().forEach(id -> map.unmatched(id, why, UnresolvedPolicy.EMPTY));
        r.unmatchedOutside().keySet().forEach(id -> map.unmatched(id, why, UnresolvedPolicy.EMPTY));
        for (UserDecision d : r.decisions()) {
            d.members().forEach(u -> map.unmatched(u.id(), why, UnresolvedPolicy.EMPTY));
            Tally t = tally.computeIfAbsent(d.tenantName(), k -> new Tally());
            t.inScope++;
            t.nulled++;
        }
    }

    /** The plan refused rows outside the clean; after the clean none may be left, else nothing is deleted. */
    private static void refuseRecreateWhileReferenced(Environment destination, Metamodel destinationMeta, UserResolution r) {
        List<Long> ids = r.decisions().stream().filter(d -> d.action() == UserAction.RECREATE)
                .map(d -> d.destination().id()).toList();
        List<RecreateGuard.Blocker> blockers = RecreateGuard.find(destination, destinationMeta, List.of(), ids);
        if (!blockers.isEmpty()) {
            throw new IllegalStateException("users.strategy: recreate stopped before deleting any user: destination rows still"
                    + " reference the users to recreate: " + String.join(", ", blockers.stream()
                    .map(b -> b.attribute() + " (" + b.rows() + " rows)").toList())
                    + "; run with the clean phase, or use strategy: update");
        }
    }

    private static void writeUsers(Environment destination, UserResolution r, TenantMap tenants, UserMap map,
                                   Map<String, Tally> tally) throws SQLException {
        UserWriter writer = new UserWriter(destination);
        List<UserDecision> decisions = r.decisions();
        try (Connection c = destination.dataSource().getConnection()) {
            c.setAutoCommit(false);
            for (int from = 0; from < decisions.size(); from += CHUNK) {
                List<UserDecision> chunk = decisions.subList(from, Math.min(decisions.size(), from + CHUNK));
                Map<Long, Long> written = new HashMap<>();
                List<Runnable> counted = new ArrayList<>();
                try {
                    for (UserDecision d : chunk) {
                        Tally t = tally.computeIfAbsent(d.tenantName(), k -> new Tally());
                        Long id = write(c, writer, d, tenants, t, counted);
                        if (id != null) {
                            written.put(d.chosen().id(), id);
                        }
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
                counted.forEach(Runnable::run);
                for (UserDecision d : chunk) {
                    Long id = written.get(d.chosen().id());
                    if (id != null) {
                        d.members().forEach(u -> map.map(u.id(), id));
                    } else {
                        UnresolvedPolicy policy = d.action() == UserAction.EMPTY ? UnresolvedPolicy.EMPTY : UnresolvedPolicy.DEAD_LETTER;
                        d.members().forEach(u -> map.unmatched(u.id(), "user " + u.username() + ": " + d.reason()
                                + " (users.unmatched: " + r.settings().unmatched().wire() + ")", policy));
                    }
                }
            }
        }
    }

    /**
     * Carries out one decision on the open transaction; returns the destination user id its references map
     * to, or null for an unmatched user. Figures are counted only once the chunk commits.
     */
    private static Long write(Connection c, UserWriter writer, UserDecision d, TenantMap tenants, Tally t,
                              List<Runnable> counted) throws SQLException {
        counted.add(() -> t.inScope++);
        switch (d.action()) {
            case MATCH -> {
                counted.add(() -> t.matched++);
                return d.destination().id();
            }
            case UPDATE -> {
                writer.update(c, d.destination(), d.written());
                counted.add(() -> {
                    t.matched++;
                    t.updated++;
                });
                return d.destination().id();
            }
            case RECREATE -> {
                UserWriter.Recreated r = writer.recreate(c, d.destination().id(), d.written(), d.destination().tenantId());
                counted.add(() -> {
                    t.matched++;
                    t.recreated++;
                    t.withoutPassword += d.written().password() == null ? 1 : 0;
                    t.keptUserRoles += r.userRoles();
                    t.keptGroupUsers += r.groupUsers();
                });
                return r.id();
            }
            case MAPPED -> {
                counted.add(() -> t.mapped++);
                return d.destination().id();
            }
            case DEFAULT_USER -> {
                counted.add(() -> t.defaultUser++);
                return d.destination().id();
            }
            case CREATE -> {
                Long tenant = d.tenant() == null ? null : tenants.map(d.tenant().id());
                if (d.tenant() != null && tenant == null) {
                    counted.add(() -> t.deadLettered++);
                    return null;
                }
                long id = writer.create(c, d.written(), tenant);
                counted.add(() -> {
                    t.created++;
                    t.withoutPassword += d.written().password() == null ? 1 : 0;
                });
                return id;
            }
            case EMPTY -> {
                counted.add(() -> t.nulled++);
                return null;
            }
            default -> {
                counted.add(() -> t.deadLettered++);
                return null;
            }
        }
    }

    private static List<UsersFigures> figures(Map<String, Tally> tally, Map<String, AccessWriter.Counts> links) {
        List<String> names = new ArrayList<>(tally.keySet());
        links.keySet().stream().filter(k -> !names.contains(k)).forEach(names::add);
        names.sort(String::compareToIgnoreCase);
        List<UsersFigures> result = new ArrayList<>();
        for (String name : names) {
            Tally t = tally.getOrDefault(name, new Tally());
            AccessWriter.Counts l = links.getOrDefault(name, new AccessWriter.Counts());
            result.add(new UsersFigures(name, t.tenantCreated, t.inScope, t.matched, t.updated, t.recreated, t.mapped,
                    t.created, t.defaultUser, t.nulled, t.deadLettered, t.withoutPassword, l.userRoles, l.groups,
                    l.groupRoles, l.groupUsers));
        }
        return result;
    }

    /** Running figures of one tenant. */
    private static final class Tally {
        boolean tenantCreated;
        int inScope;
        int matched;
        int updated;
        int recreated;
        int mapped;
        int created;
        int defaultUser;
        int nulled;
        int deadLettered;
        int withoutPassword;
        int keptUserRoles;
        int keptGroupUsers;
    }
}
