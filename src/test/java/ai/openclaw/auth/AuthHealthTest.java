package ai.openclaw.auth;

import static ai.openclaw.auth.AuthFixtures.HOUR;
import static ai.openclaw.auth.AuthFixtures.NOW;
import static ai.openclaw.auth.AuthFixtures.apiKey;
import static ai.openclaw.auth.AuthFixtures.oauth;
import static ai.openclaw.auth.AuthFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.credential.Credential;
import ai.openclaw.credential.CredentialType;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.credential.TokenCredential;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthHealthTest {
    private static final long DAY = 24 * HOUR;

    private static ProfileHealth health(Credential c) {
        return AuthHealth.profile("p:1", c, EligibilityRules.ofCredential(c, NOW, RefCheck.ASSUME_RESOLVABLE), NOW);
    }

    private static ProfileHealth withStatus(HealthStatus status, Long expiresAt) {
        return new ProfileHealth("p:" + status, "p", CredentialType.TOKEN, status, ReasonCode.OK, null, expiresAt,
                expiresAt == null ? null : expiresAt - NOW);
    }

    // ---- profile ----

    @Test
    void apiKey_isStatic() {
        ProfileHealth h = health(apiKey("openai"));
        assertThat(h.status()).isEqualTo(HealthStatus.STATIC);
        assertThat(h.expiresAt()).isNull();
        assertThat(h.type()).isEqualTo(CredentialType.API_KEY);
    }

    @Test
    void tokenWithoutExpiry_isStatic() {
        assertThat(health(token("p", null)).status()).isEqualTo(HealthStatus.STATIC);
    }

    @Test
    void token_isOkBeyondTwentyFourHours_andExpiringWithinThem() {
        assertThat(health(token("p", NOW + DAY + 1)).status()).isEqualTo(HealthStatus.OK);
        assertThat(health(token("p", NOW + DAY)).status()).isEqualTo(HealthStatus.EXPIRING);
        ProfileHealth soon = health(token("p", NOW + HOUR));
        assertThat(soon.status()).isEqualTo(HealthStatus.EXPIRING);
        assertThat(soon.expiresAt()).isEqualTo(NOW + HOUR);
        assertThat(soon.remainingMs()).isEqualTo(HOUR);
    }

    @Test
    void expiredToken_isExpired_withReasonCode() {
        ProfileHealth h = health(token("p", NOW - 1));
        assertThat(h.status()).isEqualTo(HealthStatus.EXPIRED);
        assertThat(h.reasonCode()).isEqualTo(ReasonCode.EXPIRED);
        assertThat(h.remainingMs()).isEqualTo(-1L);
    }

    @Test
    void ineligibleForAnotherReason_isMissing_withReasonCode() {
        ProfileHealth noToken = health(new TokenCredential("p", null, null, NOW + DAY, ProfileMeta.EMPTY));
        assertThat(noToken.status()).isEqualTo(HealthStatus.MISSING);
        assertThat(noToken.reasonCode()).isEqualTo(ReasonCode.MISSING_CREDENTIAL);

        ProfileHealth invalid = health(token("p", 0L));
        assertThat(invalid.status()).isEqualTo(HealthStatus.MISSING);
        assertThat(invalid.reasonCode()).isEqualTo(ReasonCode.INVALID_EXPIRES);
        assertThat(invalid.expiresAt()).isNull();
    }

    @Test
    void oauth_usesTheTwentyFourHourWindow() {
        assertThat(health(oauth("openai", "a", "r", NOW + 2 * DAY)).status()).isEqualTo(HealthStatus.OK);
        assertThat(health(oauth("openai", "a", "r", NOW + 2 * HOUR)).status()).isEqualTo(HealthStatus.EXPIRING);
    }

    @Test
    void oauthWithExpiredAccessToken_isExpiredButEligible() {
        ProfileHealth h = health(oauth("openai", "a", "r", NOW - HOUR));
        assertThat(h.status()).isEqualTo(HealthStatus.EXPIRED);
        assertThat(h.reasonCode()).isEqualTo(ReasonCode.OK);
    }

    @Test
    void oauthWithoutValidExpires_isMissing() {
        ProfileHealth absent = health(oauth("openai", "a", "r", null));
        assertThat(absent.status()).isEqualTo(HealthStatus.MISSING);
        assertThat(absent.detail()).contains("expires");
        assertThat(health(oauth("openai", "a", "r", 0L)).status()).isEqualTo(HealthStatus.MISSING);
    }

    @Test
    void oauthWithoutTokens_isMissing_withReasonCode() {
        ProfileHealth h = health(oauth("openai", null, null, NOW + DAY));
        assertThat(h.status()).isEqualTo(HealthStatus.MISSING);
        assertThat(h.reasonCode()).isEqualTo(ReasonCode.MISSING_CREDENTIAL);
    }

    // ---- provider rollup ----

    @Test
    void provider_withoutProfiles_isMissing() {
        ProviderHealth h = AuthHealth.provider("openai", List.of(), NOW);
        assertThat(h.status()).isEqualTo(HealthStatus.MISSING);
        assertThat(h.expiresAt()).isNull();
        assertThat(h.remainingMs()).isNull();
    }

    @Test
    void provider_withOnlyStaticProfiles_isStatic() {
        assertThat(AuthHealth.provider("p", List.of(withStatus(HealthStatus.STATIC, null),
                withStatus(HealthStatus.STATIC, null)), NOW).status()).isEqualTo(HealthStatus.STATIC);
    }

    @Test
    void provider_rollupPrecedence_isExpiredThenMissingThenExpiringThenOk() {
        var ok = withStatus(HealthStatus.OK, NOW + 3 * DAY);
        var expiring = withStatus(HealthStatus.EXPIRING, NOW + HOUR);
        var missing = withStatus(HealthStatus.MISSING, null);
        var expired = withStatus(HealthStatus.EXPIRED, NOW - HOUR);
        var stat = withStatus(HealthStatus.STATIC, null);

        assertThat(AuthHealth.provider("p", List.of(stat, ok), NOW).status()).isEqualTo(HealthStatus.OK);
        assertThat(AuthHealth.provider("p", List.of(ok, expiring, stat), NOW).status())
                .isEqualTo(HealthStatus.EXPIRING);
        assertThat(AuthHealth.provider("p", List.of(expiring, missing, ok), NOW).status())
                .isEqualTo(HealthStatus.MISSING);
        assertThat(AuthHealth.provider("p", List.of(missing, expired, expiring, ok), NOW).status())
                .isEqualTo(HealthStatus.EXPIRED);
    }

    @Test
    void provider_expiresAt_isTheEarliestExpiry() {
        var later = withStatus(HealthStatus.OK, NOW + 3 * DAY);
        var sooner = withStatus(HealthStatus.EXPIRING, NOW + HOUR);
        ProviderHealth h = AuthHealth.provider("p", List.of(later, withStatus(HealthStatus.STATIC, null), sooner), NOW);
        assertThat(h.expiresAt()).isEqualTo(NOW + HOUR);
        assertThat(h.remainingMs()).isEqualTo(HOUR);
        assertThat(h.profiles()).hasSize(3);
    }

    @Test
    void healthStatus_wireNames() {
        assertThat(HealthStatus.values()).extracting(HealthStatus::wireName)
                .containsExactly("static", "ok", "expiring", "expired", "missing");
    }
}
