package ai.openclaw.oauth.refresh;

import ai.openclaw.credential.OAuthCredential;

/**
 * How usable a stored OAuth access token is at one instant, judged with the refresh margin (logins §2.11: usable only
 * while {@code expires - now > 5 min}).
 *
 * <p><b>Time.</b> The instant is the caller's ({@code now} from an injected clock); nothing here reads a clock.
 */
public enum Freshness {
    /** Use it as is: more than the margin left, or no expiry recorded (nothing tells us to refresh). */
    FRESH,
    /**
     * Still valid, but within the margin: refresh now (proactively); if that fails the token is still used until it
     * expires.
     */
    REFRESH_DUE,
    /** Unusable until refreshed: no access token, an invalid {@code expires}, or expired. */
    EXPIRED;

    /** The refresh margin of the reference implementation ({@code DEFAULT_OAUTH_REFRESH_MARGIN_MS}). */
    public static final long DEFAULT_MARGIN_MS = 300_000;

    /**
     * @param nowMillis epoch milliseconds
     * @param marginMs  how long before expiry a token stops counting as fresh
     */
    public static Freshness of(OAuthCredential credential, long nowMillis, long marginMs) {
        if (credential.access() == null) {
            return EXPIRED;
        }
        Long expires = credential.expires();
        if (expires == null) {
            return FRESH;
        }
        if (expires <= 0 || expires - nowMillis <= 0) {
            return EXPIRED;
        }
        return expires - nowMillis > marginMs ? FRESH : REFRESH_DUE;
    }
}
