package io.osmigrate.state;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time between two environments, whichever process or host starts it, on every state-store engine:
 * a row of {@code OSM_RUN_LOCK} per (source, destination) names the run that holds them. The holder renews a lease
 * while it runs ({@link RunLock}); a second run finds the row and is refused with a {@link RunLockedException}
 * naming the holder. A holder that died is replaced, so it never blocks for long: at once when it ran on this
 * machine and its process is gone, otherwise when its lease runs out. Lease times come from the state store's own
 * clock, so hosts whose clocks differ agree. Thread-safe: every call uses its own connection, in autocommit.
 */
public final class RunLocks {

    /** How long a holder that stopped renewing (its process died elsewhere) keeps the environments. */
    static final Duration LEASE = Duration.ofSeconds(20);
    /** How often a holder renews: a lease survives three missed renewals. */
    static final Duration RENEW_EVERY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(RunLocks.class);
    private static final int ATTEMPTS = 5;

    /**
     * Who holds two environments.
     *
     * @param expired its lease ran out: its process stopped renewing it
     */
    public record Holding(String runId, String spec, String host, long pid, Instant acquiredAt, Instant leaseUntil,
                          boolean expired) {
    }

    private final DataSource store;
    private final Runnable onAcquired;
    private final String now;
    private final Duration lease;
    private final Duration renewEvery;
    private final String host = localHost();
    private final long pid = ProcessHandle.current().pid();

    /**
     * @param onAcquired run each time a run takes two environments: what this process remembers of them may be out
     *                   of date, since other processes may have run between them since it last did
     */
    RunLocks(DataSource store, StateEngine engine, Runnable onAcquired) {
        this(store, engine, onAcquired, LEASE, RENEW_EVERY);
    }

    /** With other lease times (tests). */
    RunLocks(DataSource store, StateEngine engine, Runnable onAcquired, Duration lease, Duration renewEvery) {
        this.store = store;
        this.onAcquired = onAcquired;
        this.now = engine.nowMillis();
        this.lease = lease;
        this.renewEvery = renewEvery;
    }

    /**
     * Takes the two environments for the run, before it reads or writes anything (recovery included, which would
     * settle the other run's batches as if that run had died); the lock renews its lease until it is closed.
     *
     * @throws RunLockedException another run holds them; the message names it
     */
    public RunLock acquire(String source, String destination, String runId, String spec) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Holding> held = holder(source, destination);
            if (held.isEmpty()) {
                if (insert(source, destination, runId, spec)) {
                    return held(source, destination, runId);
                }
                continue; // another run took them meanwhile: look again
            }
            Holding h = held.get();
            // our own pid is a run of this process that has not let go: alive, whatever its run id
            boolean deadHere = h.host().equals(host) && h.pid() != pid
                    && !ProcessHandle.of(h.pid()).map(ProcessHandle::isAlive).orElse(false);
            if (!h.expired() && !deadHere) {
                throw new RunLockedException(refusal(source, destination, h));
            }
            if (takeOver(source, destination, h, runId, spec)) {
                LOG.warn("Run {} takes {} → {} over from run {} ({} pid {}), {}", runId, source, destination, h.runId(), h.host(),
                        h.pid(), deadHere ? "whose process is gone" : "whose lease ran out at " + h.leaseUntil());
                return held(source, destination, runId);
            }
        }
        throw new StateException("cannot take " + source + " → " + destination + " for run " + runId + ": other runs took and"
                + " released them " + ATTEMPTS + " times meanwhile; run again", null);
    }

    private RunLock held(String source, String destination, String runId) {
        onAcquired.run();
        return new RunLock(this, source, destination, runId, renewEvery);
    }

    /** Who holds the two environments now, if anyone. */
    public Optional<Holding> holder(String source, String destination) {
        String sql = "SELECT RUN_ID, SPEC, HOLDER_HOST, HOLDER_PID, ACQUIRED_AT, LEASE_UNTIL, CASE WHEN LEASE_UNTIL < " + now
                + " THEN 1 ELSE 0 END FROM OSM_RUN_LOCK WHERE SOURCE_ENV = ? AND DESTINATION_ENV = ?";
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, source);
            ps.setString(2, destination);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Holding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)), rs.getInt(7) == 1));
            }
        } catch (SQLException e) {
            throw new StateException("cannot read who holds " + source + " → " + destination, e);
        }
    }

    /** Extends the run's lease; false when the run no longer holds the environments (another run took them over). */
    boolean renew(String source, String destination, String runId) throws SQLException {
        return update("UPDATE OSM_RUN_LOCK SET LEASE_UNTIL = " + now + " + ? WHERE SOURCE_ENV = ? AND DESTINATION_ENV = ?"
                + " AND RUN_ID = ?", lease.toMillis(), source, destination, runId) == 1;
    }

    /** Gives the environments back, if the run still holds them. */
    void release(String source, String destination, String runId) throws SQLException {
        update("DELETE FROM OSM_RUN_LOCK WHERE SOURCE_ENV = ? AND DESTINATION_ENV = ? AND RUN_ID = ?", source, destination, runId);
    }

    /** False when a row for the pair appeared first (the primary key refused this one). */
    private boolean insert(String source, String destination, String runId, String spec) {
        try {
            update("INSERT INTO OSM_RUN_LOCK (SOURCE_ENV, DESTINATION_ENV, RUN_ID, SPEC, HOLDER_HOST, HOLDER_PID, ACQUIRED_AT,"
                    + " LEASE_UNTIL) VALUES (?, ?, ?, ?, ?, ?, " + now + ", " + now + " + ?)", source, destination, runId,
                    shortened(spec), host, pid, lease.toMillis());
            return true;
        } catch (SQLException e) {
            if (holder(source, destination).isPresent()) {
                return false;
            }
            throw new StateException("cannot take " + source + " → " + destination + " for run " + runId, e);
        }
    }

    /** Replaces a holder that died, unless it renewed or another run replaced it first. */
    private boolean takeOver(String source, String destination, Holding dead, String runId, String spec) {
        try {
            return update("UPDATE OSM_RUN_LOCK SET RUN_ID = ?, SPEC = ?, HOLDER_HOST = ?, HOLDER_PID = ?, ACQUIRED_AT = " + now
                    + ", LEASE_UNTIL = " + now + " + ? WHERE SOURCE_ENV = ? AND DESTINATION_ENV = ? AND RUN_ID = ?"
                    + " AND LEASE_UNTIL = ?", runId, shortened(spec), host, pid, lease.toMillis(), source, destination,
                    dead.runId(), dead.leaseUntil().toEpochMilli()) == 1;
        } catch (SQLException e) {
            throw new StateException("cannot take " + source + " → " + destination + " over for run " + runId, e);
        }
    }

    private int update(String sql, Object... args) throws SQLException {
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private String refusal(String source, String destination, Holding h) {
        return "another run holds " + source + " → " + destination + ": run " + h.runId() + " of " + h.spec() + ", started "
                + h.acquiredAt() + " on " + h.host() + " (pid " + h.pid() + "). One run between two environments at a time;"
                + " nothing was read or written. Run again once it has ended (osmigrate runs shows it); should its process"
                + " be gone, its hold lapses at " + h.leaseUntil();
    }

    /** A spec path as long as the column takes (it only names the holder in messages). */
    private static String shortened(String spec) {
        return spec.length() <= 400 ? spec : "..." + spec.substring(spec.length() - 397);
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String name = System.getenv("HOSTNAME");
            return name == null || name.isBlank() ? "unknown-host" : name;
        }
    }
}
