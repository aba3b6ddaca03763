package io.osmigrate.spec;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a spec selects. Everything listed is unioned: applications by name, modules by name or
 * espace SS_Key, and single entities as "Module.Entity".
 */
public record Scope(@JsonProperty("applications") List<String> applications,
                    @JsonProperty("modules") List<String> modules,
                    @JsonProperty("moduleKeys") List<String> moduleKeys,
                    @JsonProperty("entities") List<String> entities) {

    public Scope {
        applications = applications == null ? List.of() : List.copyOf(applications);
        modules = modules == null ? List.of() : List.copyOf(modules);
        moduleKeys = moduleKeys == null ? List.of() : List.copyOf(moduleKeys);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public boolean isEmpty() {
        return applications.isEmpty() && modules.isEmpty() && moduleKeys.isEmpty() && entities.isEmpty();
    }
}
