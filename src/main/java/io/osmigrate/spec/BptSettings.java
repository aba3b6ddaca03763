package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the bpt phase moves: the spec's {@code bpt} section. */
public record BptSettings(@JsonProperty("instances") BptSelection instances) {

    public BptSelection instancesOrDefault() {
        return instances == null ? BptSelection.ALL : instances;
    }
}
