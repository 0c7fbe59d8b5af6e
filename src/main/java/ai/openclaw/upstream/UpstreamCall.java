package ai.openclaw.upstream;

/**
 * One request on its way upstream. {@link #abort()} may be called from any thread at any time: before
 * {@link #execute()} (which then fails at once), while it waits for the response head, or while the body is being
 * read. The connection is closed immediately, so the upstream sees the request cancelled.
 */
public interface UpstreamCall {
    UpstreamRequest request();

    /**
     * Sends the request and blocks until the response head arrives (any status). May be called once.
     *
     * @throws UpstreamTransportException when no response head arrived (connect failure, timeout, reset, abort)
     */
    UpstreamResponse execute() throws UpstreamTransportException;

    /** Cancels the call and closes its connection now. Idempotent. */
    void abort();

    boolean isAborted();
}
