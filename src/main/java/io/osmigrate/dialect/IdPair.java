package io.osmigrate.dialect;

/** A source identifier and the destination identifier of the row written for it. */
public record IdPair(Object sourceId, Object destinationId) {
}
