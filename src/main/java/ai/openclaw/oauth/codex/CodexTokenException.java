package ai.openclaw.oauth.codex;

import java.util.Objects;

/**
 * The token endpoint did not give usable tokens. The message is redacted (no code, verifier or token, even when
 * the provider echoes one) and says what happened; {@link #providerText()} is the provider's own error text for
 * classification ({@link ai.openclaw.oauth.RefreshFailure#classify}).
 */
public final class CodexTokenException extends Exception {
    /** What kind of failure, i.e. what a caller can do about it. */
    public enum Kind {
        /** An HTTP error status: the provider refused (bad code, spent refresh token, ...). */
        REJECTED,
        /** A 2xx answer without the fields a token answer must have. */
        MALFORMED,
        /** No answer within the hard timeout. */
        TIMEOUT,
        /** The endpoint could not be reached (DNS, connection refused, TLS, proxy). */
        UNREACHABLE
    }

    private final Kind kind;
    private final int status;
    private final String providerText;

    public CodexTokenException(Kind kind, int status, String providerText, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.providerText = providerText == null ? "" : providerText;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The provider's error body (redacted), empty when there was none. */
    public String providerText() {
        return providerText;
    }
}
