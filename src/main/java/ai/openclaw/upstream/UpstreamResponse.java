package ai.openclaw.upstream;

import java.io.InputStream;

/**
 * An upstream response whose head has arrived; the body streams from the connection.
 *
 * <p>Read {@link #body()} to the end and {@link #close()}: the connection goes back to the pool. Closing before the
 * end aborts the exchange (the connection is closed, never drained), so closing a half-read stream is instant.
 * Reads from {@link #body()} throw {@link UpstreamTransportException} (an {@link java.io.IOException}) when the
 * stream breaks off, times out or is aborted.
 */
public interface UpstreamResponse extends AutoCloseable {
    int status();

    UpstreamHeaders headers();

    /** The body, exactly as sent ({@code content-encoding} is not decoded). Always the same stream instance. */
    InputStream body();

    /**
     * True when the whole body has been read or has arrived: after {@code body().available()} returned 0, this tells
     * the end from a pause. When it is true the body's end has been consumed (the connection is released for reuse)
     * and further reads return -1. False when unknown (a body without chunked framing).
     */
    default boolean bodyEnded() throws UpstreamTransportException {
        return false;
    }

    /**
     * Reads at most {@code maxBytes} of the body (for error bodies) and closes the response.
     *
     * @throws UpstreamTransportException when the body breaks off before the end or the limit
     */
    byte[] readBody(int maxBytes) throws UpstreamTransportException;

    /** Closes the connection at once, from any thread; pending reads fail with an aborted exception. */
    void abort();

    /** Releases the connection (to the pool when the body was read to the end, else by closing it). Idempotent. */
    @Override
    void close();
}
