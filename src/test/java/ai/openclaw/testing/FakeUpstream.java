package ai.openclaw.testing;

import ai.openclaw.upstream.UpstreamHeaders;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A scripted HTTP/1.1 upstream on {@code 127.0.0.1:<ephemeral>} for tests: OpenAI-like, Anthropic-like or both.
 *
 * <pre>{@code
 * try (FakeUpstream upstream = FakeUpstream.start()) {
 *     upstream.onPost("/v1/chat/completions", Responders.json(OpenAiFixtures.chatCompletion("gpt-4o", "Hi")));
 *     upstream.onPost("/v1/chat/completions", "sk-limited", Responders.rateLimited(OpenAiFixtures.rateLimitError(), "7"));
 *     ... call upstream.baseUrl() + "/v1" ...
 *     assertThat(upstream.requests()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Responders are looked up by method, path (without query) and the request's credential
 * ({@link RecordedRequest#credential()}): a credential-specific responder wins over a path-wide one. Unscripted
 * requests get a 404 with an OpenAI-style error body. A responder that throws before writing produces a 500.
 *
 * <p>It is a small hand-written server (one virtual thread per connection, keep-alive, chunked streaming) so that
 * tests control the wire exactly: flush per event, delays, resets mid-stream, and noticing a client that hangs up
 * while the server is waiting ({@link FakeExchange#awaitClientClose}, {@link #awaitCancellation}).
 */
public final class FakeUpstream implements AutoCloseable {
    private static final String ANY_CREDENTIAL = "\u0000any";

    private final ServerSocket server;
    private final Thread acceptor;
    private final Map<RouteKey, Responder> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> cancellations = new CopyOnWriteArrayList<>();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCounter = new AtomicInteger();
    private final AtomicInteger requestCounter = new AtomicInteger();
    private final Object signal = new Object();
    private volatile boolean closed;

    private record RouteKey(String method, String path, String credential) {}

    private FakeUpstream(ServerSocket server) {
        this.server = server;
        this.acceptor = Thread.ofVirtual().name("fake-upstream-accept").start(this::acceptLoop);
    }

    /** Starts a server on 127.0.0.1 with an ephemeral port. */
    public static FakeUpstream start() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            return new FakeUpstream(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>} (no trailing slash). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code baseUrl() + prefix}, e.g. {@code baseUrl("/v1")} for an openai-completions endpoint. */
    public String baseUrl(String prefix) {
        return baseUrl() + prefix;
    }

    /** Answers every POST to {@code path} (whatever the credential) with {@code responder}. */
    public FakeUpstream onPost(String path, Responder responder) {
        return on("POST", path, null, responder);
    }

    /** Answers POSTs to {@code path} that carry {@code credential} (Bearer token or x-api-key). */
    public FakeUpstream onPost(String path, String credential, Responder responder) {
        return on("POST", path, Objects.requireNonNull(credential, "credential"), responder);
    }

    public FakeUpstream onGet(String path, Responder responder) {
        return on("GET", path, null, responder);
    }

    /** The general form: {@code credential} null means any. Replaces an earlier responder for the same key. */
    public FakeUpstream on(String method, String path, String credential, Responder responder) {
        routes.put(new RouteKey(method.toUpperCase(Locale.ROOT), path,
                credential == null ? ANY_CREDENTIAL : credential), Objects.requireNonNull(responder, "responder"));
        return this;
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("no request received");
        }
        return requests.getLast();
    }

    /**
     * Waits until at least {@code count} requests have arrived (a request counts once its body is read, before
     * the responder runs).
     *
     * @throws AssertionError when they do not arrive within {@code timeout}
     */
    public List<RecordedRequest> awaitRequests(int count, Duration timeout) {
        awaitCondition(() -> requests.size() >= count, timeout,
                () -> "expected " + count + " request(s), got " + requests.size());
        return requests();
    }

    /** Requests whose client hung up while a responder waited in {@link FakeExchange#awaitClientClose}. */
    public List<RecordedRequest> cancellations() {
        return List.copyOf(cancellations);
    }

    /**
     * Waits for the next client hang-up seen by a waiting responder.
     *
     * @throws AssertionError when none is seen within {@code timeout}
     */
    public RecordedRequest awaitCancellation(Duration timeout) {
        awaitCondition(() -> !cancellations.isEmpty(), timeout, () -> "the client did not close the connection");
        return cancellations.getFirst();
    }

    /** TCP connections accepted so far. */
    public int connectionsAccepted() {
        return connectionCounter.get();
    }

    /** Forgets responders and recorded requests (connections stay open). */
    public void reset() {
        routes.clear();
        requests.clear();
        cancellations.clear();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : openSockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        workers.forEach(Thread::interrupt);
        acceptor.interrupt();
        try {
            acceptor.join(Duration.ofSeconds(2));
            for (Thread w : workers) {
                w.join(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "FakeUpstream[" + baseUrl() + ", requests=" + requests.size() + "]";
    }

    void recordCancellation(RecordedRequest request) {
        cancellations.add(request);
        notifyWaiters();
    }

    private void notifyWaiters() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void awaitCondition(BooleanSupplier done, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(failure.get() + " within " + timeout);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            int id = connectionCounter.incrementAndGet();
            openSockets.add(socket);
            Thread worker = Thread.ofVirtual().name("fake-upstream-conn-" + id).unstarted(() -> serve(socket, id));
            workers.add(worker);
            worker.start();
        }
    }

    private void serve(Socket socket, int connectionId) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            while (!closed) {
                socket.setSoTimeout(0);
                Head head = readHead(in);
                if (head == null) {
                    return;
                }
                byte[] body = readBody(in, head.headers());
                RecordedRequest request = new RecordedRequest(head.method(), head.path(), head.query(),
                        head.headers(), body, connectionId, requestCounter.incrementAndGet());
                requests.add(request);
                notifyWaiters();
                FakeExchange exchange = new FakeExchange(this, request, socket, in, out);
                try {
                    responderFor(request).respond(exchange);
                    exchange.finish();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    if (exchange.connectionClosed()) {
                        return;
                    }
                    if (!exchange.committed()) {
                        exchange.json(500, errorBody("FakeUpstream responder failed: " + e));
                    } else {
                        return;
                    }
                }
                if (exchange.connectionClosed() || !exchange.committed()
                        || head.headers().first("connection").map("close"::equalsIgnoreCase).orElse(false)) {
                    return;
                }
            }
        } catch (IOException e) {
            // client went away or the server closed: nothing to do
        } finally {
            openSockets.remove(socket);
            workers.remove(Thread.currentThread());
        }
    }

    private Responder responderFor(RecordedRequest request) {
        String credential = request.credential().orElse(null);
        if (credential != null) {
            Responder exact = routes.get(new RouteKey(request.method(), request.path(), credential));
            if (exact != null) {
                return exact;
            }
        }
        Responder any = routes.get(new RouteKey(request.method(), request.path(), ANY_CREDENTIAL));
        if (any != null) {
            return any;
        }
        String message = "FakeUpstream has no responder for " + request.method() + " " + request.path()
                + (credential == null ? " (no credential)" : " with this credential");
        return ex -> ex.json(404, errorBody(message));
    }

    static String errorBody(String message) {
        return "{\"error\":{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"type\":\"fake_upstream\",\"code\":null}}";
    }

    private record Head(String method, String path, String query, UpstreamHeaders headers) {}

    /** Reads the request line and headers; null on a clean EOF before any byte. */
    private static Head readHead(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null) {
            return null;
        }
        while (requestLine.isEmpty()) {
            requestLine = readLine(in);
            if (requestLine == null) {
                return null;
            }
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("bad request line");
        }
        UpstreamHeaders.Builder headers = UpstreamHeaders.builder();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        if (line == null) {
            throw new IOException("connection closed inside the request head");
        }
        String target = parts[1];
        int q = target.indexOf('?');
        return new Head(parts[0].toUpperCase(Locale.ROOT), q < 0 ? target : target.substring(0, q),
                q < 0 ? null : target.substring(q + 1), headers.build());
    }

    private static byte[] readBody(InputStream in, UpstreamHeaders headers) throws IOException {
        if (headers.first("transfer-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                if (sizeLine == null) {
                    throw new IOException("connection closed inside a chunked body");
                }
                int semi = sizeLine.indexOf(';');
                int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip(), 16);
                if (size == 0) {
                    String trailer;
                    while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
                        // trailers ignored
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                readLine(in);
            }
        }
        long length = headers.first("content-length").map(String::strip).map(Long::parseLong).orElse(0L);
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new IOException("connection closed inside the body");
        }
        return body;
    }

    /** A CRLF- (or LF-) terminated ISO-8859-1 line without its terminator; null at EOF before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            if (b == '\n') {
                break;
            }
            line.write(b);
        }
        if (!any) {
            return null;
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
