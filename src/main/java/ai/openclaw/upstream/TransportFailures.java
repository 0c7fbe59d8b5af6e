package ai.openclaw.upstream;

import ai.openclaw.routing.UpstreamFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * Maps I/O failures of an upstream exchange to {@link UpstreamFailure}s with status 0:
 * <ul>
 *   <li>{@code connect}: the connection could not be made (refused, unknown host, no route, connect timeout, TLS
 *       handshake);</li>
 *   <li>{@code timeout}: connected, but no response head or no body bytes within the request's timeout, or no
 *       pooled connection became free in time;</li>
 *   <li>{@code reset}: anything else (closed or reset mid-exchange, no response, truncated chunked body), and
 *       aborts by the caller (flagged by {@link UpstreamTransportException#aborted()}).</li>
 * </ul>
 * Messages name the upstream host and are redacted.
 */
public final class TransportFailures {
    public static final String TIMEOUT = "timeout";
    public static final String CONNECT = "connect";
    public static final String RESET = "reset";

    /** Where in the exchange the failure happened, for the message. */
    public enum Phase { RESPONSE_HEAD, BODY }

    private TransportFailures() {}

    /** The failure recorded for a caller abort. */
    public static UpstreamFailure aborted() {
        return new UpstreamFailure(0, null, "The upstream request was aborted by the caller.", null, RESET);
    }

    static UpstreamTransportException abortedException(Throwable cause) {
        return new UpstreamTransportException(aborted(), true, cause);
    }

    public static UpstreamTransportException map(IOException e, Phase phase, URI uri, Duration timeout) {
        if (e instanceof UpstreamTransportException already) {
            return already;
        }
        return new UpstreamTransportException(classify(e, phase, uri, timeout), false, e);
    }

    public static UpstreamFailure classify(IOException e, Phase phase, URI uri, Duration timeout) {
        String target = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String kind;
        String message;
        if (e instanceof ConnectTimeoutException) {
            kind = CONNECT;
            message = "Connecting to upstream " + target + " timed out.";
        } else if (e instanceof ConnectionRequestTimeoutException) {
            kind = TIMEOUT;
            message = "No connection to upstream " + target + " became free in time (connection pool exhausted).";
        } else if (isConnectFailure(e)) {
            kind = CONNECT;
            message = "Cannot connect to upstream " + target + ": " + detail;
        } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            kind = TIMEOUT;
            message = phase == Phase.RESPONSE_HEAD
                    ? "Upstream " + target + " did not respond within " + human(timeout) + "."
                    : "Upstream " + target + " sent nothing for " + human(timeout) + " while streaming the body.";
        } else {
            kind = RESET;
            message = (phase == Phase.RESPONSE_HEAD
                    ? "Upstream " + target + " closed the connection without a response: "
                    : "Upstream " + target + " broke off the response body: ") + detail;
        }
        return new UpstreamFailure(0, null, Redaction.forMessage(message), null, kind);
    }

    private static boolean isConnectFailure(IOException e) {
        return e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof PortUnreachableException
                || e instanceof SSLHandshakeException;
    }

    private static String human(Duration d) {
        if (d == null) {
            return "the timeout";
        }
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
