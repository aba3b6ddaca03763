package io.osmigrate.bench;

import java.util.Locale;

/** The database engines the benchmark builds the sample solution in. */
public enum BenchEngine {
    POSTGRESQL, H2;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
