package ai.openclaw.routing;

import static ai.openclaw.routing.RoutingFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Next profile, next model, or stop (store-and-selection §6.4, §7). */
class RouterRotationTest {
    private static final String CONFIG = """
            {
              agents: { defaults: { model: { primary: "openai/gpt-4o", fallbacks: ["anthropic/claude-sonnet-4-5"] } } },
            }
            """;
    private static final String STRICT = "openai/gpt-4o-mini";

    @TempDir
    Path root;

    private RoutingFixture fx;
    private Router router;
    private final Upstream upstream = new Upstream();

    @BeforeEach
    void setUp() {
        fx = new RoutingFixture(root).config(CONFIG);
        fx.profile("openai:a", key("openai", "sk-a-0123456789"))
                .profile("openai:b", key("openai", "sk-b-0123456789"))
                .profile("openai:c", key("openai", "sk-c-0123456789"))
                .profile("anthropic:main", key("anthropic", "sk-ant-0123456789"));
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

    @ParameterizedTest(name = "HTTP {0} rotates to the next profile")
    @ValueSource(ints = {429, 401, 402, 403, 404, 529})
    void rotatesToTheNextProfile_onRateLimitAuthBillingOverloaded(int status) {
        upstream.fail("openai:a", Upstream.status(status));
        RouteResult<String> r = run(STRICT);
        assertThat(upstream.labels()).containsExactly("openai:a", "openai:b");
        assertThat(r.value()).isEqualTo("served by openai:b");
        assertThat(r.attempts().getFirst().status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "HTTP {0} does not rotate; a strict model surfaces it")
    @ValueSource(ints = {408, 500, 400})
    void doesNotRotate_onTimeoutOrFormat(int status) {
        upstream.fail("openai:a", Upstream.status(status));
        NoRouteException e = fails(STRICT);
        String reason = status == 400 ? "format" : "timeout";
        assertThat(upstream.labels()).containsExactly("openai:a");
        assertThat(e.status()).isEqualTo(status == 400 ? 400 : 504);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.attempts()).extracting(AttemptRecord::reason)
                .containsExactly(reason, "not_rotated", "not_rotated");
    }

    @Test
    void aTimeout_movesToTheFallbackModel_whenTheDefaultModelRuns() {
        upstream.fail("openai:a", Upstream.status(408));
        RouteResult<String> r = run(null);
        assertThat(upstream.calls).containsExactly("openai:a openai/gpt-4o",
                "anthropic:main anthropic/claude-sonnet-4-5");
        assertThat(r.value()).isEqualTo("served by anthropic:main");
    }

    @Test
    void rateLimitRotations_areCappedAtOneByDefault_thenTheFallbackModelServes() {
        upstream.fail("openai:a", Upstream.status(429)).fail("openai:b", Upstream.status(429));
        RouteResult<String> r = run(null);
        assertThat(upstream.labels()).containsExactly("openai:a", "openai:b", "anthropic:main");
        assertThat(r.attempts()).extracting(AttemptRecord::credential, AttemptRecord::reason).containsSubsequence(
                tuple("openai:c", RotationPolicy.ROTATION_CAP));
    }

    @Test
    void theRateLimitCap_comesFromTheConfig() {
        fx.config(CONFIG.replace("agents:", "auth: { cooldowns: { rateLimitedProfileRotations: 2 } }, agents:"));
        upstream.fail("openai:a", Upstream.status(429)).fail("openai:b", Upstream.status(429));
        run(STRICT);
        assertThat(upstream.labels()).containsExactly("openai:a", "openai:b", "openai:c");
    }

    @Test
    void overloadedRotations_areCapped_andWaitTheConfiguredBackoff() {
        fx.config(CONFIG.replace("agents:", "auth: { cooldowns: { overloadedBackoffMs: 250 } }, agents:"));
        upstream.fail("openai:a", Upstream.status(529)).fail("openai:b", Upstream.status(529))
                .fail("openai:c", Upstream.status(529));
        NoRouteException e = fails(STRICT);
        assertThat(upstream.labels()).containsExactly("openai:a", "openai:b");
        assertThat(fx.pauses).containsExactly(250L);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.reason()).isEqualTo("overloaded");
    }

    @Test
    void aStrictModel_neverFallsBack() {
        upstream.fail("anthropic:main", Upstream.status(401));
        NoRouteException e = fails("anthropic/claude-sonnet-4-5");
        assertThat(upstream.calls).containsExactly("anthropic:main anthropic/claude-sonnet-4-5");
        assertThat(e.status()).isEqualTo(401);
    }

    @Test
    void theFallbackChain_isWalkedInOrder() {
        fx.config(CONFIG.replace("fallbacks: [", "fallbacks: [\"groq/llama-3.3-70b\", "));
        fx.profile("groq:main", key("groq", "gsk-0123456789"));
        upstream.fail("openai:a", Upstream.status(401)).fail("openai:b", Upstream.status(401))
                .fail("openai:c", Upstream.status(401)).fail("groq:main", Upstream.status(402));
        RouteResult<String> r = run(null);
        assertThat(upstream.labels()).containsExactly("openai:a", "openai:b", "openai:c", "groq:main",
                "anthropic:main");
        assertThat(r.served().number()).isEqualTo(5);
    }

    @Test
    void envKeys_rotateOnRateLimitsOnly_otherwiseTheLastErrorIsReturned() {
        fx.config("{}").env("GROQ_API_KEYS", "k1 k2 k3");
        upstream.fail("env: GROQ_API_KEYS[1]", Upstream.status(429))
                .fail("env: GROQ_API_KEYS[2]", Upstream.status(401, "Invalid API Key"));
        NoRouteException e = fails("groq/llama-3.3-70b");
        assertThat(upstream.labels()).containsExactly("env: GROQ_API_KEYS[1]", "env: GROQ_API_KEYS[2]");
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("Invalid API Key");
        assertThat(e.attempts()).extracting(AttemptRecord::reason).containsExactly("rate_limit", "auth",
                "not_rotated");
    }

    @Test
    void envKeys_allRateLimited_areAllTried_andTheSoonestKeyRecoveryIsReported() {
        fx.config("{}").env("GROQ_API_KEYS", "k1 k2 k3");
        upstream.fail("env: GROQ_API_KEYS[1]", Upstream.rateLimited(9_000))
                .fail("env: GROQ_API_KEYS[2]", Upstream.rateLimited(4_000))
                .fail("env: GROQ_API_KEYS[3]", Upstream.rateLimited(7_000));
        NoRouteException e = fails("groq/llama-3.3-70b");
        assertThat(upstream.labels()).hasSize(3);
        assertThat(e.status()).isEqualTo(429);
        // each key now cools down for the first rung of the ladder, which outlasts the provider's Retry-After
        assertThat(e.retryAfterMs()).isEqualTo(30_000L);
    }

    @Test
    void aContextOverflow_endsTheRequestAtOnce() {
        upstream.fail("openai:a", Upstream.status(400, "This model's maximum context length is 128000 tokens"));
        NoRouteException e = fails(null);
        assertThat(upstream.labels()).containsExactly("openai:a");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.reason()).isEqualTo("context_overflow");
        assertThat(e.getMessage()).contains("maximum context length");
    }
}
