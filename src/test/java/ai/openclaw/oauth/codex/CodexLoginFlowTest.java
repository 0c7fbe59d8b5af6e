package ai.openclaw.oauth.codex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.oauth.OAuthLoginException;
import ai.openclaw.oauth.PasteInput;
import ai.openclaw.oauth.RemoteEnvironment;
import ai.openclaw.testing.FakeOAuthServer;
import ai.openclaw.testing.ScriptedBrowser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Codex login orchestration: where the code comes from, what is printed, what fails. */
@Timeout(60)
class CodexLoginFlowTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    static final RemoteEnvironment LOCAL = new RemoteEnvironment(Optional.empty());
    static final RemoteEnvironment REMOTE = new RemoteEnvironment(Optional.of("SSH_CONNECTION is set"));
    static final Duration WAIT = Duration.ofSeconds(30);

    FakeOAuthServer oauth;
    ScriptedBrowser browser;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<CodexTokenClient> clients = new ArrayList<>();

    @BeforeEach
    void setUp() {
        oauth = FakeOAuthServer.start().account("acct-flow", "flow@example.com");
        browser = new ScriptedBrowser();
    }

    @AfterEach
    void tearDown() {
        clients.forEach(CodexTokenClient::close);
        browser.close();
        oauth.close();
    }

    /** A paste source that answers each prompt with {@code answer.apply(prompt)}, recording the prompts. */
    static final class Paste implements PasteInput {
        final boolean interactive;
        final Function<String, String> answer;
        final List<String> prompts = new CopyOnWriteArrayList<>();

        Paste(boolean interactive, Function<String, String> answer) {
            this.interactive = interactive;
            this.answer = answer;
        }

        @Override
        public boolean interactive() {
            return interactive;
        }

        @Override
        public String readLine(String prompt) {
            prompts.add(prompt);
            return answer.apply(prompt);
        }
    }

    static final Paste NO_INPUT = new Paste(false, p -> null);

    CodexLoginFlow flow(PasteInput input, RemoteEnvironment remote, Duration wait, int callbackPort) {
        Map<String, String> env = new HashMap<>(oauth.env());
        env.put(CodexEndpoints.CALLBACK_PORT_VAR, Integer.toString(callbackPort));
        CodexTokenClient client = CodexTokenClient.create(CodexEndpoints.fromEnv(env), env, CLOCK);
        clients.add(client);
        return new CodexLoginFlow(client, new SecureRandom(), input, new PrintWriter(out, true),
                new PrintWriter(err, true), remote, wait);
    }

    URI printedUrl() {
        return ScriptedBrowser.awaitAuthorizeUrl(out::toString, Duration.ofSeconds(20));
    }

    /** Signs in at the fake and returns the redirect URL a person would copy from the address bar. */
    String redirectToPaste() {
        return browser.signIn(printedUrl()).toString();
    }

    @Test
    void browserCallback_completesTheLogin_withoutAnyPaste() throws Exception {
        CompletableFuture<HttpResponse<String>> callback = CompletableFuture.supplyAsync(
                () -> browser.completeLogin(printedUrl()));

        CodexLogin login = flow(NO_INPUT, LOCAL, WAIT, 0).run();

        assertThat(login.via()).isEqualTo(CodexLogin.Via.CALLBACK);
        assertThat(callback.join().body()).contains("Authentication successful");
        OAuthCredential c = login.credential();
        assertThat(c.provider()).isEqualTo("openai-codex");
        assertThat(c.accountId()).isEqualTo("acct-flow");
        assertThat(c.meta().email()).isEqualTo("flow@example.com");
        assertThat(c.expires()).isEqualTo(CLOCK.millis() + 3_600_000L);
        assertThat(login.identity().profileName()).isEqualTo("flow@example.com");
        assertThat(out.toString()).contains("Open this URL in your browser").contains("Authorization received from the browser.");
        assertThat(out.toString() + err).doesNotContain(c.access().reveal()).doesNotContain(c.refresh().reveal());
        // the authorize request carried the challenge of the verifier the exchange then proved
        assertThat(oauth.lastAuthorizeQuery()).containsEntry("redirect_uri",
                oauth.tokenRequests().getFirst().get("redirect_uri"));
        assertThat(oauth.calls(FakeOAuthServer.AUTHORIZATION_CODE)).isEqualTo(1);
    }

    @Test
    void remoteHost_asksForThePasteAtOnce_andThePastedRedirectCompletesTheLogin() throws Exception {
        Paste paste = new Paste(true, prompt -> redirectToPaste());

        CodexLogin login = flow(paste, REMOTE, WAIT, 0).run();

        assertThat(login.via()).isEqualTo(CodexLogin.Via.PASTE);
        assertThat(paste.prompts).containsExactly("Paste the redirect URL (or authorization code): ");
        assertThat(out.toString()).contains("remote or headless host (SSH_CONNECTION is set)")
                .contains("in a browser on your own computer");
        assertThat(login.credential().accountId()).isEqualTo("acct-flow");
    }

    @Test
    void pastedCodeHashState_isAccepted() throws Exception {
        Paste paste = new Paste(false, prompt -> {
            URI redirect = URI.create(redirectToPaste());
            Map<String, String> q = query(redirect);
            return q.get("code") + "#" + q.get("state");
        });

        assertThat(flow(paste, REMOTE, WAIT, 0).run().via()).isEqualTo(CodexLogin.Via.PASTE);
    }

    @Test
    void pastedRedirectWithAnotherState_failsWithStateMismatch_andExchangesNothing() {
        Paste paste = new Paste(false, prompt -> redirectToPaste().replaceFirst("state=[0-9a-f]+", "state=forged"));
        CodexLoginFlow flow = flow(paste, REMOTE, WAIT, 0);

        assertThatThrownBy(flow::run).isInstanceOf(OAuthLoginException.class).hasMessage("State mismatch");
        assertThat(oauth.calls(FakeOAuthServer.AUTHORIZATION_CODE)).isZero();
    }

    @Test
    void occupiedCallbackPort_isReportedOnStderr_andThePastePathStillWorks() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            Paste paste = new Paste(true, prompt -> redirectToPaste());

            CodexLogin login = flow(paste, LOCAL, WAIT, port).run();

            assertThat(err.toString()).isEqualTo("[openai-codex] Failed to bind http://127.0.0.1:" + port
                    + " (EADDRINUSE) Falling back to manual paste." + System.lineSeparator());
            assertThat(paste.prompts).as("no 60 s wait: the prompt comes at once")
                    .containsExactly("Paste the redirect URL (or authorization code): ");
            assertThat(login.via()).isEqualTo(CodexLogin.Via.PASTE);
        }
    }

    @Test
    void localTerminal_waitsForTheCallback_thenPrompts() throws Exception {
        Paste paste = new Paste(true, prompt -> redirectToPaste());

        CodexLogin login = flow(paste, LOCAL, Duration.ofMillis(200), 0).run();

        assertThat(out.toString()).contains("Waiting up to 0 s for the browser")
                .contains("No redirect from the browser after 0 s.");
        assertThat(paste.prompts).containsExactly("Paste the authorization code (or full redirect URL): ");
        assertThat(login.via()).isEqualTo(CodexLogin.Via.PASTE);
    }

    @Test
    void localTerminal_callbackWithinTheWait_neverPrompts() throws Exception {
        Paste paste = new Paste(true, prompt -> {
            throw new AssertionError("prompted although the callback arrived");
        });
        CompletableFuture.runAsync(() -> browser.completeLogin(printedUrl()));

        CodexLogin login = flow(paste, LOCAL, WAIT, 0).run();

        assertThat(login.via()).isEqualTo(CodexLogin.Via.CALLBACK);
        assertThat(paste.prompts).isEmpty();
    }

    @Test
    void blankAnswersAtATerminal_areAskedAgain() throws Exception {
        List<String> answers = new CopyOnWriteArrayList<>(List.of("", "   "));
        Paste paste = new Paste(true, prompt -> answers.isEmpty() ? redirectToPaste() : answers.removeFirst());

        flow(paste, REMOTE, WAIT, 0).run();

        assertThat(paste.prompts).hasSize(3);
        assertThat(out.toString().lines().filter("Required"::equals)).hasSize(2);
    }

    @Test
    void endOfInputAtATerminal_cancelsTheLogin() {
        assertThatThrownBy(() -> flow(new Paste(true, p -> null), REMOTE, WAIT, 0).run())
                .isInstanceOf(OAuthLoginException.class)
                .hasMessage("Login cancelled: no authorization code was entered.");
    }

    @Test
    void emptyStdin_withoutCallbackServer_failsAtOnce() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertThatThrownBy(() -> flow(NO_INPUT, LOCAL, WAIT, taken.getLocalPort()).run())
                    .isInstanceOf(OAuthLoginException.class)
                    .hasMessageStartingWith("No authorization code: standard input ended without one.");
        }
    }

    @Test
    void emptyStdin_andNoCallbackWithinTheWait_fails_andClosesTheServer() throws Exception {
        CodexLoginFlow flow = flow(NO_INPUT, LOCAL, Duration.ofMillis(200), 0);

        assertThatThrownBy(flow::run).isInstanceOf(OAuthLoginException.class)
                .hasMessageContaining("the browser did not return to http://localhost:");
        URI callback = URI.create(browser.signIn(printedUrl()).toString()
                .replaceFirst("^http://localhost:", "http://127.0.0.1:"));
        assertThatThrownBy(() -> browser.get(callback)).hasCauseInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void refusedExchange_failsWithTheProvidersReason() {
        Paste paste = new Paste(false, prompt -> {
            String redirect = redirectToPaste();
            oauth.mode(FakeOAuthServer.Mode.INVALID_GRANT);
            return redirect;
        });

        assertThatThrownBy(() -> flow(paste, REMOTE, WAIT, 0).run()).isInstanceOf(OAuthLoginException.class)
                .hasMessageStartingWith("Token exchange failed: HTTP 400: invalid_grant (");
    }

    @Test
    void tokensWithoutAccountId_failTheLogin() {
        oauth.account(null, "flow@example.com");
        Paste paste = new Paste(false, prompt -> redirectToPaste());

        assertThatThrownBy(() -> flow(paste, REMOTE, WAIT, 0).run()).isInstanceOf(OAuthLoginException.class)
                .hasMessageStartingWith("Failed to extract accountId from token");
    }

    @Test
    void neitherCodeNorVerifierNorTokens_areEverPrinted() throws Exception {
        List<String> pasted = new CopyOnWriteArrayList<>();
        Paste paste = new Paste(false, prompt -> {
            String r = redirectToPaste();
            pasted.add(r);
            return r;
        });

        CodexLogin login = flow(paste, REMOTE, WAIT, 0).run();

        String printed = out + "\n" + err;
        String code = query(URI.create(pasted.getFirst())).get("code");
        String verifier = oauth.tokenRequests().getFirst().get("code_verifier");
        assertThat(printed).doesNotContain(code).doesNotContain(verifier)
                .doesNotContain(login.credential().access().reveal())
                .doesNotContain(login.credential().refresh().reveal());
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return q;
    }
}
