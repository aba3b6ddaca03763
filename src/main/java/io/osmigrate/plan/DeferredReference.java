package io.osmigrate.plan;

/**
 * A reference inserted empty and set after its entity's cycle group is loaded: a self-reference, or
 * the optional edge chosen to break a cycle.
 */
public record DeferredReference(EntityRef entity, String attribute, EntityRef target, String reason) {
}
