package ai.openclaw.auth;

import static ai.openclaw.auth.AuthFixtures.HOUR;
import static ai.openclaw.auth.AuthFixtures.NOW;
import static ai.openclaw.auth.AuthFixtures.apiKey;
import static ai.openclaw.auth.AuthFixtures.apiKeyRef;
import static ai.openclaw.auth.AuthFixtures.config;
import static ai.openclaw.auth.AuthFixtures.oauth;
import static ai.openclaw.auth.AuthFixtures.profileConfig;
import static ai.openclaw.auth.AuthFixtures.store;
import static ai.openclaw.auth.AuthFixtures.token;
import static ai.openclaw.auth.AuthFixtures.tokenRef;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.config.AuthConfig;
import ai.openclaw.config.AuthMode;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.CredentialType;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.json.Json;
import ai.openclaw.secrets.SecretRef;
import ai.openclaw.store.AuthStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityRulesTest {
    private static final RefCheck OK_REFS = RefCheck.ASSUME_RESOLVABLE;
    private static final RefCheck FAILING_REFS = ref -> Optional.of("Environment variable \"" + ref.id()
            + "\" is missing or empty.");

    private static Eligibility of(ai.openclaw.credential.Credential c) {
        return EligibilityRules.ofCredential(c, NOW, OK_REFS);
    }

    // ---- stored credential ----

    @Test
    void apiKeyWithKey_isOk() {
        assertThat(of(apiKey("openai"))).isEqualTo(Eligibility.OK);
    }

    @Test
    void apiKeyWithoutKeyOrRef_isMissingCredential() {
        var c = new ApiKeyCredential("openai", null, null, Map.of(), ProfileMeta.EMPTY);
        assertThat(of(c).code()).isEqualTo(ReasonCode.MISSING_CREDENTIAL);
    }

    @Test
    void apiKeyRefThatFailsToResolve_isUnresolvedRef_withTheCheckersMessage() {
        List<SecretRef> asked = new ArrayList<>();
        RefCheck failing = ref -> {
            asked.add(ref);
            return FAILING_REFS.failure(ref);
        };
        Eligibility e = EligibilityRules.ofCredential(apiKeyRef("openai", "OPENAI_API_KEY"), NOW, failing);
        assertThat(e.code()).isEqualTo(ReasonCode.UNRESOLVED_REF);
        assertThat(e.detail()).isEqualTo("Environment variable \"OPENAI_API_KEY\" is missing or empty.");
        assertThat(asked).containsExactly(new SecretRef(SecretRef.Source.ENV, "default", "OPENAI_API_KEY"));
    }

    @Test
    void apiKeyRefThatResolves_isOk() {
        assertThat(of(apiKeyRef("openai", "OPENAI_API_KEY"))).isEqualTo(Eligibility.OK);
    }

    @Test
    void keyRefWinsOverPlaintextKey() {
        var both = new ApiKeyCredential("openai", Secret.of("sk-plain"),
                new SecretRef(SecretRef.Source.ENV, "default", "OPENAI_API_KEY"), Map.of(), ProfileMeta.EMPTY);
        assertThat(EligibilityRules.ofCredential(both, NOW, FAILING_REFS).code()).isEqualTo(ReasonCode.UNRESOLVED_REF);
    }

    @Test
    void shorthandKeyIsResolvedThroughTheRefCheck() {
        var shorthand = ApiKeyCredential.of("openai", Secret.of("${OPENAI_API_KEY}"));
        List<SecretRef> asked = new ArrayList<>();
        Eligibility failing = EligibilityRules.ofCredential(shorthand, NOW, ref -> {
            asked.add(ref);
            return Optional.of("missing");
        });
        assertThat(failing.code()).isEqualTo(ReasonCode.UNRESOLVED_REF);
        assertThat(asked).singleElement().satisfies(ref -> {
            assertThat(ref.source()).isEqualTo(SecretRef.Source.ENV);
            assertThat(ref.id()).isEqualTo("OPENAI_API_KEY");
        });
        assertThat(EligibilityRules.ofCredential(shorthand, NOW, OK_REFS)).isEqualTo(Eligibility.OK);
    }

    @Test
    void tokenWithoutTokenOrRef_isMissingCredential() {
        var c = new ai.openclaw.credential.TokenCredential("p", null, null, null, ProfileMeta.EMPTY);
        assertThat(of(c).code()).isEqualTo(ReasonCode.MISSING_CREDENTIAL);
    }

    @Test
    void tokenWithoutExpires_isOk() {
        assertThat(of(token("p", null))).isEqualTo(Eligibility.OK);
    }

    @Test
    void tokenInTheFuture_isOk() {
        assertThat(of(token("p", NOW + HOUR))).isEqualTo(Eligibility.OK);
    }

    @Test
    void tokenAtOrPastExpiry_isExpired() {
        assertThat(of(token("p", NOW)).code()).isEqualTo(ReasonCode.EXPIRED);
        assertThat(of(token("p", NOW - 1)).code()).isEqualTo(ReasonCode.EXPIRED);
    }

    @Test
    void tokenWithInvalidExpires_isInvalidExpires() {
        assertThat(of(token("p", 0L)).code()).isEqualTo(ReasonCode.INVALID_EXPIRES);
        assertThat(of(token("p", 8_640_000_000_000_001L)).code()).isEqualTo(ReasonCode.INVALID_EXPIRES);
    }

    @Test
    void tokenRefDoesNotBypassExpiry() {
        assertThat(of(tokenRef("p", "GH_TOKEN", NOW - 1)).code()).isEqualTo(ReasonCode.EXPIRED);
    }

    @Test
    void tokenRefThatFailsToResolve_isUnresolvedRef() {
        Eligibility e = EligibilityRules.ofCredential(tokenRef("p", "GH_TOKEN", null), NOW, FAILING_REFS);
        assertThat(e.code()).isEqualTo(ReasonCode.UNRESOLVED_REF);
        assertThat(e.detail()).contains("GH_TOKEN");
    }

    @Test
    void oauthWithOnlyARefreshToken_isOk() {
        assertThat(of(oauth("openai", null, "ref", null))).isEqualTo(Eligibility.OK);
    }

    @Test
    void oauthWithAnExpiredAccessToken_isStillOk() {
        assertThat(of(oauth("openai", "acc", null, NOW - HOUR))).isEqualTo(Eligibility.OK);
    }

    @Test
    void oauthWithOnlyAnOauthRef_isUnresolvedRef() {
        var ref = Json.object().put("source", "openclaw-credentials").put("provider", "openai-codex")
                .put("id", "0123456789abcdef0123456789abcdef");
        var c = new OAuthCredential("openai", null, null, null, null, null, null, null, null, null, ref,
                ProfileMeta.EMPTY);
        assertThat(of(c).code()).isEqualTo(ReasonCode.UNRESOLVED_REF);
    }

    @Test
    void oauthWithNothing_isMissingCredential() {
        assertThat(of(oauth("openai", null, null, null)).code()).isEqualTo(ReasonCode.MISSING_CREDENTIAL);
    }

    // ---- profile for a provider ----

    @Test
    void forProvider_unknownId_isProfileMissing() {
        Eligibility e = EligibilityRules.forProvider("openai:nope", "openai", store(), AuthConfig.EMPTY, NOW, OK_REFS);
        assertThat(e.code()).isEqualTo(ReasonCode.PROFILE_MISSING);
    }

    @Test
    void forProvider_configOnlyAwsSdkProfile_isOkForItsProviderOnly() {
        AuthConfig cfg = config(List.of(profileConfig("bedrock:aws", "amazon-bedrock", AuthMode.AWS_SDK)), Map.of());
        assertThat(EligibilityRules.forProvider("bedrock:aws", "amazon-bedrock", store(), cfg, NOW, OK_REFS))
                .isEqualTo(Eligibility.OK);
        assertThat(EligibilityRules.forProvider("bedrock:aws", "openai", store(), cfg, NOW, OK_REFS).code())
                .isEqualTo(ReasonCode.PROFILE_MISSING);
    }

    @Test
    void forProvider_storedForAnotherProvider_isProviderMismatch() {
        AuthStore s = store("anthropic:default", apiKey("anthropic"));
        assertThat(EligibilityRules.forProvider("anthropic:default", "openai", s, AuthConfig.EMPTY, NOW, OK_REFS)
                .code()).isEqualTo(ReasonCode.PROVIDER_MISMATCH);
    }

    @Test
    void forProvider_comparesNormalizedProviders() {
        AuthStore s = store("zai:default", apiKey("zai"));
        assertThat(EligibilityRules.forProvider("zai:default", " Z.AI ", s, AuthConfig.EMPTY, NOW, OK_REFS))
                .isEqualTo(Eligibility.OK);
    }

    @Test
    void forProvider_configModeDifferentFromStoredType_isModeMismatch() {
        AuthStore s = store("openai:a", token("openai", null));
        AuthConfig cfg = config(List.of(profileConfig("openai:a", "openai", AuthMode.API_KEY)), Map.of());
        Eligibility e = EligibilityRules.forProvider("openai:a", "openai", s, cfg, NOW, OK_REFS);
        assertThat(e.code()).isEqualTo(ReasonCode.MODE_MISMATCH);
        assertThat(e.detail()).contains("api_key", "token");
    }

    @Test
    void forProvider_configOauthAcceptsAStoredToken() {
        AuthStore s = store("anthropic:setup", token("anthropic", null));
        AuthConfig cfg = config(List.of(profileConfig("anthropic:setup", "anthropic", AuthMode.OAUTH)), Map.of());
        assertThat(EligibilityRules.forProvider("anthropic:setup", "anthropic", s, cfg, NOW, OK_REFS))
                .isEqualTo(Eligibility.OK);
    }

    @Test
    void forProvider_configTokenRejectsAStoredOauth() {
        AuthStore s = store("anthropic:me", oauth("anthropic", "acc", "ref", NOW + HOUR));
        AuthConfig cfg = config(List.of(profileConfig("anthropic:me", "anthropic", AuthMode.TOKEN)), Map.of());
        assertThat(EligibilityRules.forProvider("anthropic:me", "anthropic", s, cfg, NOW, OK_REFS).code())
                .isEqualTo(ReasonCode.MODE_MISMATCH);
    }

    @Test
    void forProvider_configOauthWithARefBackedToken_isUnresolvedRef() {
        AuthStore s = store("anthropic:setup", tokenRef("anthropic", "ANTHROPIC_TOKEN", null));
        AuthConfig cfg = config(List.of(profileConfig("anthropic:setup", "anthropic", AuthMode.OAUTH)), Map.of());
        Eligibility e = EligibilityRules.forProvider("anthropic:setup", "anthropic", s, cfg, NOW, OK_REFS);
        assertThat(e.code()).isEqualTo(ReasonCode.UNRESOLVED_REF);
        assertThat(e.detail()).contains("OAuth + SecretRef");
    }

    @Test
    void forProvider_passesThroughTheCredentialReason() {
        AuthStore s = store("openai:t", token("openai", NOW - 1));
        assertThat(EligibilityRules.forProvider("openai:t", "openai", s, AuthConfig.EMPTY, NOW, OK_REFS).code())
                .isEqualTo(ReasonCode.EXPIRED);
    }

    @ParameterizedTest
    @CsvSource({
            "API_KEY, API_KEY, true", "API_KEY, TOKEN, false", "API_KEY, OAUTH, false",
            "TOKEN, TOKEN, true", "TOKEN, OAUTH, false", "TOKEN, API_KEY, false",
            "OAUTH, OAUTH, true", "OAUTH, TOKEN, true", "OAUTH, API_KEY, false",
            "AWS_SDK, API_KEY, false", "AWS_SDK, TOKEN, false", "AWS_SDK, OAUTH, false"
    })
    void modeAccepts_requiresEqualityExceptOauthAcceptsToken(AuthMode mode, CredentialType type, boolean expected) {
        assertThat(EligibilityRules.modeAccepts(mode, type)).isEqualTo(expected);
    }

    @Test
    void reasonCodes_useOpenClawWireNames() {
        assertThat(ReasonCode.values()).extracting(ReasonCode::wireName).containsExactly("ok", "missing_credential",
                "expired", "invalid_expires", "unresolved_ref", "profile_missing", "provider_mismatch",
                "mode_mismatch");
    }
}
