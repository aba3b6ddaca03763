package io.osmigrate.events;

/**
 * A saved subscription the events phase did not put back, because what it subscribes for is gone from the
 * destination. It stays in the state store, marked DROPPED, with the reason.
 *
 * @param eventTable the OSEVT_* table it came from
 * @param entity     the entity whose table that is, as "Module.Entity"
 * @param reason     e.g. "its activity 42 no longer exists in the destination"
 */
public record UnrestoredEvent(String eventTable, String entity, String reason) {
}
