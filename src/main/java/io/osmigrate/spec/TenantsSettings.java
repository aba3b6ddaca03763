package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How tenants are aligned. */
public record TenantsSettings(@JsonProperty("missing") TenantPolicy missing) {

    public TenantPolicy missingOrDefault() {
        return missing == null ? TenantPolicy.FAIL : missing;
    }
}
