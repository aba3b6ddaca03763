package io.osmigrate.plan;

/**
 * A declared soft key as the plan shows it: {@code entity.attribute → target}.
 *
 * @param deferred whether it is inserted empty and set once its cycle group is loaded
 */
public record SoftKeyLine(String entity, String attribute, String target, String type, boolean mandatory, boolean deferred) {
}
