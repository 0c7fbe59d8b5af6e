package ai.openclaw.oauth.codex;

import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.oauth.LoopbackCallbackServer;
import ai.openclaw.oauth.OAuthLoginException;
import ai.openclaw.oauth.OAuthState;
import ai.openclaw.oauth.PasteInput;
import ai.openclaw.oauth.PastedAuthorization;
import ai.openclaw.oauth.Pkce;
import ai.openclaw.oauth.RemoteEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The OpenAI Codex browser login (logins §2.2-§2.7): PKCE and state, the authorize URL printed for the person to
 * open, the authorization code from the loopback callback or from a paste, the token exchange, and the credential.
 *
 * <p>Where the code comes from:
 * <ul>
 *   <li>The callback server on {@code 127.0.0.1:<port>} is started first. When it cannot bind, the failure is
 *       reported on the error stream as in §2.4 and the person is asked to paste at once.</li>
 *   <li>A remote or headless host ({@link RemoteEnvironment}), or input that is not a terminal, is asked for the
 *       paste at once, while the callback server (if bound) keeps listening: whichever answers first wins. With no
 *       terminal, end of input only means nothing will be pasted: the callback may still arrive within the
 *       callback wait.</li>
 *   <li>At a local terminal the login first waits for the callback (60 s in production), then asks for the paste;
 *       the callback still wins if it arrives during the prompt.</li>
 * </ul>
 * A pasted value whose state differs fails the login ("State mismatch"); a stray request to the callback server
 * does not (it answers 400 and keeps waiting). The server is always closed before {@link #run} returns.
 *
 * <p>Output: the URL and instructions on {@code out}; the bind failure on {@code err}. Codes, the verifier and the
 * tokens are never printed.
 */
public final class CodexLoginFlow {
    /** The prompt at a remote host, asked right away (§2.5 step 4). */
    static final String REMOTE_PROMPT = "Paste the redirect URL (or authorization code): ";
    /** The prompt after the callback wait (§2.5 step 5). */
    static final String LOCAL_PROMPT = "Paste the authorization code (or full redirect URL): ";
    static final Duration EXCHANGE_TIMEOUT = Duration.ofSeconds(60);

    private final CodexTokenClient client;
    private final RandomGenerator random;
    private final PasteInput input;
    private final PrintWriter out;
    private final PrintWriter err;
    private final RemoteEnvironment remote;
    private final Duration callbackWait;

    /**
     * @param client       the token endpoint client; its endpoints say where to authorize and where to listen
     * @param random       source of the verifier and state ({@link java.security.SecureRandom} in production)
     * @param callbackWait how long a local terminal waits for the callback before prompting (60 s, §2.4), and how
     *                     long a login without terminal waits for it once standard input has ended
     */
    public CodexLoginFlow(CodexTokenClient client, RandomGenerator random, PasteInput input, PrintWriter out,
                          PrintWriter err, RemoteEnvironment remote, Duration callbackWait) {
        this.client = Objects.requireNonNull(client, "client");
        this.random = Objects.requireNonNull(random, "random");
        this.input = Objects.requireNonNull(input, "input");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.callbackWait = Objects.requireNonNull(callbackWait, "callbackWait");
    }

    /**
     * Runs the login to the end.
     *
     * @throws OAuthLoginException when no code arrives, the pasted state does not match, the exchange fails or the
     *                             tokens carry no account id; nothing is stored by this class in any case
     */
    public CodexLogin run() throws OAuthLoginException {
        CodexEndpoints endpoints = client.endpoints();
        Pkce pkce = Pkce.generate(random);
        String state = OAuthState.generate(random);
        LoopbackCallbackServer server = bind(endpoints, state);
        try (server) {
            if (server != null && endpoints.callbackPort() == 0) {
                // a test asked for any free port: the redirect must name the one we got
                endpoints = endpoints.withCallbackPort(server.port());
            }
            URI url = CodexAuthorizeUrl.build(endpoints, pkce, state);
            Arrival arrival = awaitCode(server, url, endpoints, state);
            out.println(arrival.via() == CodexLogin.Via.CALLBACK ? "Authorization received from the browser."
                    : "Authorization code received.");
            out.println("Exchanging it for tokens at " + endpoints.tokenUrl().getHost() + "...");
            out.flush();
            return exchange(arrival, pkce, endpoints);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthLoginException("Login interrupted.");
        }
    }

    private LoopbackCallbackServer bind(CodexEndpoints endpoints, String state) {
        try {
            return LoopbackCallbackServer.start(endpoints.callbackPort(), endpoints.callbackPath(), state);
        } catch (IOException e) {
            err.println("[openai-codex] Failed to bind http://127.0.0.1:" + endpoints.callbackPort() + " ("
                    + errorCode(e) + ") Falling back to manual paste.");
            err.flush();
            return null;
        }
    }

    /** Node's error codes, as the reference prints them, for the two common bind failures. */
    private static String errorCode(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof BindException && m.contains("in use")) {
            return "EADDRINUSE";
        }
        if (m.contains("permission denied")) {
            return "EACCES";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private record Arrival(String code, CodexLogin.Via via) {}

    /** What the two sources report to the waiting thread. */
    private sealed interface Event {
        record Callback(String code) implements Event {}

        record Pasted(String text) implements Event {}

        record InputEnded() implements Event {}
    }

    private Arrival awaitCode(LoopbackCallbackServer server, URI url, CodexEndpoints endpoints, String state)
            throws OAuthLoginException, InterruptedException {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        if (server != null) {
            server.code().thenAccept(code -> events.add(new Event.Callback(code)));
        }
        boolean pasteNow = remote.isRemote() || server == null || !input.interactive();
        printInstructions(url, endpoints, server != null, pasteNow);
        long start = System.nanoTime();
        if (pasteNow) {
            startReader(events, remote.isRemote() || server == null ? REMOTE_PROMPT : LOCAL_PROMPT);
        } else {
            Event first = events.poll(callbackWait.toNanos(), TimeUnit.NANOSECONDS);
            if (first instanceof Event.Callback(String code)) {
                return new Arrival(code, CodexLogin.Via.CALLBACK);
            }
            out.println("No redirect from the browser after " + callbackWait.toSeconds()
                    + " s. If the browser shows an address starting with " + endpoints.redirectUri()
                    + ", paste it here.");
            out.flush();
            startReader(events, LOCAL_PROMPT);
        }
        boolean inputEnded = false;
        while (true) {
            Event event;
            if (inputEnded) {
                long left = callbackWait.toNanos() - (System.nanoTime() - start);
                event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
                if (event == null) {
                    throw new OAuthLoginException("No authorization code: standard input ended without one and the"
                            + " browser did not return to " + endpoints.redirectUri() + " within "
                            + callbackWait.toSeconds() + " s.");
                }
            } else {
                event = events.take();
            }
            switch (event) {
                case Event.Callback(String code) -> {
                    return new Arrival(code, CodexLogin.Via.CALLBACK);
                }
                case Event.Pasted(String text) -> {
                    return new Arrival(PastedAuthorization.parse(text, state).code(), CodexLogin.Via.PASTE);
                }
                case Event.InputEnded ended -> {
                    if (input.interactive()) {
                        throw new OAuthLoginException("Login cancelled: no authorization code was entered.");
                    }
                    if (server == null) {
                        throw new OAuthLoginException("No authorization code: standard input ended without one."
                                + " Pipe the redirect URL (or the code) on standard input.");
                    }
                    inputEnded = true;
                }
            }
        }
    }

    private void printInstructions(URI url, CodexEndpoints endpoints, boolean listening, boolean pasteNow) {
        if (remote.isRemote()) {
            out.println("This looks like a remote or headless host (" + remote.reason().orElseThrow() + ").");
            out.println("Open this URL in a browser on your own computer and sign in with your ChatGPT account:");
        } else {
            out.println("Open this URL in your browser and sign in with your ChatGPT account:");
        }
        out.println();
        out.println(url);
        out.println();
        if (pasteNow) {
            out.println("Then paste the address the browser is sent to (it starts with " + endpoints.redirectUri()
                    + ") or the authorization code" + (listening ? ", unless the browser completes the login itself."
                    : "."));
        } else {
            out.println("Waiting up to " + callbackWait.toSeconds() + " s for the browser to return to "
                    + endpoints.redirectUri() + "...");
        }
        out.flush();
    }

    /**
     * Reads the paste on a daemon thread of its own: a person may never answer (the callback won), and a read on a
     * terminal cannot be interrupted, so the login must not wait for this thread to end.
     */
    private void startReader(BlockingQueue<Event> events, String prompt) {
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    String line = input.readLine(prompt);
                    if (line == null) {
                        events.add(new Event.InputEnded());
                        return;
                    }
                    if (!line.isBlank()) {
                        events.add(new Event.Pasted(line));
                        return;
                    }
                    if (input.interactive()) {
                        out.println("Required");
                        out.flush();
                    }
                }
            } catch (RuntimeException e) {
                // an unreadable input is an ended one; the message is not shown (it could quote the input)
                events.add(new Event.InputEnded());
            }
        }, "openclaw-oauth-paste");
        reader.setDaemon(true);
        reader.start();
    }

    private CodexLogin exchange(Arrival arrival, Pkce pkce, CodexEndpoints endpoints) throws OAuthLoginException {
        CodexTokens tokens;
        try {
            tokens = client.exchange(arrival.code(), pkce, endpoints.redirectUri(), EXCHANGE_TIMEOUT);
        } catch (CodexTokenException e) {
            throw new OAuthLoginException("Token exchange failed: " + e.getMessage() + ".", e);
        }
        CodexIdentity identity = CodexIdentity.of(tokens.access(), tokens.idToken());
        if (identity.accountId() == null) {
            throw new OAuthLoginException("Failed to extract accountId from token (the access token from "
                    + endpoints.tokenUrl().getHost() + " has no " + CodexIdentity.AUTH_CLAIM
                    + " chatgpt_account_id claim).");
        }
        ProfileMeta meta = new ProfileMeta(identity.email(), null, null, Map.of());
        OAuthCredential credential = new OAuthCredential(CodexEndpoints.PROVIDER, tokens.access(), tokens.refresh(),
                null, tokens.expiresAt(), null, null, null, identity.accountId(), identity.planType(), null, meta);
        return new CodexLogin(credential, identity, arrival.via());
    }
}
