package ai.openclaw.upstream;

import ai.openclaw.routing.UpstreamFailure;
import java.io.IOException;
import java.util.Objects;

/**
 * No (complete) response from upstream: connect failure, timeout, connection reset, or the caller aborted. The
 * message is {@link UpstreamFailure#message()}, already redacted. {@link #failure()} has status 0 and transport
 * {@code timeout}, {@code connect} or {@code reset}.
 */
public final class UpstreamTransportException extends IOException {
    private final transient UpstreamFailure failure;
    private final boolean aborted;

    public UpstreamTransportException(UpstreamFailure failure, boolean aborted, Throwable cause) {
        super(Objects.requireNonNull(failure, "failure").message());
        this.failure = failure;
        this.aborted = aborted;
        if (cause != null) {
            // The cause's own message may quote a URL or header; keep its type and stack only.
            StackTraceElement[] trace = cause.getStackTrace();
            IOException scrubbed = new IOException(cause.getClass().getName());
            scrubbed.setStackTrace(trace);
            initCause(scrubbed);
        }
    }

    public UpstreamFailure failure() {
        return failure;
    }

    /**
     * True when {@link UpstreamCall#abort()} or {@link UpstreamResponse#abort()} caused this (the caller went away):
     * not the credential's fault, so nothing should be recorded against it.
     */
    public boolean aborted() {
        return aborted;
    }
}
