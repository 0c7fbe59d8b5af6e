package ai.openclaw.routing;

import static ai.openclaw.routing.RoutingFixture.key;
import static ai.openclaw.routing.RoutingFixture.keyRef;
import static ai.openclaw.routing.RoutingFixture.oauth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which credentials a model call tries, and in which order. */
class RouterOrderTest {
    private static final String CONFIG = """
            {
              agents: { defaults: { model: { primary: "openai/gpt-4o", fallbacks: ["anthropic/claude-sonnet-4-5"] } } },
              auth: { cooldowns: { rateLimitedProfileRotations: 10 } },
              models: { providers: { openai: { apiKey: "sk-config-0123456789" } } },
            }
            """;

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
                .profile("anthropic:main", key("anthropic", "sk-ant-0123456789"));
        router = fx.router();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private RouteResult<String> run(RouteRequest request) {
        return router.execute(router.plan(request), upstream);
    }

    private NoRouteException fails(RouteRequest request) {
        return catchThrowableOfType(NoRouteException.class, () -> run(request));
    }

    @Test
    void profilesFirst_thenEnvKeys_thenTheConfigKey_eachSecretOnce() {
        fx.env("OPENAI_API_KEYS", "sk-env-1,sk-env-2").env("OPENAI_API_KEY", "sk-a-0123456789");
        upstream.fail("openai:a", Upstream.status(429)).fail("openai:b", Upstream.status(429))
                .fail("env: OPENAI_API_KEYS[1]", Upstream.status(429))
                .fail("env: OPENAI_API_KEYS[2]", Upstream.status(429));
        RouteResult<String> r = run(RouteRequest.of("openai/gpt-4o-mini"));
        assertThat(upstream.labels()).containsExactly("openai:a", "openai:b", "env: OPENAI_API_KEYS[1]",
                "env: OPENAI_API_KEYS[2]", "config: models.providers.openai.apiKey");
        assertThat(r.value()).isEqualTo("served by config: models.providers.openai.apiKey");
        assertThat(r.served().number()).isEqualTo(5);
        assertThat(r.served().credential().secret().reveal()).isEqualTo("sk-config-0123456789");
        assertThat(r.attempts()).extracting(AttemptRecord::outcome)
                .containsExactly("failed", "failed", "failed", "failed", "ok");
    }

    @Test
    void leastRecentlyUsedProfileGoesFirst_soSuccessesAlternate() {
        run(RouteRequest.of("openai/gpt-4o-mini"));
        run(RouteRequest.of("openai/gpt-4o-mini"));
        run(RouteRequest.of("openai/gpt-4o-mini"));
        assertThat(upstream.labels()).containsExactly("openai:a", "openai:b", "openai:a");
    }

    @Test
    void anExplicitOrder_wins_andItsMissingIdsAreListedAsSkipped() {
        fx.config(CONFIG.replace("auth: {", "auth: { order: { openai: [\"openai:ghost\", \"openai:b\", \"openai:a\"] },"));
        upstream.fail("openai:b", Upstream.status(401));
        RouteResult<String> r = run(RouteRequest.of("openai/gpt-4o-mini"));
        assertThat(upstream.labels()).containsExactly("openai:b", "openai:a");
        assertThat(r.attempts().getFirst()).isEqualTo(new AttemptRecord(r.served().model(), "openai:ghost",
                "skipped", "profile_missing", 0, 0));
    }

    @Test
    void aUserPin_isLocked_andOnFailureTheNextFallbackModelServes_neverAnotherProfile() {
        upstream.fail("openai:a", Upstream.status(401));
        RouteResult<String> r = run(new RouteRequest(null, null,
                new SessionPin(null, null, "openai:a", SessionPin.Source.USER)));
        assertThat(upstream.calls).containsExactly("openai:a openai/gpt-4o",
                "anthropic:main anthropic/claude-sonnet-4-5");
        assertThat(r.attempts()).extracting(AttemptRecord::credential).doesNotContain("openai:b");
    }

    @Test
    void aRequestProfile_isLockedLikeAUserPin() {
        upstream.fail("openai:b", Upstream.status(429));
        run(RouteRequest.of("openai/gpt-4o@openai:b"));
        assertThat(upstream.calls).containsExactly("openai:b openai/gpt-4o",
                "anthropic:main anthropic/claude-sonnet-4-5");
    }

    @Test
    void aLockedProfile_followsToFallbackModelsOfItsProvider() {
        fx.config(CONFIG.replace("fallbacks: [", "fallbacks: [\"openai/gpt-4o-mini\", "));
        upstream.fail("openai:a", "openai/gpt-4o", Upstream.status(429));
        RouteResult<String> r = run(RouteRequest.of("gpt-4o@openai:a"));
        assertThat(upstream.calls).containsExactly("openai:a openai/gpt-4o", "openai:a openai/gpt-4o-mini");
        assertThat(r.value()).isEqualTo("served by openai:a");
    }

    @Test
    void aLockedProfileOnAStrictModel_surfacesItsError() {
        upstream.fail("openai:a", Upstream.status(401));
        NoRouteException e = fails(RouteRequest.of("openai/gpt-4o-mini@openai:a"));
        assertThat(e.status()).isEqualTo(401);
        assertThat(upstream.labels()).containsExactly("openai:a");
    }

