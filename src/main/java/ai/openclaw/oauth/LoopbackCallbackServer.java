package ai.openclaw.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The browser's landing place at the end of an authorization: an HTTP server on {@code 127.0.0.1:<port>} that serves
 * one path and captures the first authorization code whose {@code state} matches (logins §2.4).
 *
 * <ul>
 *   <li>another path: 404 {@code Not found};</li>
 *   <li>a {@code state} other than the expected one (or none): 400 {@code State mismatch}; the server keeps waiting,
 *       so a stray or forged request cannot end the login;</li>
 *   <li>no {@code code}: 400 {@code Missing authorization code};</li>
 *   <li>otherwise 200 with a page telling the person to return to the terminal, and the code is captured.</li>
 * </ul>
 *
 * <p>It binds the loopback address only, never a wildcard. Built on the JDK's {@code com.sun.net.httpserver}: the CLI
 * needs one request served, and this keeps Jetty's start-up cost out of a login. Always {@link #close()} it (it is
 * {@link AutoCloseable}); the port is released at once.
 */
public final class LoopbackCallbackServer implements AutoCloseable {
    static final String SUCCESS_PAGE = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>OpenClaw sign-in</title></head>
            <body><p>Authentication successful. Return to your terminal to continue.</p></body></html>
            """;

    private final HttpServer server;
    private final ExecutorService executor;
    private final int port;
    private final String path;
    private final String expectedState;
    private final CompletableFuture<String> code = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private LoopbackCallbackServer(HttpServer server, ExecutorService executor, String path, String expectedState) {
        this.server = server;
        this.port = server.getAddress().getPort();
        this.executor = executor;
        this.path = path;
        this.expectedState = expectedState;
    }

    /**
     * Binds {@code 127.0.0.1:port} and starts serving.
     *
     * @param port          the port (0 picks a free one; tests use that)
     * @param path          the callback path, e.g. {@code /auth/callback}
     * @param expectedState the state of this login
     * @throws IOException when the port cannot be bound (typically {@link java.net.BindException}: in use)
     */
    public static LoopbackCallbackServer start(int port, String path, String expectedState) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expectedState, "expectedState");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        LoopbackCallbackServer callback = new LoopbackCallbackServer(server, executor, path, expectedState);
        server.setExecutor(executor);
        // "/" catches every path, so that anything but the callback gets our 404 text rather than the JDK's
        server.createContext("/", callback::handle);
        server.start();
        return callback;
    }

    /** The bound port (the real one when 0 was asked). */
    public int port() {
        return port;
    }

    /** Completes with the first accepted code; never completes exceptionally. */
    public CompletableFuture<String> code() {
        return code.copy();
    }

    /** Waits up to {@code timeout} for a code. */
    public Optional<String> awaitCode(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(code.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the code future is never failed", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                respond(exchange, 404, "text/plain", "Not found");
                return;
            }
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Map<String, String> query = PastedAuthorization.query(rawQuery == null ? "" : rawQuery);
            String state = query.get("state");
            String value = query.get("code");
            if (state == null || !state.equals(expectedState)) {
                respond(exchange, 400, "text/plain", PastedAuthorization.STATE_MISMATCH);
            } else if (value == null || value.isBlank()) {
                respond(exchange, 400, "text/plain", PastedAuthorization.MISSING_CODE);
            } else {
                respond(exchange, 200, "text/html", SUCCESS_PAGE);
                code.complete(value);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Connection", "close");
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops listening and releases the port; requests in flight are cut. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "LoopbackCallbackServer[127.0.0.1:" + port() + path + ", code " + (code.isDone() ? "received" : "pending")
                + "]";
    }
}
