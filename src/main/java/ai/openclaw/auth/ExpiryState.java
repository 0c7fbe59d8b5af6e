package ai.openclaw.auth;

/** The state of an {@code expires} timestamp at some instant. */
public enum ExpiryState {
    /** No expiry recorded (for static tokens: never expires). */
    MISSING,
    /** Present but not a usable timestamp. */
    INVALID_EXPIRES,
    EXPIRED,
    /** Valid but inside the warning window. */
    EXPIRING,
    VALID;

    /** Largest accepted epoch-millisecond value (the ECMAScript date range). */
    public static final long MAX_EPOCH_MS = 8_640_000_000_000_000L;

    public static ExpiryState of(Long expires, long now, long warnWindowMs) {
        if (expires == null) {
            return MISSING;
        }
        if (expires <= 0 || expires > MAX_EPOCH_MS) {
            return INVALID_EXPIRES;
        }
        long remaining = expires - now;
        if (remaining <= 0) {
            return EXPIRED;
        }
        return remaining <= warnWindowMs ? EXPIRING : VALID;
    }
}
