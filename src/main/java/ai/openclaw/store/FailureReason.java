package ai.openclaw.store;

import java.util.Locale;

/** Why a credential failed; the persisted set of {@code usageStats} reasons. */
public enum FailureReason {
    AUTH, AUTH_PERMANENT, FORMAT, OVERLOADED, RATE_LIMIT, BILLING, TIMEOUT, MODEL_NOT_FOUND, SESSION_EXPIRED,
    EMPTY_RESPONSE, NO_ERROR_DETAILS, UNCLASSIFIED, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null for unknown or non-persisted reasons (e.g. {@code server_error}, dropped on load). */
    public static FailureReason parse(String value) {
        if (value == null) {
            return null;
        }
        for (FailureReason r : values()) {
            if (r.wireName().equals(value.strip())) {
                return r;
            }
        }
        return null;
    }
}
