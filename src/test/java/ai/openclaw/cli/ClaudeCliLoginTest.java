package ai.openclaw.cli;

import static ai.openclaw.claudecli.ClaudeCliFixtures.ACCESS;
import static ai.openclaw.claudecli.ClaudeCliFixtures.ACCESS_2;
import static ai.openclaw.claudecli.ClaudeCliFixtures.REFRESH;
import static ai.openclaw.claudecli.ClaudeCliFixtures.REFRESH_2;
import static ai.openclaw.claudecli.ClaudeCliFixtures.credentialsJson;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import ai.openclaw.claudecli.ClaudeCliFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code openclaw models auth login --provider anthropic --method cli}, and the re-sync of {@code anthropic:claude-cli}
 * by {@code models status} and {@code doctor}: a fake {@code claude} on PATH and Claude CLI credential files in the
 * temp home.
 */
class ClaudeCliLoginTest {
    static final String ID = "anthropic:claude-cli";
    static final long HOUR = 3_600_000L;
    static final String[] LOGIN = {"models", "auth", "login", "--provider", "anthropic", "--method", "cli"};

    @TempDir
    Path dir;
    CliHarness h;
    Path bin;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
        bin = dir.resolve("bin");
    }

    private void claudeInstalled() {
        ClaudeCliFixtures.fakeClaude(bin, dir.resolve("argv.txt"), 0);
        h.env("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
    }

    private Path claudeLogin(String access, String refresh, long expiresAt) {
        return ClaudeCliFixtures.writeCredentials(h.home(), credentialsJson(access, refresh, expiresAt));
    }

    private JsonNode profile() {
        return CliHarness.json(h.store("main")).get("profiles").get(ID);
    }

    private static String[] with(String[] base, String... more) {
        String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    private static void assertNoTokens(Result r) {
        assertThat(r.all()).doesNotContain(ACCESS).doesNotContain(REFRESH).doesNotContain(ACCESS_2)
                .doesNotContain(REFRESH_2);
    }

    // ---- login ------------------------------------------------------------------------------------------------

    @Test
    void login_storesTheClaudeCliLoginAsAnOAuthProfile_withConfigModeOauth() {
        claudeInstalled();
        claudeLogin(ACCESS, REFRESH, h.now() + 8 * HOUR);
        ClaudeCliFixtures.write(h.home().resolve(".claude.json"), "{\"oauthAccount\":{\"emailAddress\":\"me@example.com\"}}");

        Result r = h.run(LOGIN);

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode p = profile();
        assertThat(p.get("type").asString()).isEqualTo("oauth");
        assertThat(p.get("provider").asString()).isEqualTo("anthropic");
        assertThat(p.get("access").asString()).isEqualTo(ACCESS);
        assertThat(p.get("refresh").asString()).isEqualTo(REFRESH);
        assertThat(p.get("expires").asLong()).isEqualTo(h.now() + 8 * HOUR);
        assertThat(p.get("email").asString()).isEqualTo("me@example.com");
        JsonNode cfg = CliHarness.json(h.configPath()).get("auth").get("profiles").get(ID);
        assertThat(cfg.get("provider").asString()).isEqualTo("anthropic");
        assertThat(cfg.get("mode").asString()).isEqualTo("oauth");
        assertThat(r.out()).isEqualTo("""
                Claude CLI    : ~/../bin/claude
                Claude login  : ~/.claude/.credentials.json (oauth, me@example.com, expires in 8h)
                Updated ~/.openclaw/openclaw.json
                Stored in ~/.openclaw/agents/main/agent/auth-profiles.json
                Auth profile: anthropic:claude-cli (anthropic/oauth)
                The Claude CLI owns this login: OpenClaw re-reads it (`openclaw models status`, `openclaw doctor`) \
                and never spends its refresh token.
                """.replace("~/../bin/claude", bin.resolve("claude").toString()));
        assertNoTokens(r);
        assertThat(CliHarness.mode(h.store("main"))).isEqualTo("rw-------");
    }

    @Test
    void cli_isTheDefaultMethod_andATokenOnlyLoginIsStoredAsAToken() {
        claudeInstalled();
        claudeLogin(ACCESS, null, h.now() + 8 * HOUR);

        Result r = h.run("models", "auth", "login", "--provider", "Anthropic");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile().get("type").asString()).isEqualTo("token");
        assertThat(profile().get("token").asString()).isEqualTo(ACCESS);
        assertThat(r.out()).contains("Auth profile: anthropic:claude-cli (anthropic/oauth)");
    }

    @Test
    void withAnotherDefaultModel_theLoginSaysWhichOneItCouldSet() {
        claudeInstalled();
        claudeLogin(ACCESS, REFRESH, h.now() + 8 * HOUR);
        h.writeConfig("{agents: {defaults: {model: 'openai/gpt-5'}}}");

        Result r = h.run(LOGIN);

        assertThat(r.out()).contains("Default model available: anthropic/claude-opus-4-6 (use --set-default to apply)");
        assertThat(CliHarness.json(h.configPath()).get("agents").get("defaults").get("model").asString())
                .isEqualTo("openai/gpt-5");
    }

    @Test
    void setDefault_makesOpusTheDefaultModel_keepingTheFallbacks() {
        claudeInstalled();
        claudeLogin(ACCESS, REFRESH, h.now() + 8 * HOUR);
        h.writeConfig("{agents: {defaults: {model: {primary: 'openai/gpt-5', fallbacks: ['openai/gpt-5-mini']}}}}");

        Result r = h.run(with(LOGIN, "--set-default"));

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Default model set to anthropic/claude-opus-4-6");
        JsonNode model = CliHarness.json(h.configPath()).get("agents").get("defaults").get("model");
        assertThat(model.get("primary").asString()).isEqualTo("anthropic/claude-opus-4-6");
        assertThat(model.get("fallbacks").get(0).asString()).isEqualTo("openai/gpt-5-mini");
    }

    @Test
    void theAgentOption_choosesTheStore() {
        claudeInstalled();
        claudeLogin(ACCESS, REFRESH, h.now() + 8 * HOUR);
        h.writeConfig("{agents: {list: [{id: 'main', default: true}, {id: 'work'}]}}");

        Result r = h.run(with(LOGIN, "--agent", "work"));

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(CliHarness.json(h.store("work")).get("profiles").has(ID)).isTrue();
        assertThat(h.store("main")).doesNotExist();
    }

    @Test
    void withoutClaude_itSaysToInstallIt_andStoresNothing() {
        claudeLogin(ACCESS, REFRESH, h.now() + 8 * HOUR);

        Result r = h.run(LOGIN);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: Claude CLI not found on PATH (or agents.defaults.cliBackends.claude-cli"
                + ".command). Install Claude Code (https://docs.anthropic.com/claude-code) and run `claude` to log in.\n");
        assertThat(h.store("main")).doesNotExist();
    }

    @Test
    void theConfiguredCommand_findsClaudeOffPath() {
        Path claude = ClaudeCliFixtures.fakeClaude(dir.resolve("opt"), dir.resolve("argv.txt"), 0);
        h.writeConfig("{agents: {defaults: {cliBackends: {'claude-cli': {command: '" + claude + "'}}}}}");
        claudeLogin(ACCESS, REFRESH, h.now() + 8 * HOUR);

        Result r = h.run(LOGIN);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Claude CLI    : " + claude);
    }

    @Test
    void withoutAClaudeLogin_itSaysToLogIn() {
        claudeInstalled();

        Result r = h.run(LOGIN);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: No Claude CLI login found (looked in "
                + h.home().resolve(".claude/.credentials.json") + "). Run `claude` on this host and log in, then run "
                + "this command again.\n");
        assertThat(h.store("main")).doesNotExist();
    }

    @Test
    void anExpiredClaudeLogin_isRefusedWithHowToRenewIt() {
        claudeInstalled();
        claudeLogin(ACCESS, REFRESH, h.now() - 3 * HOUR);

        Result r = h.run(LOGIN);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("The Claude CLI login (" + h.home().resolve(".claude/.credentials.json")
                + ") expired 3h ago. Run `claude` on this host to renew it (or `claude auth login`), then run this "
                + "command again. Nothing was stored.");
        assertThat(h.store("main")).doesNotExist();
        assertNoTokens(r);
    }

    @Test
    void aMalformedClaudeLogin_isReportedWithPathAndPosition() {
        claudeInstalled();
        Path file = ClaudeCliFixtures.writeCredentials(h.home(), "{\"claudeAiOauth\": {\"accessToken\": \"" + ACCESS
                + "\"\n  \"expiresAt\": 1}}");

        Result r = h.run(LOGIN);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error: Cannot read the Claude CLI login: " + file + ":2:");
        assertNoTokens(r);
    }

    @Test
    void otherProvidersAndMethods_areRefusedClearly() {
        Result provider = h.run("models", "auth", "login", "--provider", "mistral");
        assertThat(provider.exit()).isEqualTo(1);
        assertThat(provider.err()).isEqualTo("Error: Unknown provider \"mistral\" for models auth login. Supported: "
                + "--provider openai-codex (--method oauth), --provider anthropic (--method cli).\n");

        Result method = h.run("models", "auth", "login", "--provider", "anthropic", "--method", "oauth");
        assertThat(method.exit()).isEqualTo(1);
        assertThat(method.err()).isEqualTo("Error: Unknown auth method \"oauth\" for anthropic. Use --method cli to "
                + "reuse the Claude CLI login; for a setup-token run `openclaw models auth setup-token`, for an API key "
                + "`openclaw models auth paste-api-key --provider anthropic`.\n");
    }

    // ---- re-sync by models status and doctor -----------------------------------------------------------------

    /** Logs in, then lets the Claude CLI renew its login 7h59m later (the stored copy expires in 1 minute). */
    private void loginThenClaudeRenews() {
        claudeInstalled();
        claudeLogin(ACCESS, REFRESH, h.now() + 8 * HOUR);
        assertThat(h.run(LOGIN).exit()).isZero();
        h.clock().advance(Duration.ofMinutes(8 * 60 - 1));
        claudeLogin(ACCESS_2, REFRESH_2, h.now() + 8 * HOUR);
    }

    private static JsonNode oauthEntry(JsonNode status) {
        for (JsonNode p : status.get("auth").get("oauth").get("profiles")) {
            if (p.get("profileId").asString().equals(ID)) {
                return p;
            }
        }
        throw new AssertionError("no " + ID + " in " + status);
    }

    @Test
    void modelsStatus_picksUpTheClaudeClisNewerToken() {
        loginThenClaudeRenews();

        Result r = h.run("models", "status", "--json");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(oauthEntry(r.json()).get("expiresAt").asLong()).isEqualTo(h.now() + 8 * HOUR);
        // the fixture's 8-hour token is inside the 24 h warning window
        assertThat(oauthEntry(r.json()).get("status").asString()).isEqualTo("expiring");
        assertThat(profile().get("access").asString()).isEqualTo(ACCESS_2);
        assertThat(profile().get("refresh").asString()).isEqualTo(REFRESH_2);
        assertThat(r.json().get("auth").get("warnings")).isEmpty();
        assertNoTokens(r);
    }

    @Test
    void doctor_picksUpTheClaudeClisNewerToken_andSaysSo() {
        loginThenClaudeRenews();

        Result r = h.run("doctor");

        assertThat(r.out()).contains("- note: anthropic:claude-cli: synced from the Claude CLI login ("
                + h.home().resolve(".claude/.credentials.json") + "; oauth, expires in 8h)");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile().get("access").asString()).isEqualTo(ACCESS_2);
        assertNoTokens(r);
    }

    @Test
    void doctor_reSyncsOnlyTheAgentsThatHoldTheProfile() {
        claudeInstalled();
        h.writeConfig("{agents: {list: [{id: 'main', default: true}, {id: 'work'}]}}");
        claudeLogin(ACCESS, REFRESH, h.now() + 8 * HOUR);
        assertThat(h.run(with(LOGIN, "--agent", "work")).exit()).isZero();
        h.clock().advance(Duration.ofMinutes(8 * 60 - 1));
        claudeLogin(ACCESS_2, REFRESH_2, h.now() + 8 * HOUR);

        Result r = h.run("doctor");

        assertThat(r.out()).contains("Agent work\n- note: anthropic:claude-cli: synced from the Claude CLI login");
        assertThat(CliHarness.json(h.store("work")).get("profiles").get(ID).get("access").asString())
                .isEqualTo(ACCESS_2);
        assertThat(h.store("main")).doesNotExist();
    }

    @Test
    void aFreshProfile_isNotReSynced() {
        claudeInstalled();
        claudeLogin(ACCESS, REFRESH, h.now() + 8 * HOUR);
        assertThat(h.run(LOGIN).exit()).isZero();
        claudeLogin(ACCESS_2, REFRESH_2, h.now() + 9 * HOUR);

        h.run("models", "status");

        assertThat(profile().get("access").asString()).as("11 min or more left: the CLI store is not read")
                .isEqualTo(ACCESS);
    }

    @Test
    void anExpiredClaudeLogin_isExplainedByStatusAndDoctor() {
        claudeInstalled();
        claudeLogin(ACCESS, REFRESH, h.now() + HOUR);
        assertThat(h.run(LOGIN).exit()).isZero();
        h.clock().advance(Duration.ofHours(4));

        Result status = h.run("models", "status");
        assertThat(status.out()).contains("- anthropic:claude-cli: the Claude CLI login ("
                + h.home().resolve(".claude/.credentials.json") + ") expired 3h ago. Run `claude` on the gateway "
                + "host to renew the Claude CLI login (or `claude auth login` if it asks you to log in again); "
                + "OpenClaw picks up the new token by itself.");

        Result doctor = h.run("doctor");
        assertThat(doctor.exit()).isEqualTo(1);
        assertThat(doctor.out()).contains("- anthropic:claude-cli: expired (3h ago) — Run `claude` on the gateway "
                + "host to renew the Claude CLI login (or `claude auth login` if it asks you to log in again); "
                + "OpenClaw picks up the new token by itself.");
        assertNoTokens(status);
        assertNoTokens(doctor);
    }

    @Test
    void aReadOnlyStore_isReSyncedInMemoryOnly() {
        loginThenClaudeRenews();
        byte[] before = CliHarness.read(h.store("main")).getBytes();
        h.env("OPENCLAW_AUTH_STORE_READONLY", "1");

        Result r = h.run("models", "status", "--json");

        assertThat(oauthEntry(r.json()).get("expiresAt").asLong()).isEqualTo(h.now() + 8 * HOUR);
        assertThat(CliHarness.read(h.store("main")).getBytes()).isEqualTo(before);
        assertThat(r.json().get("auth").get("warnings").get(0).asString()).isEqualTo("anthropic:claude-cli: the "
                + "newer Claude CLI login (" + h.home().resolve(".claude/.credentials.json") + ") is used for this "
                + "report but was not saved (OPENCLAW_AUTH_STORE_READONLY=1)");
    }

    @Test
    void withoutTheClaudeCliProfile_statusNeverReadsTheClaudeLogin() throws Exception {
        claudeInstalled();
        ClaudeCliFixtures.writeCredentials(h.home(), "{ broken");
        h.runWithStdin("sk-or-v1-some-key-0123456789", "models", "auth", "paste-api-key", "--provider", "openrouter");

        Result r = h.run("models", "status", "--json");

        assertThat(r.exit()).isZero();
        assertThat(r.json().get("auth").get("warnings")).isEmpty();
        assertThat(CliHarness.json(h.store("main")).get("profiles").has(ID)).isFalse();
        assertThat(Files.readString(h.home().resolve(".claude/.credentials.json"))).isEqualTo("{ broken");
    }
}
