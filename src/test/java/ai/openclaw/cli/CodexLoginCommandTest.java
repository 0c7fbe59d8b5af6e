package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.app.AppContext;
import ai.openclaw.cli.CliHarness.Result;
import ai.openclaw.env.ShellEnvRunner;
import ai.openclaw.testing.FakeOAuthServer;
import ai.openclaw.testing.ScriptedBrowser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code openclaw models auth login --provider openai-codex} end to end: the command prints the authorize URL, a
 * scripted browser signs in at a {@link FakeOAuthServer} and follows the redirect to the loopback callback (or the
 * redirect URL is "pasted" on standard input), and the profile lands in the store and the config.
 */
@Timeout(90)
class CodexLoginCommandTest {
    static final String[] LOGIN = {"models", "auth", "login", "--provider", "openai-codex"};
    static final String MODEL = "openai-codex/gpt-5.3-codex";

    @TempDir
    Path dir;
    CliHarness h;
    FakeOAuthServer oauth;
    ScriptedBrowser browser;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
        oauth = FakeOAuthServer.start().account("acct-cli-1", "user@example.com");
        browser = new ScriptedBrowser();
        h.env().putAll(oauth.env());
        // any free port for the callback; a display, so the host counts as local (the callback path)
        h.env("OPENCLAW_OPENAI_CODEX_CALLBACK_PORT", "0").env("DISPLAY", ":0");
    }

    @AfterEach
    void tearDown() {
        browser.close();
        oauth.close();
    }

    /** Standard input (no terminal) whose one line is computed when the command reads it. */
    record LazyStdin(Function<String, String> line) implements Terminal {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public char[] readSecret(String prompt) {
            throw new AssertionError("a login reads no secret");
        }

        @Override
        public String readLine(String prompt) {
            return line.apply(prompt);
        }
    }

    /** A command running in this JVM whose output can be read while it runs. */
    final class Running {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CompletableFuture<Integer> exit;

        Running(Terminal terminal, String... args) {
            AppContext ctx = new AppContext(h.env(), h.home(), h.clock(), ProcessHandle.current().pid(),
                    ShellEnvRunner.disabled(), terminal, new PrintWriter(out, true), new PrintWriter(err, true));
            exit = CompletableFuture.supplyAsync(() -> Cli.execute(ctx, args));
        }

        URI authorizeUrl() {
            return ScriptedBrowser.awaitAuthorizeUrl(out::toString, Duration.ofSeconds(30));
        }

        Result finish() throws Exception {
            return new Result(exit.get(60, TimeUnit.SECONDS), out.toString(), err.toString());
        }
    }

    /** Runs the login; the browser signs in and the browser's redirect reaches the callback server. */
    Result loginViaCallback(String... extraArgs) throws Exception {
        Running run = new Running(ScriptedTerminal.stdin(""), args(extraArgs));
        assertThat(browser.completeLogin(run.authorizeUrl()).body()).contains("Authentication successful");
        return run.finish();
    }

    /** Runs the login; the redirect URL the browser shows is read from standard input. */
    Result loginViaPaste(Function<String, String> editRedirect, String... extraArgs) throws Exception {
        Running[] run = new Running[1];
        run[0] = new Running(new LazyStdin(prompt -> editRedirect.apply(
                browser.signIn(run[0].authorizeUrl()).toString())), args(extraArgs));
        return run[0].finish();
    }

    static String[] args(String... extra) {
        String[] all = new String[LOGIN.length + extra.length];
        System.arraycopy(LOGIN, 0, all, 0, LOGIN.length);
        System.arraycopy(extra, 0, all, LOGIN.length, extra.length);
        return all;
    }

    JsonNode store(String agent) {
        return CliHarness.json(h.store(agent));
    }

    JsonNode config() {
        return CliHarness.json(h.configPath());
    }

    static void assertNoTokens(Result r, JsonNode profile) {
        assertThat(r.all()).doesNotContain(profile.get("access").asString())
                .doesNotContain(profile.get("refresh").asString());
    }

    @Test
    void onboardsCodexChoice_runsThisLoginAfterTheLastQuestion_andStoresTheProfile() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<String> answers = java.util.List.of("2", "2", "1"); // OpenAI, Codex sign-in, keep the model
        Running[] run = new Running[1];
        run[0] = new Running(new LazyStdin(prompt -> asked.get() < answers.size()
                ? answers.get(asked.getAndIncrement())
                : browser.signIn(run[0].authorizeUrl()).toString()), "onboard");
        Result r = run[0].finish();

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Auth profile: openai-codex:user@example.com (openai-codex/oauth)");
        assertThat(CliHarness.json(h.store("main")).get("profiles").get("openai-codex:user@example.com")
                .get("type").asString()).isEqualTo("oauth");
        assertThat(oauth.calls(FakeOAuthServer.AUTHORIZATION_CODE)).isEqualTo(1);
    }

    @Test
    void callbackLogin_storesAnOauthProfileNamedAfterTheEmail_andTheConfigEntry() throws Exception {
        Result r = loginViaCallback("--method", "oauth");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Updated ~/.openclaw/openclaw.json")
                .contains("Stored in ~/.openclaw/agents/main/agent/auth-profiles.json")
                .contains("Auth profile: openai-codex:user@example.com (openai-codex/oauth)")
                .contains("Default model available: " + MODEL + " (use --set-default to apply)");
        JsonNode p = store("main").get("profiles").get("openai-codex:user@example.com");
        assertThat(p.get("type").asString()).isEqualTo("oauth");
        assertThat(p.get("provider").asString()).isEqualTo("openai-codex");
        assertThat(p.get("access").asString()).contains(".");
        assertThat(p.get("refresh").asString()).startsWith("rt-fake-");
        assertThat(p.get("expires").asLong()).isEqualTo(h.now() + 3_600_000L);
        assertThat(p.get("accountId").asString()).isEqualTo("acct-cli-1");
        assertThat(p.get("email").asString()).isEqualTo("user@example.com");
        assertThat(p.has("idToken")).as("the id token is not kept").isFalse();
        assertNoTokens(r, p);
        JsonNode cfg = config().get("auth").get("profiles").get("openai-codex:user@example.com");
        assertThat(cfg.get("provider").asString()).isEqualTo("openai-codex");
        assertThat(cfg.get("mode").asString()).isEqualTo("oauth");
        assertThat(CliHarness.read(h.configPath())).doesNotContain(p.get("refresh").asString());
        assertThat(config().has("agents")).as("no allowlist or default model created").isFalse();
        assertThat(CliHarness.mode(h.store("main"))).isEqualTo("rw-------");
        assertThat(CliHarness.mode(h.agentDir("main"))).isEqualTo("rwx------");
        assertThat(oauth.calls(FakeOAuthServer.AUTHORIZATION_CODE)).isEqualTo(1);
    }

    @Test
    void afterLogin_modelsStatusShowsTheOauthProfile() throws Exception {
        assertThat(loginViaCallback().exit()).isZero();

        Result status = h.run("models", "status");

        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.out()).contains("openai-codex:user@example.com");
    }

    @Test
    void remoteHost_pastedRedirectOnStdin_completesTheLogin() throws Exception {
        h.env("SSH_CONNECTION", "10.0.0.2 52000 10.0.0.1 22");

        Result r = loginViaPaste(redirect -> redirect);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("remote or headless host (SSH_CONNECTION is set)")
                .contains("Auth profile: openai-codex:user@example.com (openai-codex/oauth)");
        assertNoTokens(r, store("main").get("profiles").get("openai-codex:user@example.com"));
    }

    @Test
    void pastedRedirectWithAnotherState_exitsNonZero_andStoresNothing() throws Exception {
        h.env("SSH_CONNECTION", "10.0.0.2 52000 10.0.0.1 22");

        Result r = loginViaPaste(redirect -> redirect.replaceFirst("state=[0-9a-f]+", "state=0000"));

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("Error: OpenAI OAuth failed: State mismatch")
                .contains("Trouble with OAuth? See https://docs.openclaw.ai/start/faq");
        assertThat(Files.exists(h.store("main"))).isFalse();
        assertThat(Files.exists(h.configPath())).isFalse();
        assertThat(oauth.calls(FakeOAuthServer.AUTHORIZATION_CODE)).isZero();
    }

    @Test
    void occupiedCallbackPort_isReportedOnStderr_andThePasteFromStdinCompletesTheLogin() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            h.env("OPENCLAW_OPENAI_CODEX_CALLBACK_PORT", Integer.toString(port));

            Result r = loginViaPaste(redirect -> redirect);

            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.err()).contains("[openai-codex] Failed to bind http://127.0.0.1:" + port
                    + " (EADDRINUSE) Falling back to manual paste.");
            assertThat(r.out()).contains("redirect_uri=http%3A%2F%2Flocalhost%3A" + port + "%2Fauth%2Fcallback");
            assertThat(store("main").get("profiles").has("openai-codex:user@example.com")).isTrue();
        }
    }

    @Test
    void setDefault_makesTheCodexModelPrimary_andAnExistingAllowlistGetsIt() throws Exception {
        h.writeConfig("""
                // my config
                { agents: { defaults: {
                    model: { primary: 'anthropic/claude-opus-4-6', fallbacks: ['openai/gpt-5'] },
                    models: { 'anthropic/claude-opus-4-6': { alias: 'Opus' } } } } }
                """);

        Result r = loginViaCallback("--set-default");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Default model set to " + MODEL);
        JsonNode defaults = config().get("agents").get("defaults");
        assertThat(defaults.get("model").get("primary").asString()).isEqualTo(MODEL);
        assertThat(defaults.get("model").get("fallbacks").get(0).asString()).isEqualTo("openai/gpt-5");
        assertThat(defaults.get("models").propertyNames()).containsExactly("anthropic/claude-opus-4-6", MODEL);
        assertThat(defaults.get("models").get("anthropic/claude-opus-4-6").get("alias").asString()).isEqualTo("Opus");
    }

    @Test
    void setDefault_keepsAPlainStringModelAString() throws Exception {
        h.writeConfig("{ agents: { defaults: { model: 'anthropic/claude-opus-4-6' } } }");

        assertThat(loginViaCallback("--set-default").exit()).isZero();

        assertThat(config().get("agents").get("defaults").get("model").asString()).isEqualTo(MODEL);
        assertThat(config().get("agents").get("defaults").has("models")).isFalse();
    }

    @Test
    void withoutSetDefault_theDefaultModelStays_butAnExistingAllowlistGetsTheCodexModel() throws Exception {
        h.writeConfig("{ agents: { defaults: { model: 'anthropic/claude-opus-4-6', models: { 'openai/gpt-5': {} } } } }");

        assertThat(loginViaCallback().exit()).isZero();

        JsonNode defaults = config().get("agents").get("defaults");
        assertThat(defaults.get("model").asString()).isEqualTo("anthropic/claude-opus-4-6");
        assertThat(defaults.get("models").propertyNames()).containsExactly("openai/gpt-5", MODEL);
    }

    @Test
    void profileIdAndAgentOptions_chooseWhereTheCredentialGoes() throws Exception {
        h.writeConfig("{ agents: { list: [ { id: 'main', default: true }, { id: 'work' } ] } }");

        Result r = loginViaCallback("--profile-id", "team", "--agent", "work");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Auth profile: openai-codex:team (openai-codex/oauth)")
                .contains("Stored in ~/.openclaw/agents/work/agent/auth-profiles.json");
        assertThat(store("work").get("profiles").get("openai-codex:team").get("email").asString())
                .isEqualTo("user@example.com");
        assertThat(Files.exists(h.store("main"))).isFalse();
    }

    @Test
    void tokensWithoutEmail_nameTheProfileAfterTheStableSubject() throws Exception {
        oauth.account("acct-cli-1", null);

        Result r = loginViaCallback();

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("Auth profile: openai-codex:id-[A-Za-z0-9_-]+ \\(openai-codex/oauth\\)");
    }

    @Test
    void unknownAgent_failsBeforeAnySignIn() {
        Result r = h.run(args("--agent", "nobody"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nobody");
        assertThat(r.out()).doesNotContain("/oauth/authorize");
    }

    @Test
    void unsupportedProvider_saysWhatIsSupported() {
        Result r = h.run("models", "auth", "login", "--provider", "OpenRouter");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Error: Unknown provider \"openrouter\" for models auth login. Supported: "
                + "--provider openai-codex (--method oauth), --provider anthropic (--method cli).");
    }

    @Test
    void unsupportedMethod_forCodex_isRefused() {
        Result r = h.run(args("--method", "device-code"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Error: Unknown auth method \"device-code\" for openai-codex. "
                + "Use --method oauth or omit --method.");
    }

    @Test
    void badEndpointOverride_isReportedByName() {
        h.env("OPENCLAW_OPENAI_CODEX_TOKEN_URL", "http://token.example.com/oauth/token");

        Result r = h.run(LOGIN);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Error: OPENCLAW_OPENAI_CODEX_TOKEN_URL must be an absolute https:// URL");
    }

    @Test
    void helpListsTheLoginCommand() {
        Result r = h.run("models", "auth", "--help");

        assertThat(r.out()).contains("login");
    }

    /**
     * A script drives a real {@code openclaw} process: it reads the URL from stdout, signs in, and writes the redirect
     * URL to the process's stdin.
     */
    @Test
    void separateProcess_scriptPastesTheRedirectOnStdin() throws Exception {
        Map<String, String> extra = new HashMap<>(Map.of("SSH_CONNECTION", "10.0.0.2 52000 10.0.0.1 22"));
        Process p = h.startProcess(extra, LOGIN);
        StringBuffer out = new StringBuffer();
        CompletableFuture<Void> outDone = pump(p.getInputStream(), out);
        StringBuffer err = new StringBuffer();
        CompletableFuture<Void> errDone = pump(p.getErrorStream(), err);
        try {
            URI redirect = browser.signIn(ScriptedBrowser.awaitAuthorizeUrl(out::toString, Duration.ofSeconds(60)));
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write((redirect + "\n").getBytes(StandardCharsets.UTF_8));
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited; stderr: %s", err).isTrue();
            outDone.get(10, TimeUnit.SECONDS);
            errDone.get(10, TimeUnit.SECONDS);
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as("stdout: %s%nstderr: %s", out, err).isZero();
        assertThat(out.toString()).contains("Auth profile: openai-codex:user@example.com (openai-codex/oauth)");
        JsonNode profile = store("main").get("profiles").get("openai-codex:user@example.com");
        assertNoTokens(new Result(0, out.toString(), err.toString()), profile);
    }

    /**
     * The production port: only when 1455 is free on this machine (another login or test may hold it). No port
     * override, so the redirect names {@code localhost:1455}.
     */
    @Test
    void productionPort1455_whenFree_servesTheCallback() throws Exception {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 1455));
        } catch (IOException e) {
            assumeTrue(false, "127.0.0.1:1455 is busy on this machine");
        }
        h.env("OPENCLAW_OPENAI_CODEX_CALLBACK_PORT", null);
        Running run = new Running(ScriptedTerminal.stdin(""), LOGIN);
        URI url = run.authorizeUrl();
        if (run.err.toString().contains("Failed to bind")) {
            run.finish();
            abort("127.0.0.1:1455 was taken between the probe and the login");
        }
        assertThat(url.getRawQuery()).contains("redirect_uri=http%3A%2F%2Flocalhost%3A1455%2Fauth%2Fcallback");

        browser.completeLogin(url);
        Result r = run.finish();

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(store("main").get("profiles").has("openai-codex:user@example.com")).isTrue();
    }

    private static CompletableFuture<Void> pump(InputStream in, StringBuffer sink) {
        return CompletableFuture.runAsync(() -> {
            byte[] buf = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    sink.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                sink.append("\n[pump failed: ").append(e).append("]");
            }
        });
    }
}
