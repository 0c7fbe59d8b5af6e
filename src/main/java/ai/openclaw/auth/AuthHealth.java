package ai.openclaw.auth;

import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.TokenCredential;
import java.util.List;
import java.util.Objects;

/** Health of credentials: {@code static}, {@code ok}, {@code expiring} (24 h window), {@code expired}, {@code missing}. */
public final class AuthHealth {
    /** Tokens expiring within this window are reported as expiring ({@code --check} exit 2). */
    public static final long WARN_AFTER_MS = 24L * 60 * 60 * 1000;
    /** OAuth access tokens closer than this to expiry are refreshed before use. */
    public static final long OAUTH_REFRESH_MARGIN_MS = 5L * 60 * 1000;

    private AuthHealth() {}

    public static ProfileHealth profile(String id, Credential c, Eligibility eligibility, long now) {
        Long expires = switch (c) {
            case ApiKeyCredential k -> null;
            case TokenCredential t -> t.expires();
            case OAuthCredential o -> o.expires();
        };
        Long validExpires = expires != null && expires > 0 && expires <= ExpiryState.MAX_EPOCH_MS ? expires : null;
        Long remaining = validExpires == null ? null : validExpires - now;
        if (!eligibility.ok()) {
            HealthStatus s = eligibility.code() == ReasonCode.EXPIRED ? HealthStatus.EXPIRED : HealthStatus.MISSING;
            return new ProfileHealth(id, c.provider(), c.type(), s, eligibility.code(), eligibility.detail(),
                    validExpires, remaining);
        }
        HealthStatus status = switch (c) {
            case ApiKeyCredential k -> HealthStatus.STATIC;
            case TokenCredential t -> t.expires() == null ? HealthStatus.STATIC : byRemaining(remaining, WARN_AFTER_MS);
            case OAuthCredential o -> validExpires == null ? HealthStatus.MISSING
                    : byRemaining(remaining, Math.max(WARN_AFTER_MS, OAUTH_REFRESH_MARGIN_MS));
        };
        String detail = status == HealthStatus.MISSING ? "OAuth credential has no valid expires timestamp" : null;
        return new ProfileHealth(id, c.provider(), c.type(), status, ReasonCode.OK, detail, validExpires, remaining);
    }

    private static HealthStatus byRemaining(Long remaining, long window) {
        if (remaining == null) {
            return HealthStatus.MISSING;
        }
        if (remaining <= 0) {
            return HealthStatus.EXPIRED;
        }
        return remaining <= window ? HealthStatus.EXPIRING : HealthStatus.OK;
    }

    /**
     * Rolls profiles up: none means {@code missing}; otherwise the worst of expired, missing, expiring, ok, with
     * {@code static} only when every profile is static. {@code expiresAt} is the earliest expiry.
     */
    public static ProviderHealth provider(String provider, List<ProfileHealth> profiles, long now) {
        HealthStatus status;
        if (profiles.isEmpty()) {
            status = HealthStatus.MISSING;
        } else if (has(profiles, HealthStatus.EXPIRED)) {
            status = HealthStatus.EXPIRED;
        } else if (has(profiles, HealthStatus.MISSING)) {
            status = HealthStatus.MISSING;
        } else if (has(profiles, HealthStatus.EXPIRING)) {
            status = HealthStatus.EXPIRING;
        } else if (has(profiles, HealthStatus.OK)) {
            status = HealthStatus.OK;
        } else {
            status = HealthStatus.STATIC;
        }
        Long earliest = profiles.stream().map(ProfileHealth::expiresAt).filter(Objects::nonNull)
                .min(Long::compare).orElse(null);
        return new ProviderHealth(provider, status, earliest, earliest == null ? null : earliest - now, profiles);
    }

    private static boolean has(List<ProfileHealth> profiles, HealthStatus s) {
        return profiles.stream().anyMatch(p -> p.status() == s);
    }
}
