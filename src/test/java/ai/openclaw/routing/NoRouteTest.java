package ai.openclaw.routing;

import static ai.openclaw.routing.RoutingFixture.NOW;
import static ai.openclaw.routing.RoutingFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer when nothing can serve. */
class NoRouteTest {
    private static final String CONFIG = """
            { agents: { defaults: { model: { primary: "openai/gpt-4o", fallbacks: ["anthropic/claude-sonnet-4-5"] } } } }
            """;
    private static final long SEC = 1_000;

    @TempDir
    Path root;

    private RoutingFixture fx;
    private Router router;
    private final Upstream upstream = new Upstream();

    @BeforeEach
    void setUp() {
        fx = new RoutingFixture(root).config(CONFIG);
        router = fx.router();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private NoRouteException fails(String model) {
        return catchThrowableOfType(NoRouteException.class,
                () -> router.execute(router.plan(RouteRequest.of(model)), upstream));
    }

    private static UsageStats cooling(long until, FailureReason reason) {
        return new UsageStats(null, until, reason, null, null, null, null, null, null, null, 1, Map.of(reason, 1),
                NOW);
    }

    @Test
    void noCredentialAtAll_is401_sayingHowToAddOne() {
        NoRouteException e = fails("openai/gpt-4o-mini");
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.reason()).isEqualTo("no_credentials");
        assertThat(e.retryAfterMs()).isNull();
        assertThat(e.getMessage()).contains("\"openai\"")
                .contains("openclaw models auth paste-api-key --provider openai")
                .contains("OPENAI_API_KEY").contains("openclaw onboard");
        assertThat(upstream.calls).isEmpty();
    }

    @Test
    void noCredentialForAnyModelOfTheChain_namesEveryProvider() {
        NoRouteException e = fails(null);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("--provider openai").contains("--provider anthropic")
                .contains("ANTHROPIC_API_KEY");
    }

    @Test
    void onlyUnusableProfiles_isStillNoCredentials_withTheirReasonsListed() {
        fx.profile("openai:vault", RoutingFixture.keyRef("openai", "UNSET_VAR"));
        NoRouteException e = fails("openai/gpt-4o-mini");
        assertThat(e.reason()).isEqualTo("no_credentials");
        assertThat(e.attempts()).extracting(AttemptRecord::reason).containsExactly("unresolved_ref");
        assertThat(e.getMessage()).contains("openai:vault").contains("unresolved_ref");
    }

    @Test
    void everyProfileCoolingDown_is429_retryingAtTheSoonestRecovery() {
        fx.profile("openai:a", key("openai", "sk-a-0123456789")).profile("openai:b", key("openai", "sk-b-0123456789"))
                .state(s -> s.withStats("openai:a", x -> cooling(NOW + 60 * SEC, FailureReason.RATE_LIMIT))
                        .withStats("openai:b", x -> cooling(NOW + 25 * SEC, FailureReason.AUTH)));
        NoRouteException e = fails("openai/gpt-4o-mini");
        assertThat(upstream.calls).isEmpty();
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.reason()).isEqualTo("rate_limit");
        assertThat(e.retryAfterMs()).isEqualTo(25 * SEC);
        assertThat(e.attempts()).extracting(AttemptRecord::credential, AttemptRecord::outcome, AttemptRecord::reason,
                AttemptRecord::remainingMs).containsExactly(
                tuple("openai:b", "skipped", "cooldown", 25 * SEC),
                tuple("openai:a", "skipped", "cooldown", 60 * SEC));
        assertThat(e.getMessage()).contains("cooling down").contains("retry in 25s");
    }

    @Test
    void coolingAndRateLimitedTogether_is429_withTheNewCooldownCounted() {
        fx.profile("openai:a", key("openai", "sk-a-0123456789")).profile("openai:b", key("openai", "sk-b-0123456789"))
                .state(s -> s.withStats("openai:b", x -> cooling(NOW + 50 * SEC, FailureReason.RATE_LIMIT)));
        upstream.fail("openai:a", Upstream.status(429));
        NoRouteException e = fails("openai/gpt-4o-mini");
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfterMs()).isEqualTo(30 * SEC);
    }

    @Test
    void aDisabledProfile_isNotCoolingDown_theDominantReasonDecides() {
        fx.profile("openai:a", key("openai", "sk-a-0123456789")).state(s -> s.withStats("openai:a", x ->
                new UsageStats(null, null, null, null, NOW + 3_600 * SEC, FailureReason.BILLING, null, null, null,
                        null, 1, Map.of(FailureReason.BILLING, 1), NOW)));
        NoRouteException e = fails("openai/gpt-4o-mini");
        assertThat(e.status()).isEqualTo(402);
        assertThat(e.reason()).isEqualTo("billing");
        assertThat(e.retryAfterMs()).isNull();
    }

    @Test
    void theMostFrequentReasonDominates_tiesGoToTheMoreSevere() {
        fx.config(CONFIG.replace("agents:", "auth: { cooldowns: { overloadedProfileRotations: 5 } }, agents:"));
        fx.profile("openai:a", key("openai", "sk-a-0123456789")).profile("openai:b", key("openai", "sk-b-0123456789"))
                .profile("openai:c", key("openai", "sk-c-0123456789"));
        upstream.fail("openai:a", Upstream.status(529)).fail("openai:b", Upstream.status(529))
                .fail("openai:c", Upstream.status(402));
        assertThat(fails("openai/gpt-4o-mini").status()).isEqualTo(503);
    }

    @Test
    void aTie_goesToTheMoreSevereReason() {
        fx.profile("openai:a", key("openai", "sk-a-0123456789")).profile("openai:b", key("openai", "sk-b-0123456789"));
        upstream.fail("openai:a", Upstream.status(529)).fail("openai:b", Upstream.status(402));
        NoRouteException e = fails("openai/gpt-4o-mini");
        assertThat(e.status()).isEqualTo(402);
        assertThat(e.reason()).isEqualTo("billing");
    }

    @Test
    void noSecretReachesTheMessageOrTheAttemptList() {
        fx.profile("openai:a", key("openai", "sk-live-SECRET-aaaa1111"))
                .env("OPENAI_API_KEY", "sk-live-SECRET-bbbb2222");
        upstream.fail("openai:a", Upstream.status(401, "Incorrect API key provided: sk-live-SECRET-aaaa1111"))
                .fail("env: OPENAI_API_KEY", Upstream.status(401, "Incorrect API key: sk-live-SECRET-bbbb2222"));
        NoRouteException e = fails("openai/gpt-4o-mini");
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).doesNotContain("SECRET").contains("Incorrect API key");
        assertThat(e.attempts().toString()).doesNotContain("SECRET");
    }
}
