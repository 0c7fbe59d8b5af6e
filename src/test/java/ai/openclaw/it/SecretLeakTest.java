package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness;
import ai.openclaw.cli.CliHarness.Result;
import ai.openclaw.cli.ScriptedTerminal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known secret values sit in the store, the process environment, {@code .env}, the config, {@code models.json},
 * behind exec and file SecretRefs and in legacy files; every command (status, paste, order, agents, doctor with and
 * without --fix, error paths) runs against them, and no output contains any of them. Masks show at most the first
 * and last eight characters, so each secret carries a marker in its middle that must never appear either. Real
 * processes get their secrets on standard input, never in argv.
 */
@Timeout(120)
class SecretLeakTest {
    static final String MARK = "XLEAKX";

    @TempDir
    Path dir;
    CliHarness h;
    final Map<String, String> secrets = new LinkedHashMap<>();
    final List<Result> results = new ArrayList<>();

    /** {@code sk-sNNxx-XLEAKXNN-mmmmmmmm-tailNNzz}: masked as {@code sk-sNNxx...tailNNzz}. */
    String secret(String name) {
        String n = String.format("%02d", secrets.size());
        String s = "sk-s" + n + "xx-" + MARK + n + "-mmmmmmmm-tail" + n + "zz";
        secrets.put(name, s);
        return s;
    }

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
    }

    private Result run(String... args) {
        Result r = h.run(args);
        results.add(r);
        return r;
    }

    private Result run(ScriptedTerminal t, String... args) {
        Result r = h.run(t, args);
        results.add(r);
        return r;
    }

    private void assertNothingLeaked() {
        assertThat(results).isNotEmpty();
        for (Result r : results) {
            for (Map.Entry<String, String> s : secrets.entrySet()) {
                assertThat(r.all()).as("secret %s leaked in:\n%s", s.getKey(), r).doesNotContain(s.getValue());
            }
            assertThat(r.all()).as("a secret's middle leaked in:\n%s", r).doesNotContain(MARK);
        }
    }

    private void populate() {
        long now = h.now();
        Path exec = h.writeScript(h.root().resolve("bin/vault.sh"),
                "cat > /dev/null\nprintf '%s' '{\"protocolVersion\":1,\"values\":{\"openai/key\":\"" + secret("exec") + "\"}}'\n");
        Path secretsFile = h.writePrivate(h.root().resolve("secrets.json"),
                "{\"groq\":{\"key\":\"" + secret("file") + "\"}}");
        h.env("OPENAI_API_KEY", secret("process env"));
        h.env("ANTHROPIC_OAUTH_TOKEN", secret("process env oauth"));
        h.writeDotEnv("GEMINI_API_KEY=" + secret("dotenv") + "\n");
        h.writeConfig("""
                { env: { vars: { XAI_API_KEY: '%s' } },
                  secrets: { providers: { vault: { source: 'exec', command: '%s', timeoutMs: 5000 },
                                          vaultfile: { source: 'file', path: '%s', mode: 'json' } } },
                  models: { providers: { mistral: { apiKey: '%s', baseUrl: 'https://api.mistral.ai/v1' } } },
                  agents: { defaults: { model: { primary: 'anthropic/claude-sonnet-4-5', fallbacks: ['openai/gpt-5'] } },
                            list: [ { id: 'main', default: true }, { id: 'legacy' }, { id: 'broken' } ] },
                  auth: { profiles: { 'anthropic:claude-cli': { provider: 'anthropic', mode: 'token' } } } }
                """.formatted(secret("config env"), exec, secretsFile, secret("config provider")));
        h.writeStore("main", """
                {"version":1,"profiles":{
                  "anthropic:key":{"type":"api_key","provider":"anthropic","key":"%s"},
                  "anthropic:sub":{"type":"token","provider":"anthropic","token":"%s","expires":%d},
                  "openai-codex:me":{"type":"oauth","provider":"openai-codex","access":"%s","refresh":"%s",
                     "idToken":"%s","expires":%d,"email":"me@example.com"},
                  "openai:vault":{"type":"api_key","provider":"openai","keyRef":{"source":"exec","provider":"vault","id":"openai/key"}},
                  "groq:file":{"type":"api_key","provider":"groq","keyRef":{"source":"file","provider":"vaultfile","id":"/groq/key"}},
                  "openai:odd":{"type":"api_key","provider":"openai","api_key":"%s"}
                }}
                """.formatted(secret("store key"), secret("store token"), now + 5 * 3_600_000L, secret("oauth access"),
                secret("oauth refresh"), secret("oauth id token"), now - 60_000L, secret("api_key alias")));
        h.writeAuthState("main", "{\"version\":1,\"usageStats\":{\"anthropic:key\":{\"cooldownUntil\":" + (now + 600_000L)
                + ",\"cooldownReason\":\"rate_limit\"}}}");
        h.writePrivate(h.agentDir("main").resolve("models.json"),
                "{\"providers\":{\"deepseek\":{\"apiKey\":\"" + secret("models.json") + "\"}}}");
        h.writeStore("legacy", "{\"openrouter\":{\"apiKey\":\"" + secret("flat store") + "\"}}");
        h.writePrivate(h.agentDir("legacy").resolve("auth.json"),
                "{\"together\":{\"type\":\"api_key\",\"key\":\"" + secret("auth.json") + "\"}}");
        h.writeStore("broken", "{\"version\":1,\"profiles\":{\"openai:t\":{\"type\":\"api_key\",\"provider\":\"openai\",\"key\":\""
                + secret("truncated store"));
    }

    @Test
    void noCommandPrintsAnySecret() {
        populate();
        String pastedKey = secret("pasted key");
        String pastedToken = secret("pasted token");
        String rejected = secret("rejected paste");

        run("models", "status");
        run("models", "status", "--json");
        run("models", "status", "--check");
        run("models", "status", "--check", "--json");
        run("models", "status", "--plain");
        run("models");
        run("models", "--status-json");
        run("models", "status", "--agent", "legacy");
        run("models", "status", "--agent", "broken");
        run("models", "status", "--agent", "nobody");
        run(ScriptedTerminal.stdin(pastedKey + "\n"), "models", "auth", "paste-api-key", "--provider", "openrouter");
        run(ScriptedTerminal.typing(pastedToken), "models", "auth", "paste-token", "--provider", "anthropic",
                "--profile-id", "pasted", "--expires-in", "30d");
        run(ScriptedTerminal.stdin(rejected), "models", "auth", "paste-api-key", "--provider", "openrouter",
                "--profile-id", "openai:x");
        run(ScriptedTerminal.stdin(rejected), "models", "auth", "paste-api-key", "--agent", "broken",
                "--provider", "openai");
        run(ScriptedTerminal.stdin(rejected), "models", "auth", "paste-token", "--agent", "legacy",
                "--provider", "openrouter");
        run("models", "auth", "order", "get", "--provider", "anthropic");
        run("models", "auth", "order", "get", "--provider", "anthropic", "--json");
        run("models", "auth", "order", "set", "--provider", "anthropic", "anthropic:sub", "anthropic:key");
        run("models", "auth", "order", "set", "--provider", "anthropic", "openai:vault");
        run("models", "auth", "order", "clear", "--provider", "anthropic");
        run("agents", "add", "work", "--non-interactive", "--json");
        run(ScriptedTerminal.typing("y"), "agents", "add", "copy");
        run("agents", "list");
        run("agents", "list", "--json");
        run("doctor");
        run("doctor", "--non-interactive");
        run("doctor", "--fix");
        run("doctor", "--fix", "--yes");
        run("models", "status", "--agent", "legacy", "--json");
        run("models", "status");

        // the commands really ran: stores were written and read back, refs were resolved
        assertThat(CliHarness.json(h.store("main")).get("profiles").get("openrouter:manual").get("key").asString())
                .isEqualTo(pastedKey);
        assertThat(CliHarness.json(h.store("legacy")).get("profiles").has("openrouter:default")).isTrue();
        assertThat(results.get(0).exit()).isZero();
        assertThat(results.get(0).out()).contains("openai:vault=ref(exec:openai/key)").contains("groq:file=ref(file:/groq/key)")
                .doesNotContain("excluded openai:vault").doesNotContain("excluded groq:file");
        assertThat(results.get(1).json().get("auth").toString()).contains("openai:vault");
        assertNothingLeaked();
    }

    @Test
    void claudeCliLoginsAndSetupTokensPrintNoSecret() {
        Path bin = h.root().resolve("claude-bin");
        ai.openclaw.claudecli.ClaudeCliFixtures.fakeClaude(bin, h.root().resolve("claude-argv.txt"), 0);
        h.env("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        long now = h.now();
        Path credentials = ai.openclaw.claudecli.ClaudeCliFixtures.writeCredentials(h.home(),
                ai.openclaw.claudecli.ClaudeCliFixtures.credentialsJson(secret("claude access"),
                        secret("claude refresh"), now + 3_600_000L));
        String setupToken = "sk-ant-oat01-" + secret("setup token") + "-".repeat(40);
        String rejected = secret("rejected setup token");

        run("models", "auth", "login", "--provider", "anthropic", "--method", "cli", "--set-default");
        h.clock().advance(Duration.ofMinutes(55));
        ai.openclaw.claudecli.ClaudeCliFixtures.writeCredentials(h.home(),
                ai.openclaw.claudecli.ClaudeCliFixtures.credentialsJson(secret("claude access 2"),
                        secret("claude refresh 2"), h.now() + 3_600_000L));
        run("models", "status");
        run("models", "status", "--json");
        h.clock().advance(Duration.ofHours(2));
        run("doctor");
        run("models", "status");
        run(ScriptedTerminal.typing("y", rejected, setupToken), "models", "auth", "setup-token");
        run(ScriptedTerminal.stdin(setupToken), "models", "auth", "setup-token");
        ai.openclaw.claudecli.ClaudeCliFixtures.writeCredentials(h.home(), "{\"claudeAiOauth\": {\"accessToken\": \""
                + secret("claude malformed") + "\",, }}");
        run("models", "auth", "login", "--provider", "anthropic", "--method", "cli");
        run("doctor");

        assertThat(CliHarness.json(h.store("main")).get("profiles").get("anthropic:claude-cli").get("access")
                .asString()).isEqualTo(secrets.get("claude access 2"));
        assertThat(CliHarness.json(h.store("main")).get("profiles").get("anthropic:manual").get("token").asString())
                .isEqualTo(setupToken);
        assertThat(CliHarness.read(h.root().resolve("claude-argv.txt"))).isEqualTo("setup-token\n");
        assertThat(credentials).exists();
        assertNothingLeaked();
    }

    @Test
    void malformedFilesHoldingSecretsAreReportedWithoutQuotingThem() {
        String inConfig = secret("malformed config");
        String unquoted = secret("unquoted config value");
        String inStore = secret("malformed store");
        h.writeConfig("{ models: { providers: { x: { apiKey: '" + inConfig + "' } } }\n  oops: " + unquoted + " }");
        h.writeStore("main", "{\"version\":1,\"profiles\":{\"a:b\":{\"type\":\"api_key\",\"provider\":\"a\",\"key\":"
                + inStore + "}}}");
        run("models", "status");
        run("models", "status", "--json");
        run(ScriptedTerminal.stdin(secret("paste")), "models", "auth", "paste-api-key", "--provider", "x");
        run("doctor");
        run("doctor", "--fix");
        h.writeConfig("{}");
        run("models", "status");
        run("models", "auth", "order", "set", "--provider", "a", "a:b");
        for (Result r : results) {
            assertThat(r.all()).containsPattern(":\\d+:\\d+: ");
        }
        assertNothingLeaked();
    }

    @Test
    void realProcessesTakeSecretsFromStdinNeverFromArgv() throws IOException {
        String token = secret("process paste");
        String envKey = secret("process env key");
        h.writeConfig("{ agents: { defaults: { model: 'openai/gpt-5' } } }");

        Process paste = h.startProcess(Map.of("OPENAI_API_KEY", envKey), "models", "auth", "paste-token",
                "--provider", "anthropic", "--expires-in", "365d");
        assertThat(CliHarness.awaitReadingStdin(paste, Duration.ofSeconds(30))).as("waiting for the secret").isTrue();
        List<String> argv = CliHarness.cmdline(paste);
        assertThat(argv).contains("paste-token");
        for (String s : secrets.values()) {
            assertThat(argv).noneMatch(a -> a.contains(s));
            assertThat(paste.info().arguments().orElse(new String[0])).noneMatch(a -> a.contains(s));
        }
        try (OutputStream in = paste.getOutputStream()) {
            in.write((token + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Result pasted = CliHarness.finish(paste, null, Duration.ofSeconds(60));
        results.add(pasted);
        assertThat(pasted.exit()).as(pasted.toString()).isZero();

        Result status = h.runProcess(Map.of("OPENAI_API_KEY", envKey), null, "models", "status", "--json");
        results.add(status);
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("anthropic:manual=token:sk-s00xx...tail00zz")
                .contains("sk-s01xx...tail01zz");
        assertNothingLeaked();
    }
}
