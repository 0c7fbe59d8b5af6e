package ai.openclaw.auth;

import java.util.Locale;

/** Health of a profile or a provider, as {@code models status} and {@code doctor} report it. */
public enum HealthStatus {
    /** An API key or a token without expiry: nothing to renew. */
    STATIC,
    OK,
    /** Expires within the warning window (24 h). */
    EXPIRING,
    EXPIRED,
    /** Unusable for another reason (no secret, unresolvable ref, no expiry on an OAuth token, ...). */
    MISSING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
