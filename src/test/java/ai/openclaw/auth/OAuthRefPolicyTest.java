package ai.openclaw.auth;

import static ai.openclaw.auth.AuthFixtures.apiKey;
import static ai.openclaw.auth.AuthFixtures.apiKeyRef;
import static ai.openclaw.auth.AuthFixtures.config;
import static ai.openclaw.auth.AuthFixtures.oauth;
import static ai.openclaw.auth.AuthFixtures.profileConfig;
import static ai.openclaw.auth.AuthFixtures.store;
import static ai.openclaw.auth.AuthFixtures.tokenRef;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.config.AuthConfig;
import ai.openclaw.config.AuthMode;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.json.Json;
import ai.openclaw.store.AuthProfilesCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OAuthRefPolicyTest {
    private static final String ENV_REF = "{\"source\":\"env\",\"provider\":\"default\",\"id\":\"SOME_VAR\"}";

    /** Decodes one stored entry the way the store does, so refs in oauth fields land where the loader puts them. */
    private static Credential stored(String entryJson) {
        List<ai.openclaw.store.LoadWarning> warnings = new ArrayList<>();
        Credential c = AuthProfilesCodec.decodeCredential(Path.of("auth-profiles.json"), "x",
                Json.parse(Path.of("auth-profiles.json"), entryJson), warnings);
        assertThat(warnings).isEmpty();
        return c;
    }

    private static List<String> fields(List<OAuthRefPolicy.Violation> violations) {
        return violations.stream().map(OAuthRefPolicy.Violation::field).toList();
    }

    @Test
    void oauthWithPlainTokens_hasNoViolation() {
        assertThat(OAuthRefPolicy.violations(store("openai:me", oauth("openai", "acc", "ref", null)),
                AuthConfig.EMPTY)).isEmpty();
    }

    @Test
    void oauthWithRefObjectInAccess_isAViolation() {
        Credential c = stored("{\"type\":\"oauth\",\"provider\":\"openai\",\"access\":" + ENV_REF
                + ",\"refresh\":\"r\"}");
        List<OAuthRefPolicy.Violation> v = OAuthRefPolicy.violations(store("openai:me", c), AuthConfig.EMPTY);
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.profileId()).isEqualTo("openai:me");
            assertThat(x.field()).isEqualTo("access");
            assertThat(x.reason()).contains("SecretRef", "OAuth");
        });
    }

    @Test
    void oauthWithShorthandRefreshToken_isAViolation() {
        Credential c = stored("{\"type\":\"oauth\",\"provider\":\"openai\",\"access\":\"a\","
                + "\"refresh\":\"${REFRESH_TOKEN}\"}");
        assertThat(fields(OAuthRefPolicy.violations(store("openai:me", c), AuthConfig.EMPTY)))
                .containsExactly("refresh");
    }

    @Test
    void oauthWithRefsInExtraCredentialFields_areViolations() {
        Credential c = stored("{\"type\":\"oauth\",\"provider\":\"openai\",\"access\":\"a\","
                + "\"token\":\"$TOKEN_VAR\",\"tokenRef\":" + ENV_REF + ",\"key\":\"${KEY_VAR}\",\"keyRef\":" + ENV_REF
                + ",\"note\":\"${NOT_A_CREDENTIAL_FIELD}\"}");
        assertThat(fields(OAuthRefPolicy.violations(store("openai:me", c), AuthConfig.EMPTY)))
                .containsExactlyInAnyOrder("token", "tokenRef", "key", "keyRef");
    }

    @Test
    void apiKeyWithKeyRef_underConfigModeOauth_isAViolation() {
        AuthConfig cfg = config(List.of(profileConfig("openai:k", "openai", AuthMode.OAUTH)), Map.of());
        List<OAuthRefPolicy.Violation> v = OAuthRefPolicy.violations(
                store("openai:k", apiKeyRef("openai", "OPENAI_API_KEY")), cfg);
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("keyRef");
            assertThat(x.reason()).contains("mode is \"oauth\"");
        });
    }

    @Test
    void apiKeyWithShorthandKey_underConfigModeOauth_isAViolation() {
        AuthConfig cfg = config(List.of(profileConfig("openai:k", "openai", AuthMode.OAUTH)), Map.of());
        var c = ApiKeyCredential.of("openai", Secret.of("${OPENAI_API_KEY}"));
        assertThat(fields(OAuthRefPolicy.violations(store("openai:k", c), cfg))).containsExactly("key");
    }

    @Test
    void tokenWithTokenRef_underConfigModeOauth_isAViolation() {
        AuthConfig cfg = config(List.of(profileConfig("anthropic:t", "anthropic", AuthMode.OAUTH)), Map.of());
        assertThat(fields(OAuthRefPolicy.violations(store("anthropic:t", tokenRef("anthropic", "TOK", null)), cfg)))
                .containsExactly("tokenRef");
        var shorthand = TokenCredential.of("anthropic", Secret.of("$TOK"), null);
        assertThat(fields(OAuthRefPolicy.violations(store("anthropic:t", shorthand), cfg)))
                .containsExactly("token");
    }

    @Test
    void refBackedApiKey_withoutOauthMode_isAllowed() {
        AuthConfig apiKeyMode = config(List.of(profileConfig("openai:k", "openai", AuthMode.API_KEY)), Map.of());
        var s = store("openai:k", apiKeyRef("openai", "OPENAI_API_KEY"));
        assertThat(OAuthRefPolicy.violations(s, apiKeyMode)).isEmpty();
        assertThat(OAuthRefPolicy.violations(s, AuthConfig.EMPTY)).isEmpty();
    }

    @Test
    void plainApiKey_underConfigModeOauth_isNotAPolicyViolation() {
        AuthConfig cfg = config(List.of(profileConfig("openai:k", "openai", AuthMode.OAUTH)), Map.of());
        assertThat(OAuthRefPolicy.violations(store("openai:k", apiKey("openai")), cfg)).isEmpty();
    }

    @Test
    void message_hasTheOpenClawHeaderAndOneLinePerViolation() {
        var violations = List.of(
                new OAuthRefPolicy.Violation("openai:me", "access", "SecretRef is not allowed"),
                new OAuthRefPolicy.Violation("openai:k", "keyRef", "also not allowed"));

        String msg = OAuthRefPolicy.message("Gateway startup", violations);

        assertThat(msg).isEqualTo("""
                Gateway startup policy validation failed: OAuth + SecretRef is not supported.
                - profiles.openai:me.access: SecretRef is not allowed
                - profiles.openai:k.keyRef: also not allowed""");
    }

    @Test
    void message_neverContainsSecretValues() {
        Credential c = stored("{\"type\":\"oauth\",\"provider\":\"openai\",\"access\":\"acc-PLAINSECRET\","
                + "\"refresh\":\"${REFRESH_TOKEN}\"}");
        String msg = OAuthRefPolicy.message("auth", OAuthRefPolicy.violations(store("openai:me", c), AuthConfig.EMPTY));
        assertThat(msg).contains("profiles.openai:me.refresh").doesNotContain("PLAINSECRET");
    }
}
