package io.osmigrate.sample;

import static io.osmigrate.sample.SampleSolution.SUPPORT_CORE;

import io.osmigrate.sample.ModelTypes.Entity;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * SupportCore's tickets and comments (source only). Tickets reference customers and orders of another module,
 * ~20% reference a parent ticket with a lower or higher id (a self-reference osmigrate must defer), open
 * tickets carry OutSystems' empty date 1900-01-01 in ClosedOn, attachments are 0–256 bytes or NULL, and a third
 * name a related order by its id in the Integer RelatedOrderId (a soft key), the others 0 or NULL; a fifth name
 * a ticket they duplicate by its id in the Text DuplicateOf (a soft key to their own entity), the others "", "0" or NULL.
 */
final class SupportData {

    private SupportData() {
    }

    /**
     * A ticket's RelatedOrderId, a soft key: an order's id for about a third of the tickets, 0 (OutSystems' Integer
     * default) for most others, NULL for one in ten (rows older than the attribute). Drawn apart from the ticket's
     * other values, which stay as they were before the attribute was added.
     */
    private static Object relatedOrder(Generation g, long t, long orders) {
        SplittableRandom r = RowRandom.of(g.seed(), "TicketRelatedOrder", t);
        if (r.nextInt(10) == 0) {
            return null;
        }
        return r.nextInt(3) == 0 ? (Object) (int) (1 + r.nextLong(orders)) : (Object) 0;
    }

    /**
     * A ticket's DuplicateOf, a soft key in a Text: another ticket's id as digits for about a fifth of the tickets,
     * "" or "0" (OutSystems' "none") for most others, NULL for one in ten.
     */
    private static Object duplicateOf(Generation g, long t, long tickets) {
        SplittableRandom r = RowRandom.of(g.seed(), "TicketDuplicateOf", t);
        if (r.nextInt(10) == 0) {
            return null;
        }
        return switch (r.nextInt(5)) {
            case 0 -> Long.toString(1 + r.nextLong(tickets));
            case 1 -> "0";
            default -> "";
        };
    }

    static void writeSource(Generation g, UserDirectory users) throws SQLException {
        Entity priority = g.model.entity(SUPPORT_CORE, "TicketPriority");
        int[] priorities = {priority.record("Low").dataId(), priority.record("Normal").dataId(),
            priority.record("High").dataId(), priority.record("Urgent").dataId()};
        long tickets = g.sizes.tickets();
        long customers = g.sizes.customers();
        long orders = g.sizes.orders();
        try (RowSink sink = g.sink(g.model.entity(SUPPORT_CORE, "Ticket"), "Id", "CustomerId", "OrderId",
                "ParentTicketId", "PriorityId", "AssignedTo", "Subject", "Body", "Attachment", "OpenedOn", "ClosedOn",
                "InternalNote", "RelatedOrderId", "DuplicateOf")) {
            for (long t = 1; t <= tickets; t++) {
                SplittableRandom r = RowRandom.of(g.seed(), "Ticket", t);
                Long parent = null;
                if (r.nextInt(5) == 0) {
                    long p = 1 + r.nextLong(tickets - 1); // any other ticket, before or after this one
                    parent = p >= t ? p + 1 : p;
                }
                LocalDateTime opened = ValuePools.omit(r, t, 5) ? null : ValuePools.dateTime(r);
                LocalDateTime closed = r.nextInt(10) < 4 ? SampleSolution.EMPTY_DATE_TIME
                        : (opened == null ? ValuePools.dateTime(r) : opened.plusMinutes(1 + r.nextInt(30 * 24 * 60)));
                sink.add(t, 1 + r.nextLong(customers),
                        r.nextBoolean() ? null : (Object) (1 + r.nextLong(orders)),
                        parent,
                        priorities[r.nextInt(priorities.length)],
                        ValuePools.omit(r, t, 30) ? null : (Object) users.endUser(r),
                        g.pools.text(r, 200),
                        ValuePools.omit(r, t, 20) ? null : g.pools.longText(r, 1500),
                        ValuePools.omit(r, t, 30) ? null : ValuePools.bytes(r, 0, 256),
                        opened, closed,
                        ValuePools.omit(r, t, 50) ? null : g.pools.text(r, 500),
                        relatedOrder(g, t, orders), duplicateOf(g, t, tickets));
            }
        }
        try (RowSink sink = g.sink(g.model.entity(SUPPORT_CORE, "TicketComment"), "Id", "TicketId", "AuthorId",
                "Content", "PostedOn")) {
            for (long m = 1; m <= g.sizes.ticketComments(); m++) {
                SplittableRandom r = RowRandom.of(g.seed(), "TicketComment", m);
                sink.add(m, 1 + r.nextLong(tickets), users.endUser(r),
                        ValuePools.omit(r, m, 10) ? null : g.pools.text(r, 1000),
                        ValuePools.omit(r, m, 5) ? null : ValuePools.dateTime(r));
            }
        }
    }
}
