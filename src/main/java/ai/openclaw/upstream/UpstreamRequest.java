package ai.openclaw.upstream;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * One HTTP request to an upstream provider, ready to send: built by {@link UpstreamRequestFactory}, sent by an
 * {@link UpstreamTransport}.
 *
 * <p>The body is copied in and every {@link #body()} call returns a copy; {@link #bodyBuffer()} is a read-only view
 * without copying. {@link #toString()} names the header fields but prints no values and no body.
 *
 * @param method  HTTP method, normally {@code POST}
 * @param uri     absolute {@code http}/{@code https} URL
 * @param headers the fields to send, credentials included
 * @param body    request body bytes (empty for none)
 * @param stream  true when the caller asked for an SSE stream ({@code accept: text/event-stream} was set)
 * @param timeout how long to wait for the response head, and the longest silence allowed while reading the body
 */
public record UpstreamRequest(String method, URI uri, UpstreamHeaders headers, byte[] body, boolean stream,
                              Duration timeout) {
    public UpstreamRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(timeout, "timeout");
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("upstream URL must be an absolute http(s) URL with a host");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        body = body == null ? new byte[0] : body.clone();
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as a read-only buffer (no copy); each call returns an independent position. */
    public ByteBuffer bodyBuffer() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    /** The body itself, not a copy: for the transport of this package, which only reads it. */
    byte[] bodyArray() {
        return body;
    }

    public int bodyLength() {
        return body.length;
    }

    /** Equal when method, URI, headers, stream flag, timeout and body content are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof UpstreamRequest r && method.equals(r.method) && uri.equals(r.uri)
                && headers.fields().equals(r.headers.fields()) && Arrays.equals(body, r.body)
                && stream == r.stream && timeout.equals(r.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers.fields(), Arrays.hashCode(body), stream, timeout);
    }

    @Override
    public String toString() {
        return "UpstreamRequest[" + method + " " + Redaction.redact(uri.toString()) + ", headers=" + headers.names()
                + ", body=" + body.length + " bytes, stream=" + stream + ", timeout=" + timeout + "]";
    }
}
