package io.osmigrate.users;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.osmigrate.metamodel.Tenant;
import io.osmigrate.plan.UsersPlan;
import io.osmigrate.spec.PasswordPolicy;
import io.osmigrate.spec.UserMatchKey;
import io.osmigrate.spec.UserStrategy;
import io.osmigrate.spec.UsersSettings;
import io.osmigrate.users.UserMappingFile.UserMapping;

/**
 * Decides, for every source user, what the users phase does: groups source users that share a tenant and
 * match key into identities (duplicates), applies the mapping file, matches each identity to its
 * destination twin, and for identities in scope picks the action the strategy and users.unmatched ask
 * for. Reads nothing: it works on rows already read. Spec mistakes it finds (a mapping line or default
 * user naming a destination user that does not exist) are collected in {@link #configErrors()}.
 * One instance per plan; not thread-safe.
 */
final class IdentityResolver {

    private final UsersSettings settings;
    private final MatchKeys keys;
    private final Anonymizer anonymizer;
    private final Map<Long, TenantDecision> tenants = new HashMap<>();
    private final Map<Long, Tenant> destinationTenants = new HashMap<>();
    private final Map<String, List<UserRecord>> destinationByKey = new HashMap<>();
    private final Map<String, List<UserRecord>> destinationByUsername = new HashMap<>();
    private final List<UserMapping> mappings;
    private final Set<UserMapping> usedMappings = new HashSet<>();
    private final Set<String> relevantDestinationKeys = new HashSet<>();
    private final List<String> configErrors = new ArrayList<>();
    private final DefaultUsers defaultUsers;

    /** What came out: the decisions of identities in scope, and the lookups of everything else. */
    record Result(List<UserDecision> decisions, Map<Long, Long> lookups, Map<Long, String> unmatchedOutside,
                  List<UsersPlan.DuplicateUsers> duplicates, UsersPlan.ItUsers itUsers, List<UserMapping> unusedMappings) {
    }

    IdentityResolver(UsersSettings settings, List<TenantDecision> tenantDecisions, List<Tenant> destinationTenantList,
                     List<UserRecord> destinationUsers, List<UserMapping> mappings) {
        this.settings = settings;
        this.anonymizer = settings.anonymized() ? new Anonymizer(settings.anonymizeKey()) : null;
        this.keys = new MatchKeys(settings.matchBy(), anonymizer);
        tenantDecisions.forEach(t -> tenants.put(t.source().id(), t));
        destinationTenantList.forEach(t -> destinationTenants.put(t.id(), t));
        for (UserRecord u : destinationUsers.stream().sorted(UserRecord.PREFERRED).toList()) {
            String key = keys.destination(u);
            if (key != null) {
                destinationByKey.computeIfAbsent(slot(u.tenantId(), key), k -> new ArrayList<>()).add(u);
            }
            String username = MatchKeys.normalize(u.username());
            if (username != null) {
                destinationByUsername.computeIfAbsent(slot(u.tenantId(), username), k -> new ArrayList<>()).add(u);
            }
        }
        this.mappings = mappings;
        this.defaultUsers = new DefaultUsers(settings, destinationTenantList, destinationByUsername, configErrors);
    }

    List<String> configErrors() {
        return configErrors;
    }

    /**
     * @param candidates source user ids selected by users.select, IT users included
     */
    Result resolve(List<UserRecord> sourceUsers, Set<Long> candidates) {
        List<Identity> identities = identities(sourceUsers);
        List<UserDecision> decisions = new ArrayList<>();
        Map<Long, Long> lookups = new HashMap<>();
        Map<Long, String> unmatchedOutside = new HashMap<>();
        int itReferenced = 0;
        int itMatched = 0;
        for (Identity id : identities) {
            TenantDecision td = id.tenantId() == null ? null : tenants.get(id.tenantId());
            boolean it = td != null && td.it();
            boolean selected = id.members().stream().anyMatch(u -> candidates.contains(u.id()));
            Match match = match(id, td);
            if (it || !selected) {
                if (it && selected) {
                    itReferenced++;
                    itMatched += match.twin() == null ? 0 : 1;
                }
                for (UserRecord u : id.members()) {
                    if (match.twin() != null) {
                        lookups.put(u.id(), match.twin().id());
                    } else {
                        unmatchedOutside.put(u.id(), "user " + u.username() + ": " + match.why()
                                + (it ? " (an IT user of the ServiceCenter tenant: never moved)" : ""));
                    }
                }
                continue;
            }
            decisions.add(decide(id, td, match));
        }
        defaultUsers.checkConfigured(decisions);
        List<UsersPlan.DuplicateUsers> duplicates = new ArrayList<>();
        for (Identity id : identities) {
            if (id.members().size() > 1) {
                TenantDecision td = id.tenantId() == null ? null : tenants.get(id.tenantId());
                duplicates.add(new UsersPlan.DuplicateUsers("source", td == null ? "(no tenant)" : td.source().name(),
                        shownKey(id.chosen(), false), ids(id.members()), id.chosen().id(),
                        (td == null || !td.it()) && id.members().stream().anyMatch(u -> candidates.contains(u.id()))));
            }
        }
        destinationByKey.forEach((slot, users) -> {
            if (users.size() > 1) {
                Tenant t = users.get(0).tenantId() == null ? null : destinationTenants.get(users.get(0).tenantId());
                duplicates.add(new UsersPlan.DuplicateUsers("destination", t == null ? "(no tenant)" : t.name(),
                        shownKey(users.get(0), true), ids(users), users.get(0).id(), relevantDestinationKeys.contains(slot)));
            }
        });
        duplicates.sort(Comparator.comparing(UsersPlan.DuplicateUsers::side).reversed()
                .thenComparing(UsersPlan.DuplicateUsers::tenant).thenComparing(UsersPlan.DuplicateUsers::key));
        List<UserMapping> unused = mappings.stream().filter(m -> !usedMappings.contains(m)).toList();
        return new Result(decisions, lookups, unmatchedOutside, duplicates, new UsersPlan.ItUsers(itReferenced, itMatched),
                unused);
    }

