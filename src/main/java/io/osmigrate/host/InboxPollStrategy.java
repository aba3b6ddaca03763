package io.osmigrate.host;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * The job inbox's poll strategy ({@code osmInboxPoll}): once the host is stopping, the inbox is not
 * polled any more, so a job file dropped during a stop stays in the inbox for the next start instead
 * of being taken and refused.
 */
final class InboxPollStrategy extends DefaultPollingConsumerPollStrategy {

    private final OsmHost host;

    InboxPollStrategy(OsmHost host) {
        this.host = host;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return !host.isStopping();
    }
}
