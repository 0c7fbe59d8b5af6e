package ai.openclaw.routing;

import java.util.List;

/**
 * Nothing could serve the request. {@code status} is 429 when every candidate is cooling down (then
 * {@code retryAfterMs} is the soonest recovery), else the status of the dominant failure reason (401 auth, 402
 * billing, 404 model not found, 502/503/504 upstream trouble, 400 format). {@code attempts} lists every candidate
 * tried or skipped. The message names reasons and credential labels, never secrets.
 */
public final class NoRouteException extends RuntimeException {
    private final int status;
    private final String reason;
    private final Long retryAfterMs;
    private final List<AttemptRecord> attempts;

    public NoRouteException(int status, String reason, String message, Long retryAfterMs,
                            List<AttemptRecord> attempts) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.retryAfterMs = retryAfterMs;
        this.attempts = List.copyOf(attempts);
    }

    public int status() {
        return status;
    }

    /** The dominant reason code ({@code rate_limit}, {@code auth}, {@code no_credentials}, ...). */
    public String reason() {
        return reason;
    }

    public Long retryAfterMs() {
        return retryAfterMs;
    }

    public List<AttemptRecord> attempts() {
        return attempts;
    }
}
