package ai.openclaw.auth;

import static ai.openclaw.auth.AuthFixtures.HOUR;
import static ai.openclaw.auth.AuthFixtures.MINUTE;
import static ai.openclaw.auth.AuthFixtures.NOW;
import static ai.openclaw.auth.AuthFixtures.apiKey;
import static ai.openclaw.auth.AuthFixtures.blocked;
import static ai.openclaw.auth.AuthFixtures.cooldown;
import static ai.openclaw.auth.AuthFixtures.disabled;
import static ai.openclaw.auth.AuthFixtures.lastUsed;
import static ai.openclaw.auth.AuthFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.store.AuthState;
import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CooldownsTest {
    @Test
    void disabledWindow_isReportedAsDisabledWithItsReason() {
        AuthState state = AuthState.EMPTY.withStats("openai:a", u -> disabled(NOW + HOUR, FailureReason.BILLING));
        List<UnusableProfile> active = Cooldowns.active(store(state, "openai:a", apiKey("openai")), NOW);

        assertThat(active).singleElement().satisfies(p -> {
            assertThat(p.profileId()).isEqualTo("openai:a");
            assertThat(p.provider()).isEqualTo("openai");
            assertThat(p.kind()).isEqualTo(UnusableProfile.Kind.DISABLED);
            assertThat(p.kind().wireName()).isEqualTo("disabled");
            assertThat(p.reason()).isEqualTo(FailureReason.BILLING);
            assertThat(p.until()).isEqualTo(NOW + HOUR);
            assertThat(p.remainingMs()).isEqualTo(HOUR);
        });
    }

    @Test
    void disabledWins_overACooldownOfTheSameProfile() {
        UsageStats both = new UsageStats(null, NOW + MINUTE, FailureReason.RATE_LIMIT, null, NOW + HOUR,
                FailureReason.AUTH_PERMANENT, null, null, null, null, 2, Map.of(), null);
        AuthState state = AuthState.EMPTY.withStats("openai:a", u -> both);
        List<UnusableProfile> active = Cooldowns.active(store(state, "openai:a", apiKey("openai")), NOW);

        assertThat(active).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(UnusableProfile.Kind.DISABLED);
            assertThat(p.reason()).isEqualTo(FailureReason.AUTH_PERMANENT);
        });
    }

    @Test
    void cooldownWindow_isReportedAsCooldownWithReasonAndModel() {
        AuthState state = AuthState.EMPTY
                .withStats("openai:a", u -> cooldown(NOW + 5 * MINUTE, FailureReason.RATE_LIMIT, "gpt-5"));
        List<UnusableProfile> active = Cooldowns.active(store(state, "openai:a", apiKey("openai")), NOW);

        assertThat(active).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(UnusableProfile.Kind.COOLDOWN);
            assertThat(p.kind().wireName()).isEqualTo("cooldown");
            assertThat(p.reason()).isEqualTo(FailureReason.RATE_LIMIT);
            assertThat(p.model()).isEqualTo("gpt-5");
            assertThat(p.remainingMs()).isEqualTo(5 * MINUTE);
        });
    }

    @Test
    void blockOnly_isReportedAsCooldownScopedToTheBlockedModel() {
        AuthState state = AuthState.EMPTY.withStats("openai:a", u -> blocked(NOW + HOUR, "gpt-5-codex"));
        List<UnusableProfile> active = Cooldowns.active(store(state, "openai:a", apiKey("openai")), NOW);

        assertThat(active).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(UnusableProfile.Kind.COOLDOWN);
            assertThat(p.reason()).isNull();
            assertThat(p.model()).isEqualTo("gpt-5-codex");
        });
    }

    @Test
    void activeWindows_areSortedBySoonestRecovery() {
        AuthState state = AuthState.EMPTY
                .withStats("openai:late", u -> disabled(NOW + 3 * HOUR, FailureReason.BILLING))
                .withStats("openai:soon", u -> cooldown(NOW + MINUTE, FailureReason.TIMEOUT, null))
                .withStats("openai:mid", u -> cooldown(NOW + HOUR, FailureReason.OVERLOADED, null));
        var s = store(state, "openai:late", apiKey("openai"), "openai:soon", apiKey("openai"),
                "openai:mid", apiKey("openai"));

        assertThat(Cooldowns.active(s, NOW)).extracting(UnusableProfile::profileId)
                .containsExactly("openai:soon", "openai:mid", "openai:late");
    }

    @Test
    void expiredWindowsAndPlainUsage_areIgnored() {
        AuthState state = AuthState.EMPTY
                .withStats("openai:past", u -> cooldown(NOW - 1, FailureReason.RATE_LIMIT, null))
                .withStats("openai:due", u -> disabled(NOW, FailureReason.BILLING))
                .withStats("openai:used", u -> lastUsed(NOW - HOUR));
        var s = store(state, "openai:past", apiKey("openai"), "openai:due", apiKey("openai"),
                "openai:used", apiKey("openai"));

        assertThat(Cooldowns.active(s, NOW)).isEmpty();
    }

    @Test
    void openrouterAndKilocode_areNeverListed_evenForStatsWithoutAStoredProfile() {
        AuthState state = AuthState.EMPTY
                .withStats("openrouter:a", u -> disabled(NOW + HOUR, FailureReason.BILLING))
                .withStats("kilocode:orphan", u -> cooldown(NOW + HOUR, FailureReason.RATE_LIMIT, null))
                .withStats("work", u -> cooldown(NOW + HOUR, FailureReason.RATE_LIMIT, null))
                .withStats("anthropic:orphan", u -> cooldown(NOW + HOUR, FailureReason.RATE_LIMIT, null));
        // "work" is stored for openrouter although its id does not say so
        var s = store(state, "openrouter:a", apiKey("openrouter"), "work", apiKey("OpenRouter"));

        assertThat(Cooldowns.active(s, NOW)).singleElement().satisfies(p -> {
            assertThat(p.profileId()).isEqualTo("anthropic:orphan");
            assertThat(p.provider()).isEqualTo("anthropic");
        });
    }
}
