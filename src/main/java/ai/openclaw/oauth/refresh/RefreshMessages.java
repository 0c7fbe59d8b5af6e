package ai.openclaw.oauth.refresh;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.oauth.RefreshFailure;

/**
 * The words of refresh failures: what failed ({@code OAuth token refresh failed for <provider>: <cause>}, logins
 * §2.14) and what the user can do about it. Every text that leaves this package passes {@link #safe} first.
 */
public final class RefreshMessages {
    /** Longest message kept; provider error descriptions can be long. */
    static final int MAX_LENGTH = 600;

    private RefreshMessages() {}

    /** {@code OAuth token refresh failed for <provider>: <cause>. <hint>} */
    static String failed(String provider, String profileId, RefreshFailure failure, String cause) {
        String c = cause == null || cause.isBlank() ? failure.wireName() : stripPeriod(cause.strip());
        return "OAuth token refresh failed for " + provider + ": " + c + ". " + hint(provider, profileId, failure);
    }

    /** Logins §2.12 step 7. */
    static String contention(String provider, String profileId) {
        return "OAuth refresh failed (refresh_contention): another process is already refreshing " + provider
                + " for " + profileId + ". Please wait for the in-flight refresh to finish and retry.";
    }

    /** Logins §2.12 step 5. */
    static String timeout(String label, long millis) {
        return "OAuth refresh call \"" + label + "\" exceeded hard timeout (" + millis + "ms)";
    }

    /** Nothing in this process can renew the profile's token. */
    public static String noRefresher(String provider, String profileId) {
        return "no token refresh is available for provider " + provider + " (profile " + profileId + "). "
                + loginHint(provider, profileId);
    }

    /** What to do after a refresh failed with {@code failure}. */
    public static String hint(String provider, String profileId, RefreshFailure failure) {
        if (failure.needsLogin() || "anthropic:claude-cli".equals(profileId)) {
            return loginHint(provider, profileId);
        }
        return switch (failure) {
            case REFRESH_CONTENTION -> "Wait for the other refresh to finish and retry.";
            default -> "Try again later; if it keeps failing, log in again: `openclaw models auth login --provider "
                    + provider + "`.";
        };
    }

    private static String loginHint(String provider, String profileId) {
        if ("anthropic:claude-cli".equals(profileId)) {
            return "The Claude CLI owns this login: run `claude` to renew it.";
        }
        return "Run `openclaw models auth login --provider " + provider + "` to log in again.";
    }

    /**
     * A message fit for logs, status output and {@code auth-state.json}: the credential's own tokens replaced by
     * {@code ***} (a second line of defence: refreshers must not put them in messages), control characters replaced,
     * length bounded.
     */
    static String safe(String message, OAuthCredential... credentials) {
        String out = message == null ? "" : message;
        for (OAuthCredential c : credentials) {
            if (c != null) {
                out = mask(out, c.access());
                out = mask(out, c.refresh());
                out = mask(out, c.idToken());
            }
        }
        StringBuilder sb = new StringBuilder(Math.min(out.length(), MAX_LENGTH + 1));
        for (int i = 0; i < out.length() && sb.length() <= MAX_LENGTH; i++) {
            char ch = out.charAt(i);
            sb.append(Character.isISOControl(ch) ? ' ' : ch);
        }
        if (sb.length() > MAX_LENGTH) {
            sb.setLength(MAX_LENGTH - 3);
            sb.append("...");
        }
        return sb.toString();
    }

    private static String mask(String text, Secret secret) {
        return secret == null ? text : text.replace(secret.reveal(), "***");
    }

    private static String stripPeriod(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
