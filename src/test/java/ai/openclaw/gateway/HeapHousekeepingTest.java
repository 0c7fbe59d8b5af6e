package ai.openclaw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeapHousekeepingTest {
    private static final long MB = 1024 * 1024;

    /** An old generation whose occupancy the test sets; a collection leaves {@code live} bytes. */
    private static final class FakeHeap implements HeapHousekeeping.Heap {
        long used;
        long live;
        long liveAfterLast;
        int collections;

        @Override
        public long oldUsed() {
            return used;
        }

        @Override
        public long oldLiveAfterFullCollection() {
            return liveAfterLast;
        }

        @Override
        public void collect() {
            collections++;
            used = live;
            liveAfterLast = live;
        }
    }

    private final FakeHeap heap = new FakeHeap();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-22T12:00:00Z").toEpochMilli());
    private final HeapHousekeeping housekeeping = new HeapHousekeeping(heap, 48 * MB, 30_000, clock);

    @Test
    void belowTheThreshold_nothingIsCollected() {
        heap.used = 48 * MB;
        assertThat(housekeeping.tick()).isFalse();
        assertThat(heap.collections).isZero();
    }

    @Test
    void overTheThreshold_oneFullCollectionRuns_thenNotAgainWithinTheInterval() {
        heap.live = 20 * MB;
        heap.used = 49 * MB;
        assertThat(housekeeping.tick()).isTrue();
        assertThat(heap.collections).isEqualTo(1);

        heap.used = 60 * MB;
        clock.advance(Duration.ofSeconds(29));
        assertThat(housekeeping.tick()).as("29 s after the last one").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(housekeeping.tick()).isTrue();
        assertThat(heap.collections).isEqualTo(2);
    }

    @Test
    void theThresholdFollowsTheLiveSet_soALargeLiveSetIsNotCollectedOverAndOver() {
        heap.live = 40 * MB;
        heap.used = 50 * MB;
        assertThat(housekeeping.tick()).isTrue();
        assertThat(housekeeping.threshold()).isEqualTo(80 * MB);

        heap.used = 70 * MB;
        clock.advance(Duration.ofMinutes(5));
        assertThat(housekeeping.tick()).as("under twice the live set").isFalse();

        heap.live = 10 * MB;
        heap.used = 81 * MB;
        assertThat(housekeeping.tick()).isTrue();
        assertThat(housekeeping.threshold()).as("never below the base").isEqualTo(48 * MB);
    }

    @Test
    void theRunningJvm_hasAnOldGenerationThatReportsUsage() {
        assertThat(HeapHousekeeping.jvmHeap()).hasValueSatisfying(h -> {
            assertThat(h.oldUsed()).isGreaterThanOrEqualTo(0);
            assertThat(h.oldLiveAfterFullCollection()).isGreaterThanOrEqualTo(0);
        });
    }
}
