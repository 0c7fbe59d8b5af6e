package ai.openclaw.probe;

import ai.openclaw.store.FailureReason;
import java.util.Locale;

/** The bucket of one probe row (store-and-selection §4.4). */
public enum ProbeStatus {
    OK, AUTH, RATE_LIMIT, BILLING, TIMEOUT, FORMAT, UNKNOWN, NO_MODEL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The bucket of a classified failure: {@code auth}/{@code auth_permanent} → auth, {@code rate_limit}/
     * {@code overloaded} → rate_limit, {@code billing} → billing, {@code timeout} → timeout, {@code format}/
     * {@code model_not_found} → format, anything else → unknown.
     */
    public static ProbeStatus of(FailureReason reason) {
        return switch (reason) {
            case AUTH, AUTH_PERMANENT -> AUTH;
            case RATE_LIMIT, OVERLOADED -> RATE_LIMIT;
            case BILLING -> BILLING;
            case TIMEOUT -> TIMEOUT;
            case FORMAT, MODEL_NOT_FOUND -> FORMAT;
            default -> UNKNOWN;
        };
    }
}
