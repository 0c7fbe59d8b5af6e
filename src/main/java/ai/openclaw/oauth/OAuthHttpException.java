package ai.openclaw.oauth;

/**
 * A token-endpoint call that got no HTTP answer: it timed out, or the endpoint could not be reached. The message
 * names the host and the kind of failure, never a request parameter.
 */
public final class OAuthHttpException extends Exception {
    private final boolean timedOut;

    public OAuthHttpException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    /** True when the hard timeout ended the call. */
    public boolean timedOut() {
        return timedOut;
    }
}
