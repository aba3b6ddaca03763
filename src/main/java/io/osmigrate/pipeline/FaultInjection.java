package io.osmigrate.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test seam for crash safety: with {@code -Dosmigrate.fault.pause-at=<point>:<n>} the process
 * prints {@code OSM-PAUSED <point> <n>} when it reaches the point for the n-th time and waits there,
 * so a test can kill it (SIGKILL) at exactly that moment. Without the property it does nothing.
 */
public final class FaultInjection {

    private static final String PROPERTY = "osmigrate.fault.pause-at";
    private static final String TARGET = System.getProperty(PROPERTY);
    private static final Map<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();

    private FaultInjection() {
    }

    public static void pause(String point) {
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
}
