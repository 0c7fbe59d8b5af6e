package ai.openclaw.upstream;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * {@link UpstreamTransport} on Apache HttpClient 5 (classic, blocking; HTTP/1.1 with keep-alive).
 *
 * <ul>
 *   <li>Pooled connections, {@link UpstreamClientSettings#maxConnectionsPerRoute()} per host (default 256, so 64+
 *       concurrent requests to one provider never queue), {@code TCP_NODELAY}, stale check after inactivity.</li>
 *   <li>The request's timeout is the socket read timeout of the exchange: it bounds the wait for the response head
 *       and every silence while the body streams (an SSE stream that stalls longer is cut with {@code timeout}).</li>
 *   <li>No automatic retries, no redirects, no cookies, no auth caching, no content decoding (no
 *       {@code accept-encoding} is added and {@code content-encoding} is passed through untouched).</li>
 *   <li>{@link UpstreamCall#abort()} closes the connection at once, whatever phase the call is in.</li>
 *   <li>A chunked body's {@code available()} counts every data byte that has arrived, across chunk boundaries
 *       ({@link UpstreamConnections}).</li>
 * </ul>
 * Thread-safe; one instance serves the whole process.
 */
public final class UpstreamClient implements UpstreamTransport {
    private final UpstreamClientSettings settings;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;

    public UpstreamClient() {
        this(UpstreamClientSettings.DEFAULTS);
    }

    public UpstreamClient(UpstreamClientSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new UpstreamConnections())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
                .setMaxConnPerRoute(settings.maxConnectionsPerRoute())
                .setMaxConnTotal(settings.maxConnectionsTotal())
                .setDefaultSocketConfig(SocketConfig.custom()
                        .setTcpNoDelay(true)
                        .setSoKeepAlive(true)
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout(settings.connectTimeout()))
                        .setIdleTimeout(timeout(settings.idleConnectionTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(settings.validateAfterInactivity().toMillis()))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableConnectionState()
                .setUserAgent(settings.userAgent())
                .build();
    }

    public UpstreamClientSettings settings() {
        return settings;
    }

    @Override
    public UpstreamCall newCall(UpstreamRequest request) {
        Objects.requireNonNull(request, "request");
        RequestConfig config = RequestConfig.custom()
                .setConnectionRequestTimeout(timeout(settings.poolWaitTimeout()))
                .setResponseTimeout(timeout(request.timeout()))
                .setRedirectsEnabled(false)
                .setExpectContinueEnabled(false)
                .build();
        return new ApacheCall(http, request, config);
    }

    /** Pool occupancy: connections leased (in use), available (idle), pending (callers waiting), max total. */
    public PoolSnapshot poolSnapshot() {
        PoolStats stats = pool.getTotalStats();
        return new PoolSnapshot(stats.getLeased(), stats.getAvailable(), stats.getPending(), stats.getMax());
    }

    /** See {@link #poolSnapshot()}. */
    public record PoolSnapshot(int leased, int available, int pending, int max) {}

    /** Closes every connection immediately; calls in flight fail. */
    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
        pool.close(CloseMode.IMMEDIATE);
    }

    private static Timeout timeout(Duration d) {
        return Timeout.of(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "UpstreamClient[" + settings + "]";
    }
}
