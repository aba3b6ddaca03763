package io.osmigrate.users;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.osmigrate.config.ConfigException;
import io.osmigrate.metamodel.Espace;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.metamodel.Role;
import io.osmigrate.spec.RoleLinks;

/**
 * Roles across environments: matched by (espace SS_Key, role SS_Key), never created (publishing creates
 * them). Resolves the "Module.Role" names of users.roles against the source. Stateless.
 */
final class RoleMatcher {

    private RoleMatcher() {
    }

    /** Source role id → destination role id, for every active source role with an active twin. */
    static Map<Long, Long> match(Metamodel source, Metamodel destination) {
        Map<String, Long> twins = new HashMap<>();
        destination.roles().forEach(r -> twins.putIfAbsent(r.espace() + "|" + r.ssKey(), r.id()));
        Map<Long, Long> result = new HashMap<>();
        for (Role r : source.roles()) {
            Long twin = twins.get(r.espace() + "|" + r.ssKey());
            if (twin != null) {
                result.put(r.id(), twin);
            }
        }
        return result;
    }

    /** The source role ids of users.roles; an unknown name is a spec mistake. */
    static Set<Long> listed(List<String> names, Metamodel source, Path specFile) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String name : names) {
            int dot = name.lastIndexOf('.');
            String module = name.substring(0, dot).trim();
            String role = name.substring(dot + 1).trim();
            Role found = source.espaceNamed(module).flatMap(e -> source.roles().stream()
                    .filter(r -> r.espace().equals(e.ssKey()) && r.name().equalsIgnoreCase(role)).findFirst()).orElse(null);
            if (found == null) {
                throw new ConfigException(specFile + ": users.roles: no role '" + name + "' in the source; its roles: "
                        + source.roles().stream().map(r -> name(r, source)).sorted().collect(Collectors.joining(", ")));
            }
            ids.add(found.id());
        }
        return ids;
    }

    /** The source role ids whose links are created under users.roleLinks: never a role without a destination twin. */
    static Set<Long> linked(RoleLinks policy, Set<Long> listed, Map<Long, Long> roleMap) {
        Set<Long> result = new LinkedHashSet<>();
        switch (policy) {
            case ALL -> result.addAll(roleMap.keySet());
            case LISTED -> listed.stream().filter(roleMap::containsKey).forEach(result::add);
            case NONE -> {
                // no links
            }
        }
        return result;
    }

    /** "Module.Role". */
    static String name(Role r, Metamodel m) {
        return m.espace(r.espace()).map(Espace::name).orElse(r.espace()) + "." + r.name();
    }
}
