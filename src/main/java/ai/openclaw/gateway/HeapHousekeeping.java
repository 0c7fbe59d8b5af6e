package ai.openclaw.gateway;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.util.Optional;

/**
 * Keeps a long-running gateway's heap near its live set.
 *
 * <p>Every client connection and pooled upstream connection carries some tens of KB (buffers, parser state) that
 * live as long as the connection: seconds to minutes, long enough to be promoted to the old generation. When the
 * connections close, that memory is garbage in the old generation, and the Serial and Parallel collectors grow the
 * old generation rather than collect it until the heap reaches its cap (512 MB, for large request bodies). Measured
 * under the benchmark's load: RSS crept from 136 to 289 MB in 13 minutes. So when the old generation's occupancy
 * passes a threshold, one full collection runs (at most once per {@code minIntervalMillis}), after which the collector
 * shrinks the heap back towards the live set. The threshold follows the live set: at least {@code baseThreshold},
 * and twice what the last full collection kept.
 *
 * <p>{@link #tick()} does one check; {@link #startDaemon} runs it every few seconds on a daemon thread.
 */
public final class HeapHousekeeping {
    /** What the housekeeping needs from the JVM. */
    interface Heap {
        /** Bytes used in the old generation now. */
        long oldUsed();

        /** Bytes the old generation kept after its last full collection (0 before the first). */
        long oldLiveAfterFullCollection();

        /** Runs a full collection. */
        void collect();
    }

    static final long BASE_THRESHOLD = 48L * 1024 * 1024;
    static final long MIN_INTERVAL_MILLIS = 30_000;
    static final long CHECK_EVERY_MILLIS = 5_000;

    private final Heap heap;
    private final long baseThreshold;
    private final long minIntervalMillis;
    private final Clock clock;
    private long threshold;
    private long lastCollection = Long.MIN_VALUE;

    HeapHousekeeping(Heap heap, long baseThreshold, long minIntervalMillis, Clock clock) {
        this.heap = heap;
        this.baseThreshold = baseThreshold;
        this.minIntervalMillis = minIntervalMillis;
        this.clock = clock;
        this.threshold = baseThreshold;
    }

    /** One check: collects when the old generation is over the threshold and the last collection is old enough. */
    boolean tick() {
        if (heap.oldUsed() <= threshold) {
            return false;
        }
        long now = clock.millis();
        if (lastCollection != Long.MIN_VALUE && now - lastCollection < minIntervalMillis) {
            return false;
        }
        lastCollection = now;
        heap.collect();
        threshold = Math.max(baseThreshold, 2 * heap.oldLiveAfterFullCollection());
        return true;
    }

    long threshold() {
        return threshold;
    }

    /** The running JVM's old generation, when its collector has one that reports usage (Serial, Parallel, G1). */
    static Optional<Heap> jvmHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            // eden and survivor spaces support neither threshold; the old generation supports both
            if (pool.getType() == MemoryType.HEAP && pool.isUsageThresholdSupported()
                    && pool.isCollectionUsageThresholdSupported()) {
                return Optional.of(new Heap() {
                    @Override
                    public long oldUsed() {
                        return pool.getUsage().getUsed();
                    }

                    @Override
                    public long oldLiveAfterFullCollection() {
                        var after = pool.getCollectionUsage();
                        return after == null ? 0 : after.getUsed();
                    }

                    @Override
                    public void collect() {
                        System.gc();
                    }
                });
            }
        }
        return Optional.empty();
    }

    /** Checks every {@link #CHECK_EVERY_MILLIS} ms on a daemon thread until the returned handle is closed. */
    public static AutoCloseable startDaemon(Clock clock) {
        Optional<Heap> heap = jvmHeap();
        if (heap.isEmpty()) {
            return () -> { };
        }
        HeapHousekeeping housekeeping = new HeapHousekeeping(heap.get(), BASE_THRESHOLD, MIN_INTERVAL_MILLIS, clock);
        Thread thread = Thread.ofPlatform().daemon().name("openclaw-heap-housekeeping").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(CHECK_EVERY_MILLIS);
                    housekeeping.tick();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return thread::interrupt;
    }
}
