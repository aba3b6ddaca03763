package io.osmigrate.events;

/**
 * What triggers-off or events did to one of the destination's event tables. Kept apart from the entity figures:
 * these rows are subscriptions taken out and put back, not rows moved.
 *
 * @param rows         triggers-off: rows found in the table; events: saved rows handled
 * @param saved        triggers-off: rows saved now (the others were saved by an earlier run)
 * @param deleted      triggers-off: rows deleted from the table
 * @param putBack      events: rows inserted back
 * @param alreadyThere events: saved rows an equal row in the table already accounts for
 * @param notPutBack   events: rows whose process definition or activity is gone (see the report's list)
 */
public record SubscriptionFigures(String phase, String eventTable, String entity, long rows, long saved, long deleted,
                                  long putBack, long alreadyThere, long notPutBack) {
}
