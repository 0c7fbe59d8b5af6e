package ai.openclaw.oauth;

/**
 * A login that did not produce a credential: the user declined or pasted something wrong, the state did not match,
 * or the provider refused the code. The message says what happened and holds no code, verifier or token, so the
 * command can print it as is.
 */
public final class OAuthLoginException extends Exception {
    public OAuthLoginException(String message) {
        super(message);
    }

    public OAuthLoginException(String message, Throwable cause) {
        super(message, cause);
    }
}
