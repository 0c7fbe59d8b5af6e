package ai.openclaw.upstream;

/**
 * An upstream request could not be built from its endpoint (an extra header's SecretRef did not resolve, a header
 * value is not a legal header value, the base URL is not a URL). The message names the provider, the header and the
 * ref, never a secret value. Nothing was sent.
 */
public final class UpstreamRequestException extends RuntimeException {
    public UpstreamRequestException(String message) {
        super(message);
    }
}
