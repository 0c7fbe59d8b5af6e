package ai.openclaw.routing;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.oauth.OAuthRefreshException;
import ai.openclaw.oauth.RefreshFailure;
import ai.openclaw.oauth.refresh.Freshness;
import ai.openclaw.oauth.refresh.RefreshCoordinator;
import ai.openclaw.oauth.refresh.RefreshMessages;

/**
 * Makes an OAuth profile's candidate usable right before its attempt (before the first byte reaches the client):
 * a fresh token is used as is; one that is expired or about to expire is refreshed through the host's
 * {@link RefreshCoordinator} (which saves the rotated refresh token before the new access token is handed out here).
 *
 * <p>Skips, with their reason codes:
 * <ul>
 *   <li>{@code refresh_failed:<cause>} ({@code invalid_grant}, {@code refresh_token_reused}, {@code sign_in_again},
 *       {@code invalid_refresh_token}, {@code revoked}, {@code timeout}, {@code refresh_contention}), or plain
 *       {@code refresh_failed} for any other cause: the refresh failed; its message (with the way to recover) is the
 *       skip's detail. The store's credential is left as it was, and the next candidate serves.</li>
 *   <li>{@code expired} ({@code invalid_expires} for an unreadable expiry): the token is no longer valid and no
 *       refresher is registered for the provider.</li>
 * </ul>
 * A token still within its last five minutes is used as is when no refresher exists or its refresh fails.
 */
final class OAuthTokens {
    static final String REFRESH_FAILED = "refresh_failed";

    private final RoutingContext ctx;

    OAuthTokens(RoutingContext ctx) {
        this.ctx = ctx;
    }

    /** {@code u} itself, {@code u} with a refreshed token, or a skip saying why the profile cannot serve. */
    Candidate prepare(String agentId, Candidate.Usable u) {
        OAuthCredential seen = u.oauth();
        RefreshCoordinator oauth = ctx.oauthRefresh();
        Freshness freshness = oauth.freshness(seen);
        if (freshness == Freshness.FRESH) {
            return u;
        }
        String provider = ProviderIds.normalize(seen.provider());
        if (freshness == Freshness.EXPIRED && !oauth.refreshable(provider, u.profileId())) {
            boolean unreadable = seen.access() != null && seen.expires() != null && seen.expires() <= 0;
            return new Candidate.Skipped(u.profileId(), unreadable ? "invalid_expires" : "expired", 0, null,
                    RefreshMessages.noRefresher(provider, u.profileId()));
        }
        try {
            OAuthCredential usable = oauth.fresh(ctx.repository(agentId), u.profileId(), seen);
            return usable == seen ? u : u.with(usable);
        } catch (OAuthRefreshException e) {
            return new Candidate.Skipped(u.profileId(), reason(e.failure()), 0, null, e.getMessage());
        }
    }

    static String reason(RefreshFailure failure) {
        return failure == RefreshFailure.OTHER ? REFRESH_FAILED : REFRESH_FAILED + ":" + failure.wireName();
    }
}
