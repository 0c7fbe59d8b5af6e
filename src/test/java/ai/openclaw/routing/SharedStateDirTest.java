package ai.openclaw.routing;

import static ai.openclaw.routing.RoutingFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways on one state directory: each has its own router, lock manager and repository (as two processes would),
 * and their background writers run concurrently. No recorded outcome may be lost.
 */
class SharedStateDirTest {
    private static final int PROFILES = 12;
    private static final int REQUESTS_PER_GATEWAY = 3;

    @TempDir
    Path root;

    private RoutingFixture first;
    private RoutingFixture second;

    @BeforeEach
    void setUp() {
        String config = """
                { auth: { cooldowns: { rateLimitedProfileRotations: 100 } } }
                """;
        first = new RoutingFixture(root).config(config);
        second = new RoutingFixture(root).config(config);
        for (int i = 0; i < PROFILES; i++) {
            first.profile("openai:p" + i, key("openai", "sk-p" + i + "-0123456789"));
        }
        // each gateway keeps the snapshot it started with, so neither sees the other's cooldowns: both try every
        // profile, and the two failures of each profile meet only in the file
        first.freezeSnapshots();
        second.freezeSnapshots();
    }

    @AfterEach
    void tearDown() {
        first.close();
        second.close();
    }

    @Test
    void twoGatewaysRecordingConcurrently_loseNoUpdate() throws Exception {
        Router a = first.router(Duration.ZERO);
        Router b = second.router(Duration.ZERO);
        Upstream upstream = new Upstream();
        for (int i = 0; i < PROFILES; i++) {
            upstream.fail("openai:p" + i, Upstream.status(401));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Router router : List.of(a, b)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int r = 0; r < REQUESTS_PER_GATEWAY; r++) {
                        String model = "openai/model-" + r;
                        catchThrowableOfType(NoRouteException.class,
                                () -> router.execute(router.plan(RouteRequest.of(model)), upstream));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        a.flush();
        b.flush();

        // each gateway tries a profile at most once (auth cools the whole profile); it may also skip one the other
        // gateway has already cooled down and written, so a profile sees one or two calls
        assertThat(upstream.calls).hasSizeBetween(PROFILES, 2 * PROFILES);
        for (int i = 0; i < PROFILES; i++) {
            String id = "openai:p" + i;
            long calls = upstream.calls.stream().filter(c -> c.startsWith(id + " ")).count();
            assertThat(calls).as("calls of " + id).isBetween(1L, 2L);
            // no lost update: every failed call of either gateway is counted on disk
            UsageStats s = first.statsOnDisk(id);
            assertThat(s.errorCount()).as("errorCount of " + id).isEqualTo((int) calls);
            assertThat(s.failureCounts()).as("failureCounts of " + id).containsEntry(FailureReason.AUTH, (int) calls);
        }
        assertThat(first.warnings).isEmpty();
        assertThat(second.warnings).isEmpty();
    }

    @Test
    void successesFromBothGateways_allLand() {
        Router a = first.router(Duration.ZERO);
        Router b = second.router(Duration.ZERO);
        Upstream upstream = new Upstream();
        for (int r = 0; r < PROFILES; r++) {
            // each gateway's view moves lastUsed, so successive requests walk the profiles round-robin
            a.execute(a.plan(RouteRequest.of("openai/gpt-4o-mini")), upstream);
            b.execute(b.plan(RouteRequest.of("openai/gpt-4o-mini")), upstream);
            first.clock.advance(1);
            second.clock.advance(1);
        }
        a.flush();
        b.flush();
        for (int i = 0; i < PROFILES; i++) {
            assertThat(first.statsOnDisk("openai:p" + i).lastUsed()).as("lastUsed of p" + i).isNotNull();
        }
    }
}
