package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test seam for crash safety: with {@code -Dosmigrate.fault.pause-at=<point>:<n>} the process
 * prints {@code OSM-PAUSED <point> <n>} when it reaches the point for the n-th time and waits there,
 * so a test can kill it (SIGKILL) at exactly that moment; with {@code -Dosmigrate.fault.fail-at=<point>:<n>}
 * {@link #fail} throws a lost-connection error there instead. A test in the same process can instead hold every
 * thread that reaches a point until it lets them go ({@link #holdAt}), to look at a run while it is under way.
 * Without the properties or a hold it does nothing.
 */
public final class FaultInjection {

    private static final String PROPERTY = "osmigrate.fault.pause-at";
    private static final String TARGET = System.getProperty(PROPERTY);
    private static final String FAIL_TARGET = System.getProperty("osmigrate.fault.fail-at");
    private static final Map<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();
    private static volatile Hold hold;

    private FaultInjection() {
    }

    public static void pause(String point) {
        Hold held = hold;
        if (held != null && held.point.equals(point)) {
            held.await();
        }
        if (TARGET == null) {
            return;
        }
        int n = SEEN.computeIfAbsent(point, k -> new AtomicInteger()).incrementAndGet();
        if (TARGET.equals(point + ":" + n)) {
            System.out.println("OSM-PAUSED " + point + " " + n);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Throws a lost-connection error (SQL state 08006) the n-th time the point is reached, if asked to. */
    public static void fail(String point) throws SQLException {
        if (FAIL_TARGET == null) {
            return;
        }
        int n = SEEN.computeIfAbsent("fail:" + point, k -> new AtomicInteger()).incrementAndGet();
        if (FAIL_TARGET.equals(point + ":" + n)) {
            throw new SQLException("connection lost (injected at " + point + " " + n + ")", "08006");
        }
    }

    /**
     * Holds every thread that reaches the point from now on until {@link Hold#close} (in-process tests only).
     *
     * @throws IllegalStateException when a hold is already in place
     */
    public static synchronized Hold holdAt(String point) {
        if (hold != null) {
            throw new IllegalStateException("a hold at " + hold.point + " is already in place");
        }
        hold = new Hold(point);
        return hold;
    }

    /** A hold on a point; closing it lets every held thread go and removes it. */
    public static final class Hold implements AutoCloseable {

        private final String point;
        private final CountDownLatch open = new CountDownLatch(1);

        private Hold(String point) {
            this.point = point;
        }

        private void await() {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            synchronized (FaultInjection.class) {
                if (hold == this) {
                    hold = null;
                }
            }
            open.countDown();
        }
    }
}
