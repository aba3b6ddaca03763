package io.osmigrate.spec;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** The YAML of a migration spec, as written. {@link SpecLoader} validates it into a {@link MigrationSpec}. */
record SpecDocument(@JsonProperty("source") String source,
                    @JsonProperty("destination") String destination,
                    @JsonProperty("scope") Scope scope,
                    @JsonProperty("defaults") Defaults defaults,
                    @JsonProperty("statics") StaticsSettings statics,
                    @JsonProperty("tenants") TenantsSettings tenants,
                    @JsonProperty("users") UsersSettings users,
                    @JsonProperty("bpt") BptSettings bpt,
                    @JsonProperty("clean") Boolean clean,
                    @JsonProperty("entities") LinkedHashMap<String, EntitySettings> entities,
                    @JsonProperty("anonymize") LinkedHashMap<String, JsonNode> anonymize,
                    @JsonProperty("refresh") RefreshMode refresh,
                    @JsonProperty("softKeys") LinkedHashMap<String, JsonNode> softKeys) {

    Map<String, JsonNode> anonymizeOrEmpty() {
        return anonymize == null ? Map.of() : anonymize;
    }

    Map<String, JsonNode> softKeysOrEmpty() {
        return softKeys == null ? Map.of() : softKeys;
    }

    Map<String, EntitySettings> entitiesOrEmpty() {
        return entities == null ? Map.of() : entities;
    }
}
