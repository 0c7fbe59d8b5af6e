package ai.openclaw.routing;

import static ai.openclaw.routing.RoutingFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cooldown memory of keys without a profile, models.json keys as a credential source, the probe of one cooling
 * profile when all are cooling, and the run's attempt cap.
 */
class RouterKeyMemoryAndProbeTest {
    private static final String MODEL = "groq/llama-3.3-70b";

    @TempDir
    Path root;

    private RoutingFixture fx;
    private Router router;
    private final Upstream upstream = new Upstream();

    @BeforeEach
    void setUp() {
        fx = new RoutingFixture(root).config("{}");
        router = fx.router();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private RouteResult<String> run(String model) {
        return router.execute(router.plan(RouteRequest.of(model)), upstream);
    }

    private NoRouteException fails(String model) {
        return catchThrowableOfType(NoRouteException.class, () -> run(model));
    }

    @Test
    void aRateLimitedEnvKey_isSkippedByTheNextRequest_untilItsCooldownEnds() {
        fx.env("GROQ_API_KEYS", "k1 k2");
        upstream.fail("env: GROQ_API_KEYS[1]", Upstream.status(429));
        run(MODEL);
        assertThat(upstream.labels()).containsExactly("env: GROQ_API_KEYS[1]", "env: GROQ_API_KEYS[2]");

        upstream.attempts.clear();
        RouteResult<String> second = run(MODEL);
        assertThat(upstream.labels()).containsExactly("env: GROQ_API_KEYS[2]");
        assertThat(second.attempts()).extracting(AttemptRecord::reason).containsExactly("cooldown", null);

        fx.clock.advance(31_000L);
        upstream.heal("env: GROQ_API_KEYS[1]");
        upstream.attempts.clear();
        run(MODEL);
        assertThat(upstream.labels()).as("the first rung (30 s) is over").containsExactly("env: GROQ_API_KEYS[1]");
    }

    @Test
    void anEnvKeyRateLimit_isScopedToTheModel() {
        fx.env("GROQ_API_KEY", "k1");
        upstream.fail("env: GROQ_API_KEY", MODEL, Upstream.status(429));
        fails(MODEL);
        upstream.attempts.clear();
        run("groq/other-model");
        assertThat(upstream.labels()).containsExactly("env: GROQ_API_KEY");
    }

    @Test
    void anEnvKeyThatSucceeds_startsClean() {
        fx.env("GROQ_API_KEY", "k1");
        upstream.fail("env: GROQ_API_KEY", Upstream.status(401, "Invalid API Key"));
        fails(MODEL);
        fx.clock.advance(31_000L);
        upstream.heal("env: GROQ_API_KEY");
        run(MODEL);
        upstream.fail("env: GROQ_API_KEY", Upstream.status(401, "Invalid API Key"));
        NoRouteException e = fails(MODEL);
        assertThat(e.attempts()).extracting(AttemptRecord::remainingMs)
                .as("the ladder starts again at 30 s after a success").containsExactly(30_000L);
    }

    @Test
    void allEnvKeysCooling_answers429_withTheSoonestRecovery() {
        fx.env("GROQ_API_KEYS", "k1 k2");
        upstream.fail("env: GROQ_API_KEYS[1]", Upstream.status(429)).fail("env: GROQ_API_KEYS[2]",
                Upstream.status(429));
        fails(MODEL);
        fx.clock.advance(10_000L);
        upstream.attempts.clear();
        NoRouteException e = fails(MODEL);
        assertThat(upstream.labels()).isEmpty();
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfterMs()).isEqualTo(20_000L);
    }

    @Test
    void aChangedKeyValue_isNotHeldToTheOldValuesCooldown() {
        fx.env("GROQ_API_KEY", "k1");
        upstream.fail("env: GROQ_API_KEY", Upstream.status(429));
        fails(MODEL);
        fx.env("GROQ_API_KEY", "k2");
        upstream.heal("env: GROQ_API_KEY");
        upstream.attempts.clear();
        run(MODEL);
        assertThat(upstream.labels()).containsExactly("env: GROQ_API_KEY");
    }

    @Test
    void modelsJsonKey_servesAfterConfigAndEnvKeys() {
        fx.config("{ models: { providers: { groq: { apiKey: \"config-key-0123\" } } } }")
                .modelsJsonKey("groq", "models-json-key-0123");
        upstream.fail("config: models.providers.groq.apiKey", Upstream.status(429));
        RouteResult<String> r = run(MODEL);
        assertThat(upstream.labels()).containsExactly("config: models.providers.groq.apiKey",
                "models.json: providers.groq.apiKey");
        assertThat(r.served().credential().secret().reveal()).isEqualTo("models-json-key-0123");
    }

