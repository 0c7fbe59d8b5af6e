package ai.openclaw.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake OpenAI-style OAuth server on {@code 127.0.0.1:<ephemeral>} for login and refresh tests.
 *
 * <pre>{@code
 * try (FakeOAuthServer oauth = FakeOAuthServer.start().account("acct-1", "me@example.com")) {
 *     harness.env().putAll(oauth.env());           // OPENCLAW_OPENAI_CODEX_AUTHORIZE_URL / _TOKEN_URL point here
 *     FakeOAuthServer.Issued t = oauth.issueTokens(); // or run a login through GET /oauth/authorize
 *     ... refresh with t.refresh() ...
 *     assertThat(oauth.calls(FakeOAuthServer.REFRESH_TOKEN)).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>{@code GET /oauth/authorize} checks {@code response_type=code}, the client id and {@code S256}, remembers the
 * challenge and redirect URI under a new single-use code, and answers 302 to {@code redirect_uri?code=..&state=..}
 * (a scripted browser follows it to the loopback callback).
 *
 * <p>{@code POST /oauth/token} (form-encoded) serves two grants:
 * <ul>
 *   <li>{@code authorization_code}: the code must be unused, {@code redirect_uri} and {@code client_id} must match
 *       the authorize request, and S256 of {@code code_verifier} must equal the challenge; else 400
 *       {@code invalid_grant} (401 {@code invalid_client} for a wrong client id).</li>
 *   <li>{@code refresh_token}: every refresh token is single-use and rotated. A spent one answers 400
 *       {@code refresh_token_reused}; an unknown one 400 {@code invalid_grant}.</li>
 * </ul>
 * Success answers carry a JWT-shaped access token (claim {@code https://api.openai.com/auth} with
 * {@code chatgpt_account_id}, claim {@code https://api.openai.com/profile} with {@code email}), an id token with
 * {@code email}, a refresh token and {@code expires_in}. Tokens are not signed.
 *
 * <p>{@link #mode} makes every token request fail ({@link Mode#INVALID_GRANT}, {@link Mode#SERVER_ERROR}) or answer
 * late ({@link #slow}); requests are counted per grant type before the mode applies ({@link #calls}), thread-safely,
 * so a test can assert that several processes spent exactly one refresh.
 */
public final class FakeOAuthServer implements AutoCloseable {
    public static final String CLIENT_ID = "app_EMoamEEZ73f0CkXaXp7hrann";
    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String AUTH_CLAIM = "https://api.openai.com/auth";
    public static final String PROFILE_CLAIM = "https://api.openai.com/profile";

    /** How token requests are answered. */
    public enum Mode {
        /** Normal OAuth behaviour as described above. */
        NORMAL,
        /** Every token request: 400 {@code {"error":"invalid_grant",...}}. */
        INVALID_GRANT,
        /** Every token request: 500 {@code {"error":"server_error"}}. */
        SERVER_ERROR,
        /** Every token request is answered normally after {@link #slow}'s delay (or when the server closes). */
        SLOW
    }

    /** Tokens as issued (the raw strings a client would store). */
    public record Issued(String access, String refresh, String idToken, long expiresIn) {}

    private record PendingCode(String challenge, String redirectUri) {}

    private enum RefreshState { LIVE, SPENT }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, PendingCode> codes = new HashMap<>();
    private final Map<String, RefreshState> refreshTokens = new HashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<Map<String, String>> tokenRequests = new ArrayList<>();
    private final AtomicInteger serial = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private Map<String, String> lastAuthorizeQuery = Map.of();
    private volatile String accountId = "acct-fake-0001";
    private volatile String email = "user@example.com";
    private volatile long expiresIn = 3600;
    private volatile Mode mode = Mode.NORMAL;
    private volatile Duration delay = Duration.ZERO;

    private FakeOAuthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on 127.0.0.1 with an ephemeral port. */
    public static FakeOAuthServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            FakeOAuthServer fake = new FakeOAuthServer(server, executor);
            server.setExecutor(executor);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- addresses -------------------------------------------------------------------------------------------

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String authorizeUrl() {
        return baseUrl() + "/oauth/authorize";
    }

    public String tokenUrl() {
        return baseUrl() + "/oauth/token";
    }

    /** The two variables that point the Codex login and refresh at this server. */
    public Map<String, String> env() {
        return Map.of("OPENCLAW_OPENAI_CODEX_AUTHORIZE_URL", authorizeUrl(),
                "OPENCLAW_OPENAI_CODEX_TOKEN_URL", tokenUrl());
    }

    // ---- script ----------------------------------------------------------------------------------------------

    /** Whose tokens are issued from now on; null leaves the claim out (to test tokens without account or e-mail). */
    public FakeOAuthServer account(String accountId, String email) {
        this.accountId = accountId;
        this.email = email;
        return this;
    }

    public FakeOAuthServer expiresIn(long seconds) {
        this.expiresIn = seconds;
        return this;
    }

    public FakeOAuthServer mode(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** {@link Mode#SLOW} with this delay before each token answer. */
    public FakeOAuthServer slow(Duration delay) {
        this.delay = Objects.requireNonNull(delay, "delay");
        this.mode = Mode.SLOW;
        return this;
    }

    /** Mints a token set as a completed login would, with a live refresh token (no HTTP involved). */
    public synchronized Issued issueTokens() {
        return issue();
    }

    /**
     * Registers a single-use authorization code as {@code GET /oauth/authorize} would, for tests that skip the
     * browser step.
     */
    public synchronized String issueCode(String challenge, String redirectUri) {
        String code = "code-" + serial.incrementAndGet() + "-" + B64.encodeToString(randomish());
        codes.put(code, new PendingCode(challenge, redirectUri));
        return code;
    }

    // ---- observations ----------------------------------------------------------------------------------------

    /** Token requests received with {@code grant_type=grantType} (failed ones included). */
    public int calls(String grantType) {
        AtomicInteger n = calls.get(grantType);
        return n == null ? 0 : n.get();
    }

    /** Every token request's form, in arrival order. */
    public synchronized List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** The query parameters of the last {@code GET /oauth/authorize}, in the order they were sent. */
    public synchronized Map<String, String> lastAuthorizeQuery() {
        return lastAuthorizeQuery;
    }

    /** Whether {@code refreshToken} was issued and has been spent by a refresh. */
    public synchronized boolean isSpent(String refreshToken) {
        return refreshTokens.get(refreshToken) == RefreshState.SPENT;
    }

    // ---- JWT helper ------------------------------------------------------------------------------------------

    /** An unsigned JWT-shaped token ({@code header.payload.signature}) carrying {@code claims}. */
    public static String jwt(ObjectNode claims) {
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
        return header + "." + payload + "." + B64.encodeToString("not-a-signature".getBytes(StandardCharsets.UTF_8));
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/oauth/authorize") && method.equals("GET")) {
                authorize(exchange);
            } else if (path.equals("/oauth/token") && method.equals("POST")) {
                token(exchange);
            } else {
                send(exchange, 404, "text/plain", "no route for " + method + " " + path);
            }
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawQuery();
        Map<String, String> q = form(raw == null ? "" : raw);
        synchronized (this) {
            lastAuthorizeQuery = Collections.unmodifiableMap(new LinkedHashMap<>(q));
        }
        if (!"code".equals(q.get("response_type")) || !CLIENT_ID.equals(q.get("client_id"))
                || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null
                || q.get("redirect_uri") == null || q.get("state") == null) {
            send(exchange, 400, "text/plain", "bad authorize request");
            return;
        }
        String code = issueCode(q.get("code_challenge"), q.get("redirect_uri"));
        String location = q.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(q.get("state"));
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> f = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String grant = String.valueOf(f.get("grant_type"));
        calls.computeIfAbsent(grant, g -> new AtomicInteger()).incrementAndGet();
        synchronized (this) {
            tokenRequests.add(Collections.unmodifiableMap(new LinkedHashMap<>(f)));
        }
        switch (mode) {
            case INVALID_GRANT -> {
                error(exchange, 400, "invalid_grant", "The grant is invalid or has expired.");
                return;
            }
            case SERVER_ERROR -> {
                send(exchange, 500, "application/json", "{\"error\":\"server_error\"}");
                return;
            }
            case SLOW -> {
                try {
                    closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            case NORMAL -> {
                // below
            }
        }
        if (!CLIENT_ID.equals(f.get("client_id"))) {
            error(exchange, 401, "invalid_client", "Unknown client.");
            return;
        }
        String answer;
        synchronized (this) {
            answer = switch (grant) {
                case AUTHORIZATION_CODE -> redeemCode(f);
                case REFRESH_TOKEN -> redeemRefresh(f);
                default -> "unsupported_grant_type";
            };
        }
        if (answer.startsWith("{")) {
            send(exchange, 200, "application/json", answer);
        } else if (answer.equals("refresh_token_reused")) {
            error(exchange, 400, answer, "This refresh token was already exchanged; sign in again.");
        } else {
            error(exchange, 400, answer.equals("unsupported_grant_type") ? answer : "invalid_grant", answer);
        }
    }

    /** A JSON token answer, or an error text. Holds the monitor. */
    private String redeemCode(Map<String, String> f) {
        PendingCode pending = f.get("code") == null ? null : codes.remove(f.get("code"));
        if (pending == null) {
            return "Unknown or already used authorization code.";
        }
        if (!pending.redirectUri().equals(f.get("redirect_uri"))) {
            return "redirect_uri does not match the authorize request.";
        }
        String verifier = f.get("code_verifier");
        if (verifier == null || !s256(verifier).equals(pending.challenge())) {
            return "code_verifier does not match the code_challenge.";
        }
        return answer(issue());
    }

    private String redeemRefresh(Map<String, String> f) {
        String token = f.get("refresh_token");
        RefreshState state = token == null ? null : refreshTokens.get(token);
        if (state == null) {
            return "Unknown refresh token.";
        }
        if (state == RefreshState.SPENT) {
            return "refresh_token_reused";
        }
        refreshTokens.put(token, RefreshState.SPENT);
        return answer(issue());
    }

    private Issued issue() {
        int n = serial.incrementAndGet();
        ObjectNode access = JSON.createObjectNode();
        access.put("iss", "https://auth.openai.com");
        access.put("sub", "auth0|fake-user");
        access.put("jti", "access-" + n);
        access.put("exp", 2_000_000_000L);
        ObjectNode auth = access.putObject(AUTH_CLAIM);
        if (accountId != null) {
            auth.put("chatgpt_account_id", accountId);
        }
        auth.put("chatgpt_plan_type", "plus");
        auth.put("chatgpt_user_id", "user-fake");
        if (email != null) {
            access.putObject(PROFILE_CLAIM).put("email", email);
        }
        ObjectNode id = JSON.createObjectNode();
        id.put("iss", "https://auth.openai.com");
        id.put("sub", "auth0|fake-user");
        if (email != null) {
            id.put("email", email);
        }
        String refresh = "rt-fake-" + n + "-" + B64.encodeToString(randomish());
        refreshTokens.put(refresh, RefreshState.LIVE);
        return new Issued(jwt(access), refresh, jwt(id), expiresIn);
    }

    private static String answer(Issued t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("access_token", t.access());
        o.put("refresh_token", t.refresh());
        o.put("id_token", t.idToken());
        o.put("token_type", "Bearer");
        o.put("expires_in", t.expiresIn());
        return JSON.writeValueAsString(o);
    }

    private static void error(HttpExchange exchange, int status, String code, String description) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("error", code);
        o.put("error_description", description);
        send(exchange, status, "application/json", JSON.writeValueAsString(o));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String s256(String verifier) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] randomish() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return b;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "FakeOAuthServer[" + baseUrl() + ", mode=" + mode + ", calls=" + calls + "]";
    }
}
