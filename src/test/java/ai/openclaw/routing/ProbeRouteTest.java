package ai.openclaw.routing;

import static ai.openclaw.routing.RoutingFixture.NOW;
import static ai.openclaw.routing.RoutingFixture.key;
import static ai.openclaw.routing.RoutingFixture.keyRef;
import static ai.openclaw.routing.RoutingFixture.oauth;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.core.Secret;
import ai.openclaw.models.ModelRef;
import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProbeRoute}: one pinned credential, one attempt, nothing recorded. */
class ProbeRouteTest {
    private static final ModelRef GPT = new ModelRef("openai", "gpt-4o-mini");

    @TempDir
    Path root;

    private RoutingFixture fx;
    private final List<Attempt> attempts = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fx = new RoutingFixture(root).config("{ models: { providers: { openai: { apiKey: 'sk-config-0123456789' } } } }");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private Function<Attempt, AttemptResult<String>> answering(AttemptResult<String> result) {
        return a -> {
            attempts.add(a);
            return result;
        };
    }

    private ProbeRoute.Outcome<String> probe(ProbeRoute.Pin pin, AttemptResult<String> result) {
        return new ProbeRoute(fx).run(null, GPT, pin, answering(result));
    }

    @Test
    void aProfileCoolingDown_isStillProbed_andItsFailureIsClassifiedButNotRecorded() throws Exception {
        fx.profile("openai:a", key("openai", "sk-a-0123456789")).state(s -> s.withStats("openai:a", x ->
                new UsageStats(NOW - 5_000, NOW + 60_000, FailureReason.RATE_LIMIT, null, null, null, null, null,
                        null, null, 1, Map.of(FailureReason.RATE_LIMIT, 1), NOW - 1_000)));
        byte[] before = Files.readAllBytes(fx.repository("main").statePath());

        ProbeRoute.Outcome<String> out = probe(new ProbeRoute.Pin.Profile("openai:a"), new AttemptResult.Failed<>(
                new UpstreamFailure(401, "invalid_api_key", "Incorrect API key provided: sk-a-0123456789", null, null)));

        assertThat(attempts).singleElement().satisfies(a -> {
            assertThat(a.credential().source()).isEqualTo(new CredentialSource.Profile("openai:a"));
            assertThat(a.credential().secret()).isEqualTo(Secret.of("sk-a-0123456789"));
        });
        assertThat(out).isInstanceOfSatisfying(ProbeRoute.Outcome.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(FailureReason.AUTH);
            assertThat(f.failure().message()).doesNotContain("sk-a-0123456789");
        });
        assertThat(Files.readAllBytes(fx.repository("main").statePath())).isEqualTo(before);
    }

    @Test
    void anIneligibleProfile_isNotAttempted_andSaysWhy() {
        fx.profile("openai:ref", keyRef("openai", "UNSET_VARIABLE"));

        ProbeRoute.Outcome<String> out = probe(new ProbeRoute.Pin.Profile("openai:ref"),
                new AttemptResult.Served<>("never"));

        assertThat(attempts).isEmpty();
        assertThat(out).isEqualTo(new ProbeRoute.Outcome.NotAttempted<>("unresolved_ref"));
        assertThat(probe(new ProbeRoute.Pin.Profile("openai:nope"), new AttemptResult.Served<>("never")))
                .isEqualTo(new ProbeRoute.Outcome.NotAttempted<>("profile_missing"));
    }

    @Test
    void anOAuthProfileWhoseAccessTokenExpired_isNotAttempted_asCallsSkipIt() {
        fx.profile("openai:me", oauth("openai", "eyJ-access-0123456789", NOW - 1_000));

        assertThat(probe(new ProbeRoute.Pin.Profile("openai:me"), new AttemptResult.Served<>("never")))
                .isEqualTo(new ProbeRoute.Outcome.NotAttempted<>("expired"));
        assertThat(attempts).isEmpty();
    }

    @Test
    void envAndConfigPins_useTheKeyACallWouldUse() {
        fx.env("OPENAI_API_KEYS", "sk-list-1-0123456789, sk-list-2-0123456789");

        ProbeRoute.Outcome<String> env = probe(new ProbeRoute.Pin.EnvKey(), new AttemptResult.Served<>("ok"));
        ProbeRoute.Outcome<String> config = probe(new ProbeRoute.Pin.ConfigKey(), new AttemptResult.Served<>("ok"));

        assertThat(env).isInstanceOf(ProbeRoute.Outcome.Served.class);
        assertThat(config).isInstanceOf(ProbeRoute.Outcome.Served.class);
        assertThat(attempts).extracting(a -> a.credential().source().label())
                .containsExactly("env: OPENAI_API_KEYS[1]", "config: models.providers.openai.apiKey");
        assertThat(attempts).extracting(a -> a.credential().secret().reveal())
                .containsExactly("sk-list-1-0123456789", "sk-config-0123456789");
    }

    @Test
    void anEnvPinWithoutAnyKey_isMissingCredential_andAnUnknownProviderIsSaidSo() {
        assertThat(probe(new ProbeRoute.Pin.EnvKey(), new AttemptResult.Served<>("never")))
                .isEqualTo(new ProbeRoute.Outcome.NotAttempted<>("missing_credential"));
        fx.unknown("openai");
        assertThat(probe(new ProbeRoute.Pin.ConfigKey(), new AttemptResult.Served<>("never")))
                .isEqualTo(new ProbeRoute.Outcome.NotAttempted<>(ProbeRoute.UNKNOWN_PROVIDER));
        assertThat(attempts).isEmpty();
    }

    @Test
    void aServedProbe_recordsNoUsage() {
        fx.profile("openai:a", key("openai", "sk-a-0123456789"));
        Path state = fx.repository("main").statePath();
        boolean existed = Files.exists(state);

        ProbeRoute.Outcome<String> out = probe(new ProbeRoute.Pin.Profile("openai:a"),
                new AttemptResult.Served<>("ok"));

        assertThat(out).isInstanceOfSatisfying(ProbeRoute.Outcome.Served.class,
                s -> assertThat(s.value()).isEqualTo("ok"));
        assertThat(Files.exists(state)).isEqualTo(existed);
        assertThat(fx.statsOnDisk("openai:a").lastUsed()).isNull();
    }
}
