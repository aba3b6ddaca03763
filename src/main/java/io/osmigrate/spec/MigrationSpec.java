package io.osmigrate.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A validated migration spec: which environments, what scope, and the settings per entity.
 * Immutable. Entity names ("Module.Entity") are resolved against the metamodels when a plan is made.
 *
 * @param file     where it was read from (named in every error about it)
 * @param users    the users phase's settings (all defaults when the spec has no users section)
 * @param bpt      which BPT process instances move (all defaults when the spec has no bpt section)
 * @param entities per-entity settings, keyed by "Module.Entity" as written
 * @param anonymize the anonymised attributes, keyed by "Module.Entity.Attribute" as written
 * @param refresh  whether rows moved by earlier runs are brought up to date with their source
 * @param softKeys the declared soft keys: attributes that hold another entity's id without being references
 */
public record MigrationSpec(Path file, String source, String destination, Scope scope, Defaults defaults,
                            StaticsSettings statics, TenantsSettings tenants, UsersSettings users, BptSettings bpt, boolean clean,
                            Map<String, EntitySettings> entities, Map<String, AnonymizeRule> anonymize, RefreshMode refresh,
                            List<SoftKey> softKeys) {

    public MigrationSpec {
        refresh = refresh == null ? RefreshMode.NONE : refresh;
        entities = Map.copyOf(entities);
        softKeys = softKeys == null ? List.of() : List.copyOf(softKeys);
        anonymize = anonymize == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(anonymize));
    }

    /** A spec that anonymises nothing. */
    public MigrationSpec(Path file, String source, String destination, Scope scope, Defaults defaults,
                         StaticsSettings statics, TenantsSettings tenants, UsersSettings users, boolean clean,
                         Map<String, EntitySettings> entities) {
        this(file, source, destination, scope, defaults, statics, tenants, users, new BptSettings(null), clean, entities,
                Map.of(), RefreshMode.NONE, List.of());
    }

    /** The spec's name: its file name without the extension. */
    public String name() {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    /** Settings written for "Module.Entity" (case-insensitive), if any. */
    public Optional<Map.Entry<String, EntitySettings>> settingsFor(String module, String entity) {
        String wanted = (module + "." + entity).toLowerCase(Locale.ROOT);
        return entities.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public ConflictPolicy conflictPolicy(EntitySettings s) {
        if (s.onConflict() != null) {
            return s.onConflict();
        }
        return defaults.onConflict() != null ? defaults.onConflict() : ConflictPolicy.DEAD_LETTER;
    }

    public UnresolvedPolicy unresolvedPolicy(EntitySettings s) {
        if (s.unresolvedReference() != null) {
            return s.unresolvedReference();
        }
        return defaults.unresolvedReference() != null ? defaults.unresolvedReference() : UnresolvedPolicy.DEAD_LETTER;
    }

    /** Batch size: the entity's, else the spec's default, else the configured one. */
    public int batchSize(EntitySettings s, int configured) {
        if (s.batchSize() != null) {
            return s.batchSize();
        }
        return defaults.batchSize() != null ? defaults.batchSize() : configured;
    }
}
