package io.osmigrate.host;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which host of a pair is the active one. Hosts sharing an inbox and a state store agree through Camel's cluster
 * service (a file lock in {@code osmigrate.cluster.folder} by default): the one holding the lock of
 * {@link #NAMESPACE} is active, and only its inbox and schedule routes run (they start through Camel's master
 * component, {@code master:osmigrate-host:…}); the others stand by and take over when it stops renewing the lock.
 *
 * <p>A standby holds nothing: it opens the state store only once it becomes active (the embedded store is locked to
 * one process), and settles the jobs an earlier active host left in {@code .inprogress/} before its first poll of
 * the inbox. An active host that loses the lock while it still runs (paused, or cut off from the shared folder for
 * longer than three heartbeats) stops itself, since another host has taken over: it lets go of everything it holds,
 * and its supervisor starts it again as a standby. Thread-safe; events arrive on the cluster service's thread and
 * the work they start runs on a thread of its own, so the lock's heartbeat is never held up.
 */
final class ActiveHost implements CamelClusterEventListener.Leadership {

    /** The cluster namespace the host's master routes share: one leader for the inbox and every schedule. */
    static final String NAMESPACE = "osmigrate-host";

    private static final Logger LOG = LoggerFactory.getLogger(ActiveHost.class);

    private final OsmHost host;
    private final Path lockFolder;
    private final Runnable stopHost;
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "osm-active-host");
        t.setDaemon(true);
        return t;
    });
    private boolean active;
    private boolean lost;

    /**
     * @param lockFolder where the lock is, for the log (the configured cluster folder)
     * @param stopHost   stops the whole host; called once, on a thread of its own, when the lock is lost
     */
    ActiveHost(OsmHost host, Path lockFolder, Runnable stopHost) {
        this.host = host;
        this.lockFolder = lockFolder;
        this.stopHost = stopHost;
    }

    @Override
    public synchronized void leadershipChanged(CamelClusterView view, CamelClusterMember leader) {
        boolean leading = view.getLocalMember().isLeader();
        if (leading == active || host.isStopping()) {
            return;
        }
        active = leading;
        if (leading) {
            LOG.info("This host is now the active one (it holds the lock in {}): it takes jobs and schedules", lockFolder);
            host.activated();
            work.execute(host::openStateStore);
        } else {
            lost = true;
            LOG.error("This host lost the lock in {} while active (paused, or cut off from that folder for longer than three"
                    + " heartbeats), so another host may have taken over: stopping, to let go of the state store and the"
                    + " inbox. Start it again to stand by", lockFolder);
            work.execute(stopHost);
        }
    }

    /** Says, once the host has started, what it waits for when it is not active yet. */
    synchronized void started() {
        if (!active) {
            LOG.info("Standing by: this host takes jobs and schedules once it holds the lock in {} (at once when no other"
                    + " host holds it)", lockFolder);
        }
    }

    synchronized boolean isActive() {
        return active;
    }

    /** Whether the host stopped because it lost the lock. */
    synchronized boolean lost() {
        return lost;
    }

    void close() {
        work.shutdown();
    }
}
