package ai.openclaw.oauth;

import ai.openclaw.upstream.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Form posts to OAuth token endpoints, on Apache HttpClient 5 classic like every other upstream call of the project
 * (one HTTP stack to configure and audit; the JDK client would bring its own proxy and TLS settings).
 *
 * <ul>
 *   <li>Every call has a hard deadline: when it passes, the request is aborted whatever phase it is in (connecting,
 *       waiting for the head, reading a body that trickles in) and the call fails with
 *       {@link OAuthHttpException#timedOut()}.</li>
 *   <li>Proxies come from the environment ({@link EnvProxy}); no redirects, retries or cookies.</li>
 *   <li>Response bodies are cut at {@value #MAX_BODY_BYTES} bytes: token answers are small.</li>
 * </ul>
 * Thread-safe; close it when done.
 */
public final class OAuthHttp implements AutoCloseable {
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /** An HTTP answer of any status. */
    public record Response(int status, String body) {
        public boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    private final CloseableHttpClient http;

    public OAuthHttp(EnvProxy proxy) {
        Objects.requireNonNull(proxy, "proxy");
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                                .build())
                        .build())
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE) {
                    @Override
                    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                        return proxy.forTarget(URI.create(target.toURI()))
                                .map(p -> new HttpHost(p.getScheme(), p.getHost(), p.getPort()))
                                .orElse(null);
                    }
                })
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("openclaw-java")
                .build();
    }

    /**
     * POSTs {@code form} as {@code application/x-www-form-urlencoded} (UTF-8) and returns the answer, whatever its
     * status.
     *
     * @throws OAuthHttpException when there is no answer within {@code timeout} or the endpoint cannot be reached
     */
    public Response postForm(URI url, Map<String, String> form, Duration timeout) throws OAuthHttpException {
        List<NameValuePair> pairs = new ArrayList<>();
        form.forEach((k, v) -> pairs.add(new BasicNameValuePair(k, v)));
        HttpPost post = new HttpPost(url);
        post.setEntity(new UrlEncodedFormEntity(pairs, StandardCharsets.UTF_8));
        post.setHeader("Accept", "application/json");
        post.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .setRedirectsEnabled(false)
                .build());
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean aborted = new AtomicBoolean();
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            if (!finished.get()) {
                aborted.set(true);
                post.cancel();
            }
        });
        String host = url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "");
        try {
            return http.execute(post, response -> new Response(response.getCode(), read(response.getEntity())));
        } catch (IOException e) {
            if (aborted.get() || e instanceof SocketTimeoutException) {
                throw new OAuthHttpException("no answer from " + host + " within " + timeout.toMillis() + " ms", true, e);
            }
            String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + Redaction.forMessage(e.getMessage());
            throw new OAuthHttpException("cannot reach " + host + " (" + detail + ")", false, e);
        } finally {
            finished.set(true);
        }
    }

    private static String read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
    }
}
