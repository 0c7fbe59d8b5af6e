package ai.openclaw.routing;

import static ai.openclaw.routing.RoutingFixture.NOW;
import static ai.openclaw.routing.RoutingFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.oauth.refresh.RefresherRegistry;
import ai.openclaw.testing.LoopbackRefresher;
import ai.openclaw.testing.LoopbackTokenEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OAuth profiles are refreshed at attempt time; a failed refresh skips the profile with its reason. */
class RouterOAuthRefreshTest {
    private static final String CONFIG = """
            { agents: { defaults: { model: { primary: "openai/gpt-4o" } } } }
            """;
    private static final String OLD_ACCESS = "at-old-0123456789abcdefghij";
    private static final String OLD_REFRESH = "rt-old-0123456789abcdefghij";

    @TempDir
    Path root;

    private RoutingFixture fx;
    private LoopbackTokenEndpoint endpoint;
    private Router router;
    private final Upstream upstream = new Upstream();

    @BeforeEach
    void setUp() throws Exception {
        endpoint = LoopbackTokenEndpoint.start();
        fx = new RoutingFixture(root).config(CONFIG);
        fx.refreshers(RefresherRegistry.builder().provider(new LoopbackRefresher("openai", endpoint.uri(), fx.clock))
                .build());
        fx.profile("openai:me", new OAuthCredential("openai", Secret.of(OLD_ACCESS), Secret.of(OLD_REFRESH), null,
                NOW - 60_000, null, null, null, null, null, null, ProfileMeta.EMPTY));
        router = fx.router();
    }

    @AfterEach
    void tearDown() {
        fx.close();
        endpoint.close();
    }

    private Path store() {
        return fx.repository(RoutingFixture.MAIN).profilesPath();
    }

    @Test
    void anExpiredProfile_isRefreshedBeforeItsAttempt_whichSendsTheNewToken_alreadySaved() {
        List<String> onDiskAtAttempt = new ArrayList<>();
        RouteResult<String> r = router.execute(router.plan(RouteRequest.of("openai/gpt-4o")), a -> {
            try {
                onDiskAtAttempt.add(Files.readString(store()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return upstream.apply(a);
        });

        assertThat(r.value()).isEqualTo("served by openai:me");
        assertThat(upstream.attempts.getFirst().credential().secret().reveal())
                .isEqualTo(LoopbackTokenEndpoint.access(1));
        assertThat(onDiskAtAttempt.getFirst()).as("the rotated refresh token is saved before the new access token is "
                + "used").contains(LoopbackTokenEndpoint.refresh(1)).doesNotContain(OLD_REFRESH);
        assertThat(endpoint.calls()).isEqualTo(1);
    }

    @Test
    void aHostStillShowingTheOldCredential_doesNotCauseASecondRefresh() {
        fx.freezeSnapshots();
        router.execute(router.plan(RouteRequest.of("openai/gpt-4o")), upstream);
        router.execute(router.plan(RouteRequest.of("openai/gpt-4o")), upstream);

        assertThat(endpoint.calls()).isEqualTo(1);
        assertThat(upstream.attempts).extracting(a -> a.credential().secret().reveal())
                .containsExactly(LoopbackTokenEndpoint.access(1), LoopbackTokenEndpoint.access(1));
    }

    @Test
    void aFailedRefresh_skipsTheProfileWithItsReason_theNextCandidateServes_andTheStoreIsByteIdentical()
            throws Exception {
        endpoint.failWith(400, "{\"error\":\"invalid_grant\"}");
        fx.profile("openai:key", key("openai", "sk-key-0123456789abcdef"));
        byte[] before = Files.readAllBytes(store());

        RouteResult<String> r = router.execute(router.plan(RouteRequest.of("openai/gpt-4o")), upstream);

        assertThat(r.value()).isEqualTo("served by openai:key");
        AttemptRecord skipped = r.attempts().getFirst();
        assertThat(skipped.credential()).isEqualTo("openai:me");
        assertThat(skipped.outcome()).isEqualTo("skipped");
        assertThat(skipped.reason()).isEqualTo("refresh_failed:invalid_grant");
        assertThat(skipped.detail()).startsWith("OAuth token refresh failed for openai: ")
                .endsWith("Run `openclaw models auth login --provider openai` to log in again.");
        assertThat(Files.readAllBytes(store())).isEqualTo(before);
    }

    @Test
    void whenNothingElseCanServe_theNoRouteAnswerListsTheFailedRefresh() {
        endpoint.failWith(400, "{\"error\":\"invalid_grant\"}");

        NoRouteException e = catchThrowableOfType(NoRouteException.class,
                () -> router.execute(router.plan(RouteRequest.of("openai/gpt-4o")), upstream));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("openai:me for openai/gpt-4o: skipped refresh_failed:invalid_grant "
                + "(OAuth token refresh failed for openai: token endpoint answered 400: invalid_grant. Run `openclaw "
                + "models auth login --provider openai` to log in again.)");
        assertThat(e.getMessage()).doesNotContain(OLD_ACCESS).doesNotContain(OLD_REFRESH);
        assertThat(upstream.attempts).isEmpty();
    }

    @Test
    void aFailedProactiveRefresh_stillServesWithTheValidToken() {
        endpoint.failWith(503, "{\"error\":\"temporarily_unavailable\"}");
        fx.profile("openai:me", new OAuthCredential("openai", Secret.of(OLD_ACCESS), Secret.of(OLD_REFRESH), null,
                NOW + 2 * 60_000, null, null, null, null, null, null, new ProfileMeta(null, null, null, Map.of())));

        RouteResult<String> r = router.execute(router.plan(RouteRequest.of("openai/gpt-4o")), upstream);

        assertThat(r.value()).isEqualTo("served by openai:me");
        assertThat(upstream.attempts.getFirst().credential().secret().reveal()).isEqualTo(OLD_ACCESS);
        assertThat(endpoint.calls()).isEqualTo(1);
    }
}
