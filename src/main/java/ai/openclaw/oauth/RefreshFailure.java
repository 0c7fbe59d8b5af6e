package ai.openclaw.oauth;

import java.util.Locale;

/**
 * Why a refresh failed, as the reference classifies refresh errors (logins §2.14). The wire names are what status
 * output and logs show.
 */
public enum RefreshFailure {
    /** The refresh token was already spent (usually by another program sharing the login). */
    REFRESH_TOKEN_REUSED("refresh_token_reused"),
    INVALID_GRANT("invalid_grant"),
    SIGN_IN_AGAIN("sign_in_again"),
    INVALID_REFRESH_TOKEN("invalid_refresh_token"),
    REVOKED("revoked"),
    /** The provider did not answer within the hard timeout. */
    TIMEOUT("timeout"),
    /** Another process held the refresh lock for too long. */
    REFRESH_CONTENTION("refresh_contention"),
    /** Anything else: network failure, 5xx, a malformed answer. */
    OTHER("refresh_failed");

    private final String wireName;

    RefreshFailure(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** True when only a new login helps (retrying the same refresh token cannot succeed). */
    public boolean needsLogin() {
        return switch (this) {
            case REFRESH_TOKEN_REUSED, INVALID_GRANT, SIGN_IN_AGAIN, INVALID_REFRESH_TOKEN, REVOKED -> true;
            case TIMEOUT, REFRESH_CONTENTION, OTHER -> false;
        };
    }

    /** Classifies a provider's error text (error code and description), logins §2.14. */
    public static RefreshFailure classify(String providerText) {
        if (providerText == null) {
            return OTHER;
        }
        String t = providerText.toLowerCase(Locale.ROOT);
        if (t.contains("refresh_token_reused")) {
            return REFRESH_TOKEN_REUSED;
        }
        if (t.contains("invalid_grant")) {
            return INVALID_GRANT;
        }
        if (t.contains("sign in again") || t.contains("signing in again")) {
            return SIGN_IN_AGAIN;
        }
        if (t.contains("invalid refresh token") || t.contains("invalid_refresh_token")) {
            return INVALID_REFRESH_TOKEN;
        }
        if (t.contains("revoked")) {
            return REVOKED;
        }
        return OTHER;
    }
}
