package ai.openclaw.oauth.refresh;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.oauth.TokenRefresher;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@link TokenRefresher} renews the OAuth credential of a profile. The composition root fills it: one refresher
 * per provider (e.g. {@code openai-codex}), and one per profile id for a login owned by an external program (e.g. the
 * Claude CLI's {@code anthropic:claude-cli}, renewed by re-reading the CLI's credentials).
 *
 * <p>A profile id an external CLI owns ({@link #EXTERNAL_CLI_PROFILES}) never falls back to its provider's refresher:
 * spending the copied refresh token would log the CLI out (logins §2.16, §3.5: such credentials stay externally
 * managed). Immutable.
 */
public final class RefresherRegistry {
    /** Profile ids whose login belongs to another program on this host. */
    public static final Set<String> EXTERNAL_CLI_PROFILES = Set.of("anthropic:claude-cli", "openai-codex:codex-cli",
            "qwen-portal:qwen-cli", "minimax-portal:minimax-cli");

    public static final RefresherRegistry EMPTY = new RefresherRegistry(Map.of(), Map.of());

    private final Map<String, TokenRefresher> byProvider;
    private final Map<String, TokenRefresher> byProfile;

    private RefresherRegistry(Map<String, TokenRefresher> byProvider, Map<String, TokenRefresher> byProfile) {
        this.byProvider = Collections.unmodifiableMap(new LinkedHashMap<>(byProvider));
        this.byProfile = Collections.unmodifiableMap(new LinkedHashMap<>(byProfile));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The refresher of {@code profileId}: its own, else (unless an external CLI owns it) its provider's. */
    public Optional<TokenRefresher> find(String provider, String profileId) {
        TokenRefresher own = profileId == null ? null : byProfile.get(profileId);
        if (own != null) {
            return Optional.of(own);
        }
        if (profileId != null && EXTERNAL_CLI_PROFILES.contains(profileId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byProvider.get(ProviderIds.normalize(provider)));
    }

    @Override
    public String toString() {
        return "RefresherRegistry[providers=" + byProvider.keySet() + ", profiles=" + byProfile.keySet() + "]";
    }

    /** Collects refreshers; a later registration for the same provider or profile replaces the earlier one. */
    public static final class Builder {
        private final Map<String, TokenRefresher> byProvider = new LinkedHashMap<>();
        private final Map<String, TokenRefresher> byProfile = new LinkedHashMap<>();

        private Builder() {}

        /** Serves every profile of {@link TokenRefresher#provider()} (except externally owned ones). */
        public Builder provider(TokenRefresher refresher) {
            byProvider.put(ProviderIds.normalize(refresher.provider()), refresher);
            return this;
        }

        /** Serves exactly {@code profileId}. */
        public Builder profile(String profileId, TokenRefresher refresher) {
            byProfile.put(profileId, refresher);
            return this;
        }

        public RefresherRegistry build() {
            return new RefresherRegistry(byProvider, byProfile);
        }
    }
}