    /** The destination twin of an identity (through the mapping file, else by tenant and key), or why there is none. */
    private Match match(Identity id, TenantDecision td) {
        UserRecord chosen = id.chosen();
        Long destinationTenant = td == null ? null : td.destination() == null ? null : td.destination().id();
        String tenantName = td == null ? null : td.source().name();
        String key = keys.source(chosen);
        if (id.tenantId() != null && td == null) {
            return new Match(null, key, null, "its tenant (id " + id.tenantId() + ") belongs to no active user provider");
        }
        if (td != null && destinationTenant == null) {
            return new Match(null, key, null, "tenant " + td.source().name() + (td.create()
                    ? " is created in the destination by this run" : " has no destination twin"));
        }
        UserMapping mapping = mappingFor(tenantName, chosen.username());
        if (mapping != null) {
            usedMappings.add(mapping);
            List<UserRecord> found = destinationByUsername.get(slot(destinationTenant, mapping.destinationUsername()
                    .toLowerCase(Locale.ROOT)));
            if (found == null) {
                configErrors.add("users.mappingFile, line " + mapping.line() + ": destination user '"
                        + mapping.destinationUsername() + "' does not exist in destination tenant "
                        + tenantLabel(destinationTenant));
                return new Match(null, null, mapping, "mapped to '" + mapping.destinationUsername() + "', who does not exist");
            }
            relevantDestinationKeys.add(slot(destinationTenant, keys.destination(found.get(0))));
            return new Match(found.get(0), null, mapping, null);
        }
        if (key == null) {
            return new Match(null, null, null, keys.by() == UserMatchKey.EXTERNAL_ID ? "it has no EXTERNAL_ID to match by"
                    : "it has no username");
        }
        List<UserRecord> found = destinationByKey.get(slot(destinationTenant, key));
        if (found == null) {
            return new Match(null, key, null, "no user with " + (keys.by() == UserMatchKey.EXTERNAL_ID ? "external id "
                    + chosen.externalId() : "username " + (anonymizer == null ? chosen.username() : key + " (anonymised)"))
                    + " in destination tenant " + tenantLabel(destinationTenant));
        }
        relevantDestinationKeys.add(slot(destinationTenant, key));
        return new Match(found.get(0), key, null, null);
    }

    private record Match(UserRecord twin, String key, UserMapping mapping, String why) {
    }

    private UserDecision decide(Identity id, TenantDecision td, Match match) {
        UserRecord chosen = id.chosen();
        Tenant tenant = td == null ? null : td.source();
        if (settings.strategy() == UserStrategy.SKIP) {
            return new UserDecision(tenant, id.members(), chosen, UserAction.EMPTY, null, null, "users.strategy is skip");
        }
        if (match.twin() != null && match.mapping() != null) {
            return new UserDecision(tenant, id.members(), chosen, UserAction.MAPPED, match.twin(), null,
                    "mapping file line " + match.mapping().line());
        }
        if (match.twin() != null) {
            UserRecord twin = match.twin();
            UserAction action = switch (settings.strategy()) {
                case UPDATE -> UserChanges.updateDiffers(written(chosen, twin), twin, settings.passwords())
                        ? UserAction.UPDATE : UserAction.MATCH;
                case RECREATE -> UserChanges.recreateDiffers(written(chosen, twin), twin, settings.passwords())
                        ? UserAction.RECREATE : UserAction.MATCH;
                default -> UserAction.MATCH;
            };
            return new UserDecision(tenant, id.members(), chosen, action, twin, action.writes() ? written(chosen, twin) : null,
                    "matched");
        }
        String why = match.why();
        return switch (settings.unmatched()) {
            case CREATE -> create(id, td, match, why);
            case DEFAULT_USER -> {
                UserRecord fallback = defaultUsers.resolve(td);
                yield fallback == null
                        ? new UserDecision(tenant, id.members(), chosen, UserAction.DEAD_LETTER, null, null, why
                                + "; users.defaultUser does not exist in its destination tenant")
                        : new UserDecision(tenant, id.members(), chosen, UserAction.DEFAULT_USER, fallback, null, why);
            }
            case EMPTY -> new UserDecision(tenant, id.members(), chosen, UserAction.EMPTY, null, null, why);
            case DEAD_LETTER -> new UserDecision(tenant, id.members(), chosen, UserAction.DEAD_LETTER, null, null, why);
        };
    }

