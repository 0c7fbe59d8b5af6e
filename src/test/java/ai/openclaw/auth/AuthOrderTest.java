package ai.openclaw.auth;

import static ai.openclaw.auth.AuthFixtures.HOUR;
import static ai.openclaw.auth.AuthFixtures.MINUTE;
import static ai.openclaw.auth.AuthFixtures.NOW;
import static ai.openclaw.auth.AuthFixtures.apiKey;
import static ai.openclaw.auth.AuthFixtures.blocked;
import static ai.openclaw.auth.AuthFixtures.config;
import static ai.openclaw.auth.AuthFixtures.cooldown;
import static ai.openclaw.auth.AuthFixtures.disabled;
import static ai.openclaw.auth.AuthFixtures.lastUsed;
import static ai.openclaw.auth.AuthFixtures.oauth;
import static ai.openclaw.auth.AuthFixtures.profileConfig;
import static ai.openclaw.auth.AuthFixtures.store;
import static ai.openclaw.auth.AuthFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.config.AuthConfig;
import ai.openclaw.config.AuthMode;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.store.AuthState;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.FailureReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthOrderTest {
    private static ResolvedOrder resolve(String provider, AuthStore store, AuthConfig config) {
        return AuthOrder.resolve(provider, store, config, NOW, null, null, RefCheck.ASSUME_RESOLVABLE);
    }

    private static AuthState withOrder(String provider, String... ids) {
        return AuthState.EMPTY.withOrder(provider, List.of(ids));
    }

    // ---- where the base list comes from ----

    @Test
    void agentOverride_beatsConfigAuthOrder() {
        AuthStore s = store(withOrder("openai", "openai:b", "openai:a"),
                "openai:a", apiKey("openai"), "openai:b", apiKey("openai"));
        AuthConfig cfg = config(List.of(), Map.of("openai", List.of("openai:a", "openai:b")));

        ResolvedOrder r = resolve("openai", s, cfg);

        assertThat(r.source()).isEqualTo(OrderSource.AGENT_OVERRIDE);
        assertThat(r.ordered()).containsExactly("openai:b", "openai:a");
    }

    @Test
    void configAuthOrder_beatsConfiguredProfiles_andLimitsTheCandidates() {
        AuthStore s = store("openai:a", apiKey("openai"), "openai:b", apiKey("openai"));
        AuthConfig cfg = config(List.of(profileConfig("openai:a", "openai", AuthMode.API_KEY),
                profileConfig("openai:b", "openai", AuthMode.API_KEY)), Map.of("openai", List.of("openai:b")));

        ResolvedOrder r = resolve("openai", s, cfg);

        assertThat(r.source()).isEqualTo(OrderSource.CONFIG_ORDER);
        assertThat(r.ordered()).containsExactly("openai:b");
    }

    @Test
    void configuredProfiles_beatStoredProfiles() {
        AuthStore s = store("openai:a", apiKey("openai"), "openai:b", apiKey("openai"), "openai:c", apiKey("openai"));
        AuthConfig cfg = config(List.of(profileConfig("openai:c", "openai", AuthMode.API_KEY),
                profileConfig("anthropic:x", "anthropic", AuthMode.API_KEY)), Map.of());

        ResolvedOrder r = resolve("openai", s, cfg);

        assertThat(r.source()).isEqualTo(OrderSource.CONFIGURED_PROFILES);
        assertThat(r.base()).containsExactly("openai:c");
        assertThat(r.ordered()).containsExactly("openai:c");
    }

    @Test
    void withoutConfig_allStoredProfilesOfTheProviderAreUsed() {
        AuthStore s = store("openai:a", apiKey("openai"), "anthropic:a", apiKey("anthropic"),
                "openai:b", apiKey("openai"));

        ResolvedOrder r = resolve("OpenAI", s, AuthConfig.EMPTY);

        assertThat(r.provider()).isEqualTo("openai");
        assertThat(r.source()).isEqualTo(OrderSource.STORED_PROFILES);
        assertThat(r.ordered()).containsExactly("openai:a", "openai:b");
    }

    // ---- eligibility ----

    @Test
    void ineligibleProfiles_areExcludedWithTheirReason() {
        AuthStore s = store("openai:a", apiKey("openai"),
                "openai:empty", new ApiKeyCredential("openai", null, null, Map.of(), ProfileMeta.EMPTY),
                "openai:old", token("openai", NOW - 1),
                "anthropic:x", apiKey("anthropic"));
        AuthConfig cfg = config(List.of(),
                Map.of("openai", List.of("openai:gone", "openai:empty", "openai:a", "openai:old", "anthropic:x")));

        ResolvedOrder r = resolve("openai", s, cfg);

        assertThat(r.ordered()).containsExactly("openai:a");
        assertThat(r.repaired()).isFalse();
        assertThat(r.excluded()).containsOnlyKeys("openai:gone", "openai:empty", "openai:old", "anthropic:x");
        assertThat(r.excluded().get("openai:gone").code()).isEqualTo(ReasonCode.PROFILE_MISSING);
        assertThat(r.excluded().get("openai:empty").code()).isEqualTo(ReasonCode.MISSING_CREDENTIAL);
        assertThat(r.excluded().get("openai:old").code()).isEqualTo(ReasonCode.EXPIRED);
        assertThat(r.excluded().get("anthropic:x").code()).isEqualTo(ReasonCode.PROVIDER_MISMATCH);
    }

    @Test
    void whenEveryListedIdIsMissing_fallsBackToAllEligibleStoredProfiles() {
        AuthStore s = store(withOrder("openai", "openai:gone1", "openai:gone2"),
                "openai:key", apiKey("openai"), "openai:login", oauth("openai", "acc", "ref", NOW + HOUR));

        ResolvedOrder r = resolve("openai", s, AuthConfig.EMPTY);

        assertThat(r.repaired()).isTrue();
        // repair mode sorts like round-robin: oauth before api_key
        assertThat(r.ordered()).containsExactly("openai:login", "openai:key");
    }

    @Test
    void whenEveryConfiguredProfileIsMissing_fallsBackToStoredProfiles() {
        AuthStore s = store("openai:key", apiKey("openai"));
        AuthConfig cfg = config(List.of(profileConfig("openai:renamed", "openai", AuthMode.API_KEY)), Map.of());

        ResolvedOrder r = resolve("openai", s, cfg);

        assertThat(r.source()).isEqualTo(OrderSource.CONFIGURED_PROFILES);
        assertThat(r.repaired()).isTrue();
        assertThat(r.ordered()).containsExactly("openai:key");
    }

    @Test
    void noRepair_whenSomeListedIdExistsButIsIneligible() {
        AuthStore s = store(withOrder("openai", "openai:gone", "openai:old"),
                "openai:old", token("openai", NOW - 1), "openai:key", apiKey("openai"));

        ResolvedOrder r = resolve("openai", s, AuthConfig.EMPTY);

        assertThat(r.repaired()).isFalse();
        assertThat(r.ordered()).isEmpty();
        assertThat(r.next()).isNull();
    }

    @Test
    void duplicateIdsInAnExplicitOrder_countOnce() {
        AuthStore s = store("openai:a", apiKey("openai"), "openai:b", apiKey("openai"));
        AuthConfig cfg = config(List.of(), Map.of("openai", List.of("openai:a", "openai:b", "openai:a")));
        assertThat(resolve("openai", s, cfg).ordered()).containsExactly("openai:a", "openai:b");
    }

    // ---- sorting ----

    @Test
    void roundRobin_sortsOauthThenTokenThenApiKey_thenLeastRecentlyUsed() {
        AuthState state = AuthState.EMPTY
                .withStats("openai:key-recent", u -> lastUsed(NOW - MINUTE))
                .withStats("openai:key-older", u -> lastUsed(NOW - HOUR))
                .withStats("openai:login", u -> lastUsed(NOW - 1));
        AuthStore s = store(state,
                "openai:key-recent", apiKey("openai"),
                "openai:key-never", apiKey("openai"),
                "openai:token", token("openai", null),
                "openai:key-older", apiKey("openai"),
                "openai:login", oauth("openai", "acc", "ref", NOW + HOUR));

        ResolvedOrder r = resolve("openai", s, AuthConfig.EMPTY);

        assertThat(r.ordered()).containsExactly("openai:login", "openai:token", "openai:key-never",
                "openai:key-older", "openai:key-recent");
    }

    @Test
    void explicitOrder_keepsItsSequenceRegardlessOfTypeAndUsage() {
        AuthState state = AuthState.EMPTY.withStats("openai:key", u -> lastUsed(NOW - 1));
        AuthStore s = store(state, "openai:key", apiKey("openai"),
                "openai:login", oauth("openai", "acc", "ref", NOW + HOUR));
        AuthConfig cfg = config(List.of(), Map.of("openai", List.of("openai:key", "openai:login")));

        assertThat(resolve("openai", s, cfg).ordered()).containsExactly("openai:key", "openai:login");
    }

    @Test
    void coolingProfiles_goLast_soonestRecoveryFirst() {
        AuthState state = AuthState.EMPTY
                .withStats("openai:a", u -> cooldown(NOW + 10 * MINUTE, FailureReason.RATE_LIMIT, null))
                .withStats("openai:c", u -> disabled(NOW + HOUR, FailureReason.BILLING))
                .withStats("openai:d", u -> blocked(NOW + MINUTE, null));
        AuthStore s = store(state, "openai:a", apiKey("openai"), "openai:b", apiKey("openai"),
                "openai:c", apiKey("openai"), "openai:d", apiKey("openai"));
        AuthConfig cfg = config(List.of(), Map.of("openai", List.of("openai:a", "openai:b", "openai:c", "openai:d")));

        ResolvedOrder r = resolve("openai", s, cfg);

        assertThat(r.ordered()).containsExactly("openai:b", "openai:d", "openai:a", "openai:c");
        assertThat(r.coolingDown()).containsExactly("openai:d", "openai:a", "openai:c");
        assertThat(r.next()).isEqualTo("openai:b");
    }

    @Test
    void expiredCooldownWindows_areIgnored() {
        AuthState state = AuthState.EMPTY
                .withStats("openai:a", u -> cooldown(NOW, FailureReason.RATE_LIMIT, null))
                .withStats("openai:b", u -> disabled(NOW - 1, FailureReason.BILLING));
        AuthStore s = store(state, "openai:a", apiKey("openai"), "openai:b", apiKey("openai"));

        ResolvedOrder r = resolve("openai", s, AuthConfig.EMPTY);

        assertThat(r.coolingDown()).isEmpty();
        assertThat(r.ordered()).containsExactly("openai:a", "openai:b");
    }

    @Test
    void modelScopedCooldown_doesNotApplyToAnotherModel() {
        AuthState state = AuthState.EMPTY
                .withStats("openai:a", u -> cooldown(NOW + MINUTE, FailureReason.RATE_LIMIT, "gpt-5"));
        AuthStore s = store(state, "openai:a", apiKey("openai"), "openai:b", apiKey("openai"));

        ResolvedOrder other = AuthOrder.resolve("openai", s, AuthConfig.EMPTY, NOW, "gpt-4.1", null,
                RefCheck.ASSUME_RESOLVABLE);
        ResolvedOrder same = AuthOrder.resolve("openai", s, AuthConfig.EMPTY, NOW, "gpt-5", null,
                RefCheck.ASSUME_RESOLVABLE);

        assertThat(other.coolingDown()).isEmpty();
        assertThat(other.ordered()).containsExactly("openai:a", "openai:b");
        assertThat(same.coolingDown()).containsExactly("openai:a");
        assertThat(same.ordered()).containsExactly("openai:b", "openai:a");
    }

    @Test
    void openrouterProfiles_neverCoolDown() {
        AuthState state = AuthState.EMPTY
                .withStats("openrouter:a", u -> disabled(NOW + HOUR, FailureReason.BILLING))
                .withStats("openrouter:b", u -> lastUsed(NOW - 1));
        AuthStore s = store(state, "openrouter:a", apiKey("openrouter"), "openrouter:b", apiKey("openrouter"));

        ResolvedOrder r = resolve("openrouter", s, AuthConfig.EMPTY);

        assertThat(r.coolingDown()).isEmpty();
        assertThat(r.ordered()).containsExactly("openrouter:a", "openrouter:b");
    }

    @Test
    void preferredProfile_movesToTheFront_evenWhenCooling() {
        AuthState state = AuthState.EMPTY
                .withStats("openai:c", u -> cooldown(NOW + MINUTE, FailureReason.TIMEOUT, null));
        AuthStore s = store(state, "openai:a", apiKey("openai"), "openai:b", apiKey("openai"),
                "openai:c", apiKey("openai"));

        ResolvedOrder r = AuthOrder.resolve("openai", s, AuthConfig.EMPTY, NOW, null, "openai:b",
                RefCheck.ASSUME_RESOLVABLE);
        assertThat(r.ordered()).containsExactly("openai:b", "openai:a", "openai:c");

        ResolvedOrder cooling = AuthOrder.resolve("openai", s, AuthConfig.EMPTY, NOW, null, "openai:c",
                RefCheck.ASSUME_RESOLVABLE);
        assertThat(cooling.ordered()).containsExactly("openai:c", "openai:a", "openai:b");
    }

    @Test
    void preferredProfileNotInTheResult_isIgnored() {
        AuthStore s = store("openai:a", apiKey("openai"), "anthropic:x", apiKey("anthropic"));
        ResolvedOrder r = AuthOrder.resolve("openai", s, AuthConfig.EMPTY, NOW, null, "anthropic:x",
                RefCheck.ASSUME_RESOLVABLE);
        assertThat(r.ordered()).containsExactly("openai:a");
    }
}
