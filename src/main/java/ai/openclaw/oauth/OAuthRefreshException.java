package ai.openclaw.oauth;

import java.util.Objects;

/**
 * A refresh that did not produce a usable credential. The message names the provider and the cause and never
 * holds a token; {@link #failure()} says what the user can do about it.
 */
public final class OAuthRefreshException extends Exception {
    private final RefreshFailure failure;

    public OAuthRefreshException(RefreshFailure failure, String message) {
        super(message);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public OAuthRefreshException(RefreshFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public RefreshFailure failure() {
        return failure;
    }
}
