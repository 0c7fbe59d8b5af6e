package ai.openclaw.auth;

import ai.openclaw.config.AuthConfig;
import ai.openclaw.config.AuthMode;
import ai.openclaw.config.AuthProfileConfig;
import ai.openclaw.config.CooldownConfig;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.secrets.SecretRef;
import ai.openclaw.store.AuthState;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real value objects for the auth tests: stores, configs and credentials built directly. */
final class AuthFixtures {
    static final long NOW = 1_750_000_000_000L;
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;

    private AuthFixtures() {}

    static ApiKeyCredential apiKey(String provider) {
        return ApiKeyCredential.of(provider, Secret.of("sk-" + provider + "-0123456789"));
    }

    static ApiKeyCredential apiKeyRef(String provider, String envVar) {
        return new ApiKeyCredential(provider, null, new SecretRef(SecretRef.Source.ENV, "default", envVar), Map.of(),
                ProfileMeta.EMPTY);
    }

    static TokenCredential token(String provider, Long expires) {
        return TokenCredential.of(provider, Secret.of("tok-" + provider + "-0123456789"), expires);
    }

    static TokenCredential tokenRef(String provider, String envVar, Long expires) {
        return new TokenCredential(provider, null, new SecretRef(SecretRef.Source.ENV, "default", envVar), expires,
                ProfileMeta.EMPTY);
    }

    static OAuthCredential oauth(String provider, String access, String refresh, Long expires) {
        return new OAuthCredential(provider, Secret.ofNullable(access), Secret.ofNullable(refresh), null, expires,
                null, null, null, null, null, null, ProfileMeta.EMPTY);
    }

    static AuthProfileConfig profileConfig(String id, String provider, AuthMode mode) {
        return new AuthProfileConfig(id, provider, mode, null, null);
    }

    static AuthConfig config(List<AuthProfileConfig> profiles, Map<String, List<String>> order) {
        Map<String, AuthProfileConfig> byId = new LinkedHashMap<>();
        profiles.forEach(p -> byId.put(p.id(), p));
        return new AuthConfig(byId, order, CooldownConfig.DEFAULTS);
    }

    /** Profiles in the given order: id, credential, id, credential, ... */
    static AuthStore store(Object... idsAndCredentials) {
        return store(AuthState.EMPTY, idsAndCredentials);
    }

    static AuthStore store(AuthState state, Object... idsAndCredentials) {
        Map<String, Credential> profiles = new LinkedHashMap<>();
        for (int i = 0; i < idsAndCredentials.length; i += 2) {
            profiles.put((String) idsAndCredentials[i], (Credential) idsAndCredentials[i + 1]);
        }
        return new AuthStore(profiles, state);
    }

    static UsageStats lastUsed(long at) {
        return new UsageStats(at, null, null, null, null, null, null, null, null, null, null, Map.of(), null);
    }

    static UsageStats cooldown(long until, FailureReason reason, String model) {
        return new UsageStats(null, until, reason, model, null, null, null, null, null, null, 1,
                Map.of(reason, 1), null);
    }

    static UsageStats disabled(long until, FailureReason reason) {
        return new UsageStats(null, null, null, null, until, reason, null, null, null, null, 1, Map.of(reason, 1),
                null);
    }

    static UsageStats blocked(long until, String model) {
        return new UsageStats(null, null, null, null, null, null, until, "subscription_limit", "wham", model, null,
                Map.of(), null);
    }
}
