package ai.openclaw.upstream;

/**
 * Sends upstream requests. Blocking: meant to be called from virtual threads, one call per thread.
 *
 * <pre>{@code
 * UpstreamCall call = transport.newCall(request);   // keep it where a disconnect handler can reach it
 * try (UpstreamResponse response = call.execute()) { // blocks until the response head arrives
 *     InputStream body = response.body();            // streamed; read SSE events as they come
 *     ...
 * } catch (UpstreamTransportException e) {           // no response, or the body broke off
 *     UpstreamFailure failure = e.failure();          // status 0, transport timeout|connect|reset
 * }
 * // elsewhere, when the client goes away: call.abort();
 * }</pre>
 *
 * <p>Implementations do not retry, follow redirects, keep cookies or decode {@code content-encoding}.
 */
public interface UpstreamTransport extends AutoCloseable {
    /** Prepares a call; nothing is sent until {@link UpstreamCall#execute()}. */
    UpstreamCall newCall(UpstreamRequest request);

    /** {@code newCall(request).execute()}, for callers that never abort. */
    default UpstreamResponse send(UpstreamRequest request) throws UpstreamTransportException {
        return newCall(request).execute();
    }

    /** Releases pooled connections; calls still in flight are cut off. */
    @Override
    void close();
}
