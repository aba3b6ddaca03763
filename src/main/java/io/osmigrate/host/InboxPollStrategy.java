package io.osmigrate.host;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * The job inbox's poll strategy ({@code osmInboxPoll}). Before the first poll of an active host, the jobs an
 * earlier host left in .inprogress/ move to .failed/ ({@link OsmHost#recoverIfDue}). Before each poll, entries named like a job that
 * are not regular files move to .failed/ with a result ({@link OsmHost#refuseIrregular}), so the file
 * consumer only ever sees regular files. Once the host is stopping, the inbox is not polled any more, so
 * a job file dropped during a stop stays in the inbox for the next start instead of being taken and refused.
 */
final class InboxPollStrategy extends DefaultPollingConsumerPollStrategy {

    private final OsmHost host;

    InboxPollStrategy(OsmHost host) {
        this.host = host;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        if (host.isStopping()) {
            return false;
        }
        host.recoverIfDue();
        if (endpoint instanceof GenericFileEndpoint<?> files && files.getIncludePattern() != null) {
            host.refuseIrregular(files.getIncludePattern());
        }
        return true;
    }
}