    @Test
    void anAutoPin_isTriedFirst_butOthersStillServe() {
        upstream.fail("openai:b", Upstream.status(429));
        RouteResult<String> r = run(new RouteRequest(null, null,
                new SessionPin(null, null, "openai:b", SessionPin.Source.AUTO)));
        assertThat(upstream.labels()).containsExactly("openai:b", "openai:a");
        assertThat(r.value()).isEqualTo("served by openai:a");
    }

    @Test
    void withoutARefresher_anOAuthTokenInItsLastFiveMinutes_isStillUsed() {
        fx.profile("openai:soon", oauth("openai", "at-soon-0123456789", RoutingFixture.NOW + 4 * 60_000));
        RouteResult<String> r = run(RouteRequest.of("openai/gpt-4o-mini"));
        assertThat(r.value()).isEqualTo("served by openai:soon");
        assertThat(upstream.attempts.getFirst().credential().secret().reveal()).isEqualTo("at-soon-0123456789");
    }

    @Test
    void withoutARefresher_anExpiredOAuthToken_isSkippedAsExpired_sayingThereIsNoRefresh() {
        fx.profile("openai:gone", oauth("openai", "at-gone-0123456789", RoutingFixture.NOW - 1))
                .profile("openai:fresh", oauth("openai", "at-fresh-0123456789", RoutingFixture.NOW + 60 * 60_000));
        RouteResult<String> r = run(RouteRequest.of("openai/gpt-4o-mini"));
        assertThat(r.value()).isEqualTo("served by openai:fresh");
        assertThat(r.attempts()).contains(new AttemptRecord(r.served().model(), "openai:gone", "skipped",
                "expired", 0, 0, "no token refresh is available for provider openai (profile openai:gone). "
                        + "Run `openclaw models auth login --provider openai` to log in again."));
    }

    @Test
    void aRefThatDoesNotResolve_isSkippedAsUnresolvedRef() {
        fx.profile("openai:vault", keyRef("openai", "NOT_SET_ANYWHERE"));
        fx.config(CONFIG.replace("auth: {", "auth: { order: { openai: [\"openai:vault\", \"openai:a\"] },"));
        RouteResult<String> r = run(RouteRequest.of("openai/gpt-4o-mini"));
        assertThat(r.value()).isEqualTo("served by openai:a");
        assertThat(r.attempts().getFirst().credential()).isEqualTo("openai:vault");
        assertThat(r.attempts().getFirst().reason()).isEqualTo("unresolved_ref");
    }

    @Test
    void aRefThatResolves_sendsTheResolvedValue() {
        fx.env("VAULT_KEY", "sk-from-env-0123456789").profile("openai:vault", keyRef("openai", "VAULT_KEY"));
        fx.config(CONFIG.replace("auth: {", "auth: { order: { openai: [\"openai:vault\"] },"));
        RouteResult<String> r = run(RouteRequest.of("openai/gpt-4o-mini"));
        assertThat(r.served().credential().secret().reveal()).isEqualTo("sk-from-env-0123456789");
    }

    @Test
    void theConfigKeyMayNameAnEnvironmentVariable() {
        fx.config(CONFIG.replace("sk-config-0123456789", "MY_OPENAI_KEY")).env("MY_OPENAI_KEY", "sk-marker-01234");
        upstream.fail("openai:a", Upstream.status(401)).fail("openai:b", Upstream.status(401));
        RouteResult<String> r = run(RouteRequest.of("openai/gpt-4o-mini"));
        assertThat(r.served().credential().source()).isEqualTo(new CredentialSource.ConfigKey("openai"));
        assertThat(r.served().credential().secret().reveal()).isEqualTo("sk-marker-01234");
    }

    @Test
    void theLiveEnvOverride_isTheOnlyEnvKeyTried() {
        fx.env("OPENCLAW_LIVE_GROQ_KEY", "gsk-live-0123").env("GROQ_API_KEY", "gsk-primary-0123");
        upstream.fail("env: OPENCLAW_LIVE_GROQ_KEY", Upstream.status(429));
        NoRouteException e = fails(RouteRequest.of("groq/llama-3.3-70b"));
        assertThat(upstream.labels()).containsExactly("env: OPENCLAW_LIVE_GROQ_KEY");
        assertThat(e.status()).isEqualTo(429);
    }

    @Test
    void aLocalEndpointWithoutCredentials_getsOneAttemptWithoutKey() {
        fx.local("ollama");
        RouteResult<String> r = run(RouteRequest.of("ollama/llama3"));
        assertThat(r.served().credential().source()).isEqualTo(new CredentialSource.NoKey());
        assertThat(r.served().credential().secret()).isNull();
        assertThat(r.served().endpoint().local()).isTrue();
    }

    @Test
    void anUnknownFallbackProvider_isListedAndPassed() {
        fx.unknown("anthropic");
        upstream.fail("openai:a", Upstream.status(401)).fail("openai:b", Upstream.status(401))
                .fail("config: models.providers.openai.apiKey", Upstream.status(401));
        NoRouteException e = fails(RouteRequest.of(null));
        assertThat(e.attempts().getLast().reason()).isEqualTo("unknown_provider");
        assertThat(e.status()).isEqualTo(401);
    }
}