    @Test
    void modelsJsonKey_namingAnEnvVariable_readsThatVariable() {
        fx.env("MY_GROQ", "from-variable-0123").modelsJsonKey("groq", "MY_GROQ");
        RouteResult<String> r = run(MODEL);
        assertThat(r.served().credential().secret().reveal()).isEqualTo("from-variable-0123");
    }

    @Test
    void modelsJsonKey_equalToAnEarlierCandidate_isTriedOnce() {
        fx.env("GROQ_API_KEY", "same-0123").modelsJsonKey("groq", "same-0123");
        upstream.fail("env: GROQ_API_KEY", Upstream.status(429));
        fails(MODEL);
        assertThat(upstream.labels()).containsExactly("env: GROQ_API_KEY");
    }

    @Test
    void allProfilesCoolingForATransientReason_nearRecovery_oneIsProbed_andServes() {
        fx.profile("groq:a", key("groq", "gsk-a-0123456789")).profile("groq:b", key("groq", "gsk-b-0123456789"));
        upstream.fail("groq:a", Upstream.status(429)).fail("groq:b", Upstream.status(429));
        fails(MODEL);
        // both cool down for 30 s (the first rung); within 2 min of recovery one is tried anyway
        upstream.heal("groq:a").heal("groq:b");
        upstream.attempts.clear();
        fx.clock.advance(5_000L);
        RouteResult<String> r = run(MODEL);
        assertThat(upstream.labels()).hasSize(1);
        assertThat(r.served().credential().source().label()).isIn("groq:a", "groq:b");
        router.flush();
        assertThat(fx.statsOnDisk(r.served().credential().source().label()).cooldownUntil())
                .as("the probe's success ends the cooldown").isNull();
    }

    @Test
    void theProbe_isThrottled_to_onePer30Seconds() {
        fx.profile("groq:a", key("groq", "gsk-a-0123456789"));
        upstream.fail("groq:a", Upstream.status(429));
        fails(MODEL);
        upstream.attempts.clear();
        fx.clock.advance(1_000L);
        fails(MODEL);
        fails(MODEL);
        assertThat(upstream.labels()).as("one probe, then the throttle").containsExactly("groq:a");
        fx.clock.advance(30_000L);
        upstream.attempts.clear();
        fails(MODEL);
        assertThat(upstream.labels()).containsExactly("groq:a");
    }

    @Test
    void profilesCoolingAfterAnAuthFailure_areNotProbed() {
        fx.profile("groq:a", key("groq", "gsk-a-0123456789"));
        upstream.fail("groq:a", Upstream.status(401, "Invalid API Key"));
        fails(MODEL);
        upstream.heal("groq:a");
        upstream.attempts.clear();
        fx.clock.advance(1_000L);
        NoRouteException e = fails(MODEL);
        assertThat(upstream.labels()).isEmpty();
        assertThat(e.attempts()).extracting(AttemptRecord::reason).containsExactly("cooldown");
    }

    @Test
    void aCooldownFarFromItsEnd_isNotProbed() {
        fx.profile("groq:a", key("groq", "gsk-a-0123456789"));
        upstream.fail("groq:a", Upstream.rateLimited(600_000));
        fails(MODEL);
        upstream.heal("groq:a");
        upstream.attempts.clear();
        fx.clock.advance(1_000L);
        NoRouteException e = fails(MODEL);
        assertThat(upstream.labels()).isEmpty();
        assertThat(e.status()).isEqualTo(429);
    }

    @Test
    void runRetries_capGrowsWithTheCandidates_andIsClamped() {
        assertThat(RunRetries.DEFAULT.maxAttempts(0)).isEqualTo(32);
        assertThat(RunRetries.DEFAULT.maxAttempts(2)).isEqualTo(40);
        assertThat(RunRetries.DEFAULT.maxAttempts(100)).isEqualTo(160);
    }

    @Test
    void aRequestStopsAtTheAttemptCap_andListsTheRestAsRetryLimit() {
        fx.config("{ agents: { defaults: { model: { primary: \"groq/llama-3.3-70b\", fallbacks: [\"openai/gpt-4o\"] } } } }");
        fx.env("GROQ_API_KEY", "g0");
        StringBuilder keys = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            keys.append("k").append(i).append(' ');
            upstream.fail("env: OPENAI_API_KEYS[" + i + "]", Upstream.status(429));
        }
        fx.env("OPENAI_API_KEYS", keys.toString());
        upstream.fail("env: GROQ_API_KEY", Upstream.status(429));
        NoRouteException e = fails(null);
        // the first model has one candidate: cap = max(32, 24 + 8 * 1) = 32 attempts in the whole request
        assertThat(upstream.labels()).hasSize(32);
        assertThat(e.attempts()).filteredOn(a -> RunRetries.RETRY_LIMIT.equals(a.reason())).hasSize(9);
    }
}
