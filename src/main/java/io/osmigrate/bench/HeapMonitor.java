package io.osmigrate.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches the heap while the data phase runs. On start it runs a full GC ({@code System.gc()}) and resets the
 * peak usage of every heap pool; then three views are kept until {@link #stop()}:
 * <ul>
 *   <li>a daemon thread samples {@code MemoryMXBean} heap used every {@code interval} (50 ms);</li>
 *   <li>a GC notification listener records the heap used just before and just after every later collection:
 *       the before-GC figure catches the peaks between two samples; the largest after-GC figure (at least the heap
 *       used right after the start's full GC) bounds the live set from above: a young collection leaves the dead
 *       objects of the old generation in place, so it is the live set only after a full or mixed collection;</li>
 *   <li>on stop, the sum of the heap pools' peak usages since the reset (an upper bound: pools peak at different
 *       times);</li>
 *   <li>every {@link #LIVE_PROBE_INTERVAL}, the sampler runs a full GC and records the heap used right after it: the
 *       live set at that moment. G1 lets the heap fill up to its limit before it collects the old generation, so
 *       heap used (and "after GC" of young collections) follows the collector's heuristics and the run's length,
 *       not what the run retains; the largest live probe is the figure that shows whether memory grows with the
 *       table sizes. The probes' pauses are part of the measured time and reported;</li>
 *   <li>on stop, after the data phase and outside its time, one more full GC: the live set at the end, when no
 *       batch is in flight, which compares runs of different sizes at the same moment.</li>
 * </ul>
 * The reported peak heap used is the larger of the sampled maximum and the largest before-GC figure.
 */
final class HeapMonitor {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong sampledPeak = new AtomicLong();
    private final AtomicLong committedPeak = new AtomicLong();
    private final AtomicLong beforeGcPeak = new AtomicLong();
    private final AtomicLong afterGcPeak = new AtomicLong();
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicLong livePeak = new AtomicLong();
    private final AtomicInteger liveProbes = new AtomicInteger();
    private final AtomicLong liveProbeNanos = new AtomicLong();
    private final AtomicInteger collections = new AtomicInteger();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final Map<String, Long> armedAfter = new ConcurrentHashMap<>();
    private final NotificationListener listener = this::onGc;
    private final long interval;
    private final long baseline;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapMonitor(Duration interval) {
        this.interval = interval.toMillis();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        // what this collection finds (the garbage of building the sample) is not the data phase's: only the
        // collections after it count
        System.gc();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            armedAfter.put(gc.getName(), gc.getCollectionCount());
        }
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        this.baseline = memory.getHeapMemoryUsage().getUsed();
        afterGcPeak.accumulateAndGet(baseline, Math::max);
        this.sampler = new Thread(this::sample, "osm-bench-heap");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapMonitor start(Duration interval) {
        return new HeapMonitor(interval);
    }

    /** How often the sampler measures the live set with a full GC. */
    static final Duration LIVE_PROBE_INTERVAL = Duration.ofSeconds(5);

    private void sample() {
        long nextProbe = System.nanoTime() + LIVE_PROBE_INTERVAL.toNanos();
        while (running) {
            if (System.nanoTime() >= nextProbe) {
                probeLiveSet();
                nextProbe = System.nanoTime() + LIVE_PROBE_INTERVAL.toNanos();
            }
            MemoryUsage heap = memory.getHeapMemoryUsage();
            sampledPeak.accumulateAndGet(heap.getUsed(), Math::max);
            committedPeak.accumulateAndGet(heap.getCommitted(), Math::max);
            samples.incrementAndGet();
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void probeLiveSet() {
        long start = System.nanoTime();
        System.gc();
        long live = memory.getHeapMemoryUsage().getUsed();
        liveProbeNanos.addAndGet(System.nanoTime() - start);
        liveProbes.incrementAndGet();
        livePeak.accumulateAndGet(live, Math::max);
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        Long armed = armedAfter.get(info.getGcName());
        if (armed == null || info.getGcInfo().getId() <= armed) {
            return; // the collection of the start, or earlier
        }
        collections.incrementAndGet();
        beforeGcPeak.accumulateAndGet(heapSum(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        afterGcPeak.accumulateAndGet(heapSum(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
    }

    private long heapSum(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
            if (heapPoolNames.contains(e.getKey())) {
                sum += e.getValue().getUsed();
            }
        }
        return sum;
    }

    /** Stops watching and returns the figures. */
    BenchResult.Heap stop() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
        MemoryUsage last = memory.getHeapMemoryUsage();
        sampledPeak.accumulateAndGet(last.getUsed(), Math::max);
        long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc();
        long liveAtEnd = memory.getHeapMemoryUsage().getUsed();
        return new BenchResult.Heap(Math.max(sampledPeak.get(), beforeGcPeak.get()), sampledPeak.get(), beforeGcPeak.get(),
                afterGcPeak.get(), poolPeaks, committedPeak.get(), baseline, Runtime.getRuntime().maxMemory(), samples.get(),
                interval, collections.get(), Math.max(livePeak.get(), baseline), liveProbes.get(), liveProbeNanos.get() / 1e9,
                liveAtEnd, METHOD);
    }

    static final String METHOD = "System.gc() and a reset of every heap pool's peak usage at the start; during the run a daemon"
            + " thread samples MemoryMXBean heap used every 50 ms and a GC notification listener records the heap used"
            + " before and after each later collection; peak heap used = max(sampled, before-GC); max after GC ="
            + " max(heap used after the start's GC, after each later GC), an upper bound of the live set;"
            + " pool-peak sum = sum of the heap pools' peak usages (an upper bound); live peak = max(heap used after the"
            + " start's GC, heap used right after a System.gc() the sampler runs every 5 s), the largest live set seen;"
            + " live at end = heap used after a System.gc() once the data phase has returned";
}
