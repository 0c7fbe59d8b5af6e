package ai.openclaw.app;

import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.oauth.OAuthRefreshException;
import ai.openclaw.oauth.RefreshFailure;
import ai.openclaw.oauth.TokenRefresher;
import ai.openclaw.oauth.codex.CodexEndpoints;
import ai.openclaw.oauth.codex.CodexRefresher;
import ai.openclaw.oauth.codex.CodexTokenClient;
import ai.openclaw.oauth.refresh.RefresherRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The token refreshers of this build: OpenAI Codex by provider, and the Claude CLI re-sync for the one profile the
 * Claude CLI owns ({@code anthropic:claude-cli}; never for other Anthropic logins, which it would replace).
 */
final class BuiltInRefreshers {
    private BuiltInRefreshers() {}

    static RefresherRegistry of(AppContext ctx, Supplier<Map<String, String>> env) {
        return RefresherRegistry.builder()
                .provider(new OnDemandCodex(ctx, env))
                .profile(ai.openclaw.claudecli.ClaudeCliCredentials.PROFILE_ID, new ClaudeCliProfile(ctx).refresher())
                .build();
    }

    /**
     * Codex refresh with an HTTP client made for the call, from the environment in force then (endpoint overrides,
     * proxies): refreshes are rare, so no connection pool outlives them.
     */
    private record OnDemandCodex(AppContext ctx, Supplier<Map<String, String>> env) implements TokenRefresher {
        @Override
        public String provider() {
            return CodexEndpoints.PROVIDER;
        }

        @Override
        public OAuthCredential refresh(OAuthCredential current, Duration timeout) throws OAuthRefreshException {
            Map<String, String> vars = env.get();
            CodexEndpoints endpoints;
            try {
                endpoints = CodexEndpoints.fromEnv(vars);
            } catch (IllegalArgumentException e) {
                throw new OAuthRefreshException(RefreshFailure.OTHER,
                        "OAuth token refresh failed for " + provider() + ": " + e.getMessage());
            }
            try (CodexTokenClient client = CodexTokenClient.create(endpoints, vars, ctx.clock())) {
                return new CodexRefresher(client).refresh(current, timeout);
            }
        }
    }
}
