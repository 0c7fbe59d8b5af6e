package ai.openclaw.oauth.codex;

import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.oauth.OAuthRefreshException;
import ai.openclaw.oauth.RefreshFailure;
import ai.openclaw.oauth.TokenRefresher;
import java.time.Duration;
import java.util.Objects;

/**
 * Refreshes {@code openai-codex} credentials (logins §2.10): one {@code refresh_token} grant, the answer merged over
 * the stored credential.
 *
 * <p>Merge rules: access, refresh and expiry come from the answer; the e-mail and display name stay as stored (the
 * profile id was made from them); the account id and plan are re-read from the new access token. When the new token
 * carries no account id, the stored one is kept and the new tokens are still returned. OpenClaw instead returns the
 * old credential unchanged in that case, which throws away the rotated refresh token after the old one was spent and
 * so kills the login; keeping the new tokens is the only choice that loses nothing.
 *
 * <p>Failures are classified with {@link RefreshFailure#classify} on the provider's error body
 * ({@code refresh_token_reused}, {@code invalid_grant}, ...), a missed deadline is {@link RefreshFailure#TIMEOUT}.
 * Messages name the provider and the cause, never a token.
 */
public final class CodexRefresher implements TokenRefresher {
    private final CodexTokenClient client;

    public CodexRefresher(CodexTokenClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String provider() {
        return CodexEndpoints.PROVIDER;
    }

    @Override
    public OAuthCredential refresh(OAuthCredential current, Duration timeout) throws OAuthRefreshException {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(timeout, "timeout");
        if (!provider().equals(current.provider())) {
            throw new IllegalArgumentException("CodexRefresher refreshes " + provider() + " credentials, not "
                    + current.provider());
        }
        if (current.refresh() == null) {
            throw new OAuthRefreshException(RefreshFailure.INVALID_REFRESH_TOKEN, prefix()
                    + "the stored credential has no refresh token. Run `openclaw models auth login --provider "
                    + provider() + "`.");
        }
        CodexTokens tokens;
        try {
            tokens = client.refresh(current.refresh(), timeout);
        } catch (CodexTokenException e) {
            throw translate(e, timeout);
        }
        CodexIdentity identity = CodexIdentity.of(tokens.access(), tokens.idToken());
        ProfileMeta meta = current.meta().email() == null && identity.email() != null
                ? current.meta().withEmail(identity.email()) : current.meta();
        return new OAuthCredential(current.provider(), tokens.access(), tokens.refresh(),
                tokens.idToken() != null ? tokens.idToken() : current.idToken(), tokens.expiresAt(),
                current.clientId(), current.enterpriseUrl(), current.projectId(),
                identity.accountId() != null ? identity.accountId() : current.accountId(),
                identity.planType() != null ? identity.planType() : current.chatgptPlanType(),
                current.oauthRef(), meta);
    }

    private OAuthRefreshException translate(CodexTokenException e, Duration timeout) {
        return switch (e.kind()) {
            case TIMEOUT -> new OAuthRefreshException(RefreshFailure.TIMEOUT,
                    "OAuth refresh call \"" + provider() + "\" exceeded hard timeout (" + timeout.toMillis() + "ms)", e);
            case REJECTED -> {
                RefreshFailure failure = RefreshFailure.classify(e.providerText());
                String hint = failure.needsLogin()
                        ? " Run `openclaw models auth login --provider " + provider() + "` to sign in again." : "";
                yield new OAuthRefreshException(failure, prefix() + e.getMessage() + "." + hint, e);
            }
            case MALFORMED, UNREACHABLE -> new OAuthRefreshException(RefreshFailure.OTHER, prefix() + e.getMessage(), e);
        };
    }

    private String prefix() {
        return "OAuth token refresh failed for " + provider() + ": ";
    }
}