    private UserDecision create(Identity id, TenantDecision td, Match match, String why) {
        UserRecord chosen = id.chosen();
        Tenant tenant = td == null ? null : td.source();
        String cannot = null;
        if (id.tenantId() != null && td == null) {
            cannot = "its tenant is unknown";
        } else if (td != null && td.destination() == null && !td.create()) {
            cannot = "its tenant is missing in the destination";
        } else if (match.mapping() != null) {
            cannot = "the mapping file names a destination user that does not exist";
        } else if (match.key() == null) {
            cannot = keys.by() == UserMatchKey.EXTERNAL_ID ? "without an EXTERNAL_ID a created user could not be found again"
                    : "it has no username";
        } else if (td == null || td.destination() != null) {
            Long destinationTenant = td == null ? null : td.destination().id();
            String username = MatchKeys.normalize(written(chosen, null).username());
            List<UserRecord> taken = destinationByUsername.get(slot(destinationTenant, username));
            if (taken != null) {
                cannot = "its username is taken in the destination tenant by user " + taken.get(0).id()
                        + ", whose external id differs";
            }
        }
        if (cannot != null) {
            return new UserDecision(tenant, id.members(), chosen, UserAction.DEAD_LETTER, null, null, why
                    + "; it cannot be created: " + cannot);
        }
        return new UserDecision(tenant, id.members(), chosen, UserAction.CREATE, null, written(chosen, null), why);
    }

    /**
     * The values the destination user gets: the source's (pseudonyms when anonymised). The password is the
     * source hash with passwords: copy; otherwise the twin's own hash (recreate) or null (a new user gets a
     * value no password matches; an update leaves it alone).
     */
    private UserRecord written(UserRecord source, UserRecord twin) {
        UserRecord base = anonymizer == null ? source : anonymizer.apply(source);
        String password = settings.passwords() == PasswordPolicy.COPY ? source.password()
                : twin == null ? null : twin.password();
        return new UserRecord(source.id(), source.tenantId(), base.username(), base.name(), base.email(), base.mobilePhone(),
                base.externalId(), password, source.creationDate(), source.lastLogin(), source.active());
    }

    private UserMapping mappingFor(String tenantName, String username) {
        UserMapping general = null;
        for (UserMapping m : mappings) {
            if (m.appliesTo(tenantName, username)) {
                if (m.tenant() != null) {
                    return m;
                }
                general = m;
            }
        }
        return general;
    }

    /** Source users grouped by tenant and match key, each group's members in pick order; keyless users stand alone. */
    private List<Identity> identities(List<UserRecord> users) {
        Map<String, List<UserRecord>> groups = new LinkedHashMap<>();
        for (UserRecord u : users.stream().sorted(UserRecord.PREFERRED).toList()) {
            String key = keys.source(u);
            groups.computeIfAbsent(key == null ? "#" + u.id() : slot(u.tenantId(), key), k -> new ArrayList<>()).add(u);
        }
        return groups.values().stream().map(m -> new Identity(m.get(0).tenantId(), m))
                .sorted(Comparator.comparing((Identity i) -> tenantName(i.tenantId()))
                        .thenComparing(i -> Objects.toString(MatchKeys.normalize(i.chosen().username()), ""))
                        .thenComparingLong(i -> i.chosen().id()))
                .toList();
    }

    private record Identity(Long tenantId, List<UserRecord> members) {
        UserRecord chosen() {
            return members.get(0);
        }
    }

    private String tenantName(Long sourceTenantId) {
        TenantDecision td = sourceTenantId == null ? null : tenants.get(sourceTenantId);
        return td == null ? "" : td.source().name().toLowerCase(Locale.ROOT);
    }

    private String tenantLabel(Long destinationTenantId) {
        Tenant t = destinationTenantId == null ? null : destinationTenants.get(destinationTenantId);
        return t == null ? "(none)" : t.name();
    }

    private String shownKey(UserRecord u, boolean destination) {
        if (keys.by() == UserMatchKey.EXTERNAL_ID) {
            return "external id " + u.externalId();
        }
        return destination || anonymizer == null ? u.username() : u.username() + " (anonymised " + keys.source(u) + ")";
    }

    private static List<Long> ids(List<UserRecord> users) {
        return users.stream().map(UserRecord::id).sorted().toList();
    }

    static String slot(Long tenantId, String key) {
        return tenantId + "|" + key;
    }
}
