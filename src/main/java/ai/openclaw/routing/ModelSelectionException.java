package ai.openclaw.routing;

/**
 * The request names a model or profile that cannot be used (unknown, not allowed, profile of another provider). A
 * 4xx for the caller; the message says how to list what exists.
 *
 * @see ai.openclaw.routing.Router#plan
 */
public final class ModelSelectionException extends RuntimeException {
    private final int status;
    private final String code;

    public ModelSelectionException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** {@code model_not_found}, {@code model_not_allowed}, {@code profile_not_found}, {@code profile_provider_mismatch}, ... */
    public String code() {
        return code;
    }
}
