package ai.openclaw.routing;

import static ai.openclaw.routing.RoutingFixture.NOW;
import static ai.openclaw.routing.RoutingFixture.key;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.store.AuthState;
import ai.openclaw.store.AuthStoreRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateWriterTest {
    @TempDir
    Path root;

    private RoutingFixture fx;
    private final AtomicInteger writes = new AtomicInteger();
    private final List<Long> writtenUpTo = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        fx = new RoutingFixture(root);
        fx.profile("openai:a", key("openai", "sk-a-0123456789")).profile("openai:b", key("openai", "sk-b-0123456789"))
                .profile("other", "openai:c", key("openai", "sk-c-0123456789"));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private StateWriter writer(Duration coalesce) {
        Function<String, AuthStoreRepository> counting = agentId -> {
            writes.incrementAndGet();
            return fx.repository(agentId);
        };
        return new StateWriter(counting, fx.clock, coalesce, new StateWriter.Listener() {
            @Override
            public void written(String agentId, AuthState onDisk, long upToSeq) {
                writtenUpTo.add(upToSeq);
            }

            @Override
            public void failed(String agentId, RuntimeException error, int attempt, boolean dropped, long upToSeq) {
                throw new AssertionError("unexpected write failure", error);
            }
        });
    }

    @Test
    void manyChangesOfOneAgent_costOneWritePerFlush_appliedInOrder() {
        try (StateWriter w = writer(Duration.ofHours(1))) {
            long seq = 0;
            for (int i = 0; i < 50; i++) {
                w.submit("main", new StateChange.Success(i % 2 == 0 ? "openai:a" : "openai:b", "openai", NOW + i),
                        ++seq);
            }
            w.submit("other", new StateChange.Success("openai:c", "openai", NOW), ++seq);
            w.flush();
            assertThat(writes).hasValue(2);
            assertThat(fx.statsOnDisk("openai:a").lastUsed()).isEqualTo(NOW + 48);
            assertThat(fx.statsOnDisk("openai:b").lastUsed()).isEqualTo(NOW + 49);
            assertThat(fx.stateOnDisk().lastGood()).containsEntry("openai", "openai:b");
            assertThat(fx.stateOnDisk("other").stats("openai:c").lastUsed()).isEqualTo(NOW);
            assertThat(writtenUpTo).containsExactlyInAnyOrder(50L, 51L);

            w.flush();
            assertThat(writes).as("nothing pending, nothing written").hasValue(2);
        }
    }

    @Test
    void repeatedSuccessesInOneBatch_writeTheSameStateAsEveryChangeAppliedInOrder() {
        // the batch keeps one success where several of the same profile and provider add nothing; what lands on
        // disk (values and key order) must be what applying every change in order gives
        fx.profile("anthropic:x", key("anthropic", "sk-ant-x-0123456789"));
        AuthState before = fx.stateOnDisk();
        ai.openclaw.config.CooldownConfig cooldowns = ai.openclaw.config.CooldownConfig.DEFAULTS;
        List<StateChange> changes = List.of(
                new StateChange.Success("openai:b", "openai", NOW + 1),
                new StateChange.Success("anthropic:x", "anthropic", NOW + 2),
                new StateChange.Success("openai:b", "openai", NOW + 3),
                new StateChange.Success("anthropic:x", "anthropic", NOW + 4),
                new StateChange.Success("openai:a", "openai", NOW + 5),
                new StateChange.Success("openai:b", "openai", NOW + 6),
                new StateChange.Failure("openai:a", "openai", ai.openclaw.store.FailureReason.RATE_LIMIT,
                        "gpt-test", NOW + 7, null, cooldowns),
                new StateChange.Success("openai:a", "openai", NOW + 8),
                new StateChange.Success("openai:a", "openai", NOW + 9),
                new StateChange.Success("openai:a", "OpenAI", NOW + 10),
                new StateChange.Success("openai:a", "openai", NOW + 11));
        AuthState expected = before;
        for (StateChange c : changes) {
            expected = c.applyTo(expected);
        }
        expected = UsageUpdates.sweepExpired(expected, fx.clock.millis());
        try (StateWriter w = writer(Duration.ofHours(1))) {
            long seq = 0;
            for (StateChange c : changes) {
                w.submit("main", c, ++seq);
            }
            w.flush();
            AuthState onDisk = fx.stateOnDisk();
            assertThat(onDisk).isEqualTo(expected);
            assertThat(List.copyOf(onDisk.usageStats().keySet()))
                    .containsExactlyElementsOf(List.copyOf(expected.usageStats().keySet()));
            assertThat(List.copyOf(onDisk.lastGood().keySet()))
                    .containsExactlyElementsOf(List.copyOf(expected.lastGood().keySet()));
            assertThat(writtenUpTo).containsExactly((long) changes.size());
        }
    }

    @Test
    void close_writesWhatIsPending() {
        StateWriter w = writer(Duration.ofHours(1));
        w.submit("main", new StateChange.Success("openai:a", "openai", NOW), 1);
        w.close();
        assertThat(fx.statsOnDisk("openai:a").lastUsed()).isEqualTo(NOW);
    }

    @Test
    void theBackgroundThread_writesWithoutFlush() throws InterruptedException {
        try (StateWriter w = writer(Duration.ZERO)) {
            w.submit("main", new StateChange.Success("openai:a", "openai", NOW), 1);
            // no timing assertion: wait until the background write shows up (the listener hears of it just after
            // the file is written)
            while (fx.statsOnDisk("openai:a").lastUsed() == null || writtenUpTo.isEmpty()) {
                Thread.sleep(5);
            }
            assertThat(writtenUpTo).contains(1L);
        }
    }
}
