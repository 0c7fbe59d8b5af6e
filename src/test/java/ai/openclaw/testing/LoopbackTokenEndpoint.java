package ai.openclaw.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth token endpoint on {@code 127.0.0.1:<ephemeral>} ({@code POST /oauth/token}, form-encoded
 * {@code grant_type=refresh_token&refresh_token=...}) that counts the refresh calls it receives and answers like a
 * provider that rotates refresh tokens: the n-th successful call issues {@link #access(int)} and {@link #refresh(int)}
 * and marks the presented refresh token as spent; presenting a spent one again gets {@code 400
 * {"error":"refresh_token_reused"}}. Tests can make it fail, stall, or delay its answers.
 */
public final class LoopbackTokenEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();
    private final Set<String> spent = ConcurrentHashMap.newKeySet();
    private final List<String> presented = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile long expiresInSeconds = 3600;
    private volatile int failStatus;
    private volatile String failBody;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean stall;
    private volatile boolean rotate = true;

    private LoopbackTokenEndpoint(HttpServer server) {
        this.server = server;
    }

    public static LoopbackTokenEndpoint start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint(server);
        server.createContext("/oauth/token", endpoint::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return endpoint;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token");
    }

    /** The access token the n-th (1-based) successful refresh issues. */
    public static String access(int n) {
        return "at-issued-%04d-0123456789abcdefghij".formatted(n);
    }

    /** The refresh token the n-th (1-based) successful refresh issues. */
    public static String refresh(int n) {
        return "rt-issued-%04d-0123456789abcdefghij".formatted(n);
    }

    /** Refresh requests received so far (answered or not). */
    public int calls() {
        return calls.get();
    }

    /** The refresh tokens presented, in order. */
    public List<String> presented() {
        return List.copyOf(presented);
    }

    public LoopbackTokenEndpoint expiresIn(long seconds) {
        this.expiresInSeconds = seconds;
        return this;
    }

    /** Every call from now on is answered with {@code status} and the JSON {@code body}. */
    public LoopbackTokenEndpoint failWith(int status, String body) {
        this.failStatus = status;
        this.failBody = body;
        return this;
    }

    /** Successful answers keep the presented refresh token instead of issuing a new one. */
    public LoopbackTokenEndpoint withoutRotation() {
        this.rotate = false;
        return this;
    }

    /** Each answer waits this long first (to let competing callers pile up). */
    public LoopbackTokenEndpoint delay(Duration d) {
        this.delay = d;
        return this;
    }

    /** Calls are held without an answer until {@link #release()} (or the end of the test). */
    public LoopbackTokenEndpoint stall() {
        this.stall = true;
        return this;
    }

    public void release() {
        released.countDown();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            calls.incrementAndGet();
            String token = form.getOrDefault("refresh_token", "");
            presented.add(token);
            try {
                if (stall) {
                    released.await(60, TimeUnit.SECONDS);
                }
                if (!delay.isZero()) {
                    Thread.sleep(delay);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!"POST".equals(ex.getRequestMethod()) || !"refresh_token".equals(form.get("grant_type"))) {
                send(ex, 400, "{\"error\":\"unsupported_grant_type\"}");
            } else if (failStatus != 0) {
                send(ex, failStatus, failBody);
            } else if (!spent.add(token)) {
                send(ex, 400, "{\"error\":\"refresh_token_reused\",\"error_description\":\"Your refresh token has "
                        + "already been used to generate a new access token. Please try signing in again.\"}");
            } else {
                int n = issued.incrementAndGet();
                String newRefresh = rotate ? refresh(n) : token;
                if (!rotate) {
                    spent.remove(token);
                }
                send(ex, 200, "{\"access_token\":\"" + access(n) + "\",\"refresh_token\":\"" + newRefresh
                        + "\",\"expires_in\":" + expiresInSeconds + ",\"token_type\":\"Bearer\"}");
            }
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("content-type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
