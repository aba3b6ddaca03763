package io.osmigrate.metamodel;

/** An active module (OSSYS_ESPACE) of one environment. {@code ssKey} is normalised. */
public record Espace(long id, String name, String ssKey, boolean system, boolean userProvider) {

    public Espace {
        ssKey = SsKeys.normalize(ssKey);
    }
}
