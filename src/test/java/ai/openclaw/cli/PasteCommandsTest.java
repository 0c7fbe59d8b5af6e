package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code models auth paste-token} and {@code paste-api-key}. */
class PasteCommandsTest {
    static final String KEY = "sk-or-v1-pastedpastedpasted-0123456789abcdef";
    static final String TOKEN = "sk-ant-oat01-pastedtokenpastedtoken-0123456789";

    @TempDir
    Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
    }

    private JsonNode profile(String agent, String id) {
        return CliHarness.json(h.store(agent)).get("profiles").get(id);
    }

    private JsonNode config() {
        return CliHarness.json(h.configPath());
    }

    @Test
    void apiKeyFromStdinGoesToTheDefaultManualProfile() {
        Result r = h.runWithStdin(KEY + "\n", "models", "auth", "paste-api-key", "--provider", "OpenRouter");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Updated ~/.openclaw/openclaw.json")
                .contains("Stored in ~/.openclaw/agents/main/agent/auth-profiles.json")
                .contains("Auth profile: openrouter:manual (openrouter/api_key)");
        assertThat(r.all()).doesNotContain(KEY);
        JsonNode store = CliHarness.json(h.store("main"));
        assertThat(store.get("version").asInt()).isEqualTo(1);
        JsonNode p = store.get("profiles").get("openrouter:manual");
        assertThat(p.get("type").asString()).isEqualTo("api_key");
        assertThat(p.get("provider").asString()).isEqualTo("openrouter");
        assertThat(p.get("key").asString()).isEqualTo(KEY);
        JsonNode cfg = config().get("auth").get("profiles").get("openrouter:manual");
        assertThat(cfg.get("provider").asString()).isEqualTo("openrouter");
        assertThat(cfg.get("mode").asString()).isEqualTo("api_key");
        assertThat(cfg.has("key")).as("no secret in the config").isFalse();
        assertThat(CliHarness.read(h.configPath())).doesNotContain(KEY);
        assertThat(config().get("auth").has("order")).isFalse();
        // the secret was read from standard input, not prompted on a terminal
        assertThat(h.lastTerminal().secretPrompts()).containsExactly("Paste API key for openrouter: ");
    }

    @Test
    void filesArePrivate() {
        h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");

        assertThat(CliHarness.mode(h.store("main"))).isEqualTo("rw-------");
        assertThat(CliHarness.mode(h.configPath())).isEqualTo("rw-------");
        assertThat(CliHarness.mode(h.agentDir("main"))).isEqualTo("rwx------");
        assertThat(CliHarness.mode(h.agentDir("main").getParent())).isEqualTo("rwx------");
        assertThat(CliHarness.mode(h.stateDir().resolve("agents"))).isEqualTo("rwx------");
        // no lock or temp file is left behind
        assertThat(CliHarness.list(h.agentDir("main"))).containsExactly("auth-profiles.json");
        assertThat(CliHarness.list(h.stateDir())).containsExactly("agents", "openclaw.json");
    }

    @Test
    void tokenFromAnInteractiveTerminalWithProfileIdAndExpiry() {
        Result r = h.runInteractive(List.of(TOKEN), "models", "auth", "paste-token", "--provider", "anthropic",
                "--profile-id", "work", "--expires-in", "12h");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(h.lastTerminal().secretPrompts()).containsExactly("Paste token for anthropic: ");
        assertThat(r.out()).contains("Auth profile: anthropic:work (anthropic/token)");
        assertThat(r.all()).doesNotContain(TOKEN);
        JsonNode p = profile("main", "anthropic:work");
        assertThat(p.get("type").asString()).isEqualTo("token");
        assertThat(p.get("provider").asString()).isEqualTo("anthropic");
        assertThat(p.get("token").asString()).isEqualTo(TOKEN);
        assertThat(p.get("expires").asLong()).isEqualTo(h.now() + 12 * 3_600_000L);
        assertThat(config().get("auth").get("profiles").get("anthropic:work").get("mode").asString()).isEqualTo("token");

        // and status shows it with its expiry
        Result status = h.run("models", "status");
        assertThat(status.out()).contains("anthropic:work=token:sk-ant-o...23456789")
                .contains("anthropic:work expiring expires in 12h");
    }

    @Test
    void tokenFromStdinWithoutExpiryHasNoExpires() {
        Result r = h.runWithStdin(TOKEN + "\n", "models", "auth", "paste-token", "--provider", "anthropic");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode p = profile("main", "anthropic:manual");
        assertThat(p.get("token").asString()).isEqualTo(TOKEN);
        assertThat(p.has("expires")).isFalse();
    }

    @Test
    void expiresInUnitsIncludingBareDays() {
        h.runWithStdin(TOKEN, "models", "auth", "paste-token", "--provider", "anthropic", "--expires-in", "30m");
        assertThat(profile("main", "anthropic:manual").get("expires").asLong()).isEqualTo(h.now() + 30 * 60_000L);
        h.runWithStdin(TOKEN, "models", "auth", "paste-token", "--provider", "anthropic", "--expires-in", "365");
        assertThat(profile("main", "anthropic:manual").get("expires").asLong()).isEqualTo(h.now() + 365 * 86_400_000L);
    }

    @Test
    void invalidExpiresInIsRefusedBeforeReadingTheSecret() {
        var before = h.snapshot();
        Result r = h.runWithStdin(TOKEN, "models", "auth", "paste-token", "--provider", "anthropic",
                "--expires-in", "soon");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Invalid duration").contains("12h");
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void profileIdWithTheProvidersPrefixIsKept() {
        Result r = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter",
                "--profile-id", "openrouter:team");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile("main", "openrouter:team").get("key").asString()).isEqualTo(KEY);
    }

    @Test
    void foreignPrefixIsRejectedAndNothingIsWritten() {
        var before = h.snapshot();
        Result r = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter",
                "--profile-id", "openai:work");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Profile id \"openai:work\" does not belong to provider openrouter");
        assertThat(r.all()).doesNotContain(KEY);
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void emptyInputIsAClearErrorAndWritesNothing() {
        var before = h.snapshot();
        for (ScriptedTerminal t : List.of(ScriptedTerminal.stdin(""), ScriptedTerminal.stdin("   \n"),
                ScriptedTerminal.typing(""), ScriptedTerminal.typing())) {
            Result r = h.run(t, "models", "auth", "paste-api-key", "--provider", "openrouter");
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("Required: no value was entered.");
            Result tok = h.run(t, "models", "auth", "paste-token", "--provider", "anthropic");
            assertThat(tok.exit()).isEqualTo(1);
        }
        assertThat(h.snapshot()).isEqualTo(before);
        assertThat(Files.exists(h.configPath())).isFalse();
    }

    @Test
    void missingProviderIsAUsageError() {
        Result r = h.runWithStdin(KEY, "models", "auth", "paste-api-key");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--provider");
        Result blank = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "  ");
        assertThat(blank.exit()).isEqualTo(1);
        assertThat(blank.err()).contains("Missing --provider.");
        assertThat(Files.exists(h.store("main"))).isFalse();
    }

    @Test
    void configUpsertKeepsUnknownKeysAndVarReferencesAndWritesABackup() {
        String original = """
                // hand-written, with a reference that must survive as text
                {
                  gateway: { port: 18789, bind: 'loopback', },
                  futureFeature: { enabled: true, list: [1, 2, 3] },
                  models: { providers: { openai: { apiKey: '${OPENAI_API_KEY}', baseUrl: 'https://api.openai.com/v1' } } },
                  auth: {
                    profiles: {
                      'openrouter:manual': { provider: 'openrouter', mode: 'token', email: 'me@example.com' },
                      'anthropic:work': { provider: 'anthropic', mode: 'api_key' },
                    },
                    cooldowns: { billingBackoffHours: 7 },
                  },
                }
                """;
        h.env("OPENAI_API_KEY", "sk-proj-envvalue-0123456789abcdef");
        h.writeConfig(original);

        Result r = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");

        assertThat(r.exit()).as(r.toString()).isZero();
        String text = CliHarness.read(h.configPath());
        assertThat(text).contains("${OPENAI_API_KEY}").doesNotContain("sk-proj-envvalue");
        JsonNode cfg = config();
        assertThat(cfg.get("gateway").get("port").asInt()).isEqualTo(18789);
        assertThat(cfg.get("gateway").get("bind").asString()).isEqualTo("loopback");
        assertThat(cfg.get("futureFeature").get("list").size()).isEqualTo(3);
        assertThat(cfg.get("models").get("providers").get("openai").get("baseUrl").asString())
                .isEqualTo("https://api.openai.com/v1");
        assertThat(cfg.get("auth").get("cooldowns").get("billingBackoffHours").asInt()).isEqualTo(7);
        JsonNode entry = cfg.get("auth").get("profiles").get("openrouter:manual");
        assertThat(entry.get("email").asString()).as("keys of the entry it does not own").isEqualTo("me@example.com");
        assertThat(entry.get("mode").asString()).isEqualTo("api_key");
        assertThat(cfg.get("auth").get("profiles").get("anthropic:work").get("provider").asString()).isEqualTo("anthropic");
        // the previous file, comments and all, is the backup
        Path bak = h.stateDir().resolve("openclaw.json.bak");
        assertThat(CliHarness.read(bak)).isEqualTo(original);
        assertThat(CliHarness.mode(bak)).isEqualTo("rw-------");
        // and the rewritten config still loads
        assertThat(h.run("models", "status").exit()).isZero();
    }

    @Test
    void configIsNotRewrittenWhenItAlreadySaysTheSame() {
        String original = "// already up to date\n{ auth: { profiles: { 'openrouter:manual': { provider: 'openrouter', mode: 'api_key' } } } }\n";
        h.writeConfig(original);
        Result r = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(CliHarness.read(h.configPath())).isEqualTo(original);
        assertThat(Files.exists(h.stateDir().resolve("openclaw.json.bak"))).isFalse();
        assertThat(profile("main", "openrouter:manual").get("key").asString()).isEqualTo(KEY);
    }

    @Test
    void existingOrderGetsTheNewIdMovedToTheFront() {
        h.writeConfig("""
                { auth: { profiles: { 'anthropic:a': { provider: 'anthropic', mode: 'token' },
                                      'anthropic:manual': { provider: 'anthropic', mode: 'token' } },
                          order: { anthropic: ['anthropic:a', 'anthropic:manual'], openai: ['openai:x'] } } }
                """);
        h.runWithStdin(TOKEN, "models", "auth", "paste-token", "--provider", "anthropic");
        JsonNode order = config().get("auth").get("order");
        assertThat(ModelsStatusCommandTest.strings(order.get("anthropic"))).containsExactly("anthropic:manual", "anthropic:a");
        assertThat(ModelsStatusCommandTest.strings(order.get("openai"))).containsExactly("openai:x");

        h.runWithStdin(TOKEN, "models", "auth", "paste-token", "--provider", "anthropic", "--profile-id", "new");
        assertThat(ModelsStatusCommandTest.strings(config().get("auth").get("order").get("anthropic")))
                .containsExactly("anthropic:new", "anthropic:manual", "anthropic:a");
    }

    @Test
    void mixedModesCreateAnOrderWithTheNewIdFirst() {
        h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "anthropic", "--profile-id", "key");
        assertThat(config().get("auth").has("order")).as("one mode: no order").isFalse();
        h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "anthropic", "--profile-id", "key2");
        assertThat(config().get("auth").has("order")).as("still one mode: no order").isFalse();

        h.runWithStdin(TOKEN, "models", "auth", "paste-token", "--provider", "anthropic");

        assertThat(ModelsStatusCommandTest.strings(config().get("auth").get("order").get("anthropic")))
                .containsExactly("anthropic:manual", "anthropic:key", "anthropic:key2");
    }

    @Test
    void pastingAgainReplacesTheSecretAndKeepsOtherProfilesAndUnknownFields() {
        h.writeStore("main", """
                {"version":1,"profiles":{
                  "openrouter:manual":{"type":"api_key","provider":"openrouter","key":"sk-old-0123456789abcdef"},
                  "openai:x":{"type":"api_key","provider":"openai","key":"sk-x-0123456789abcdef","futureField":{"a":[1,2]}}
                }}
                """);
        h.writeAuthState("main", """
                {"version":1,"order":{"openai":["openai:x"]},"lastGood":{"openai":"openai:x"}}
                """);
        Result r = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile("main", "openrouter:manual").get("key").asString()).isEqualTo(KEY);
        assertThat(profile("main", "openai:x").get("futureField").get("a").size()).isEqualTo(2);
        JsonNode state = CliHarness.json(h.authState("main"));
        assertThat(state.get("lastGood").get("openai").asString()).isEqualTo("openai:x");
        assertThat(ModelsStatusCommandTest.strings(state.get("order").get("openai"))).containsExactly("openai:x");
    }

    @Test
    void legacyFlatStoreIsNotOverwrittenByPaste() {
        h.writeStore("main", "{\"openrouter\":{\"apiKey\":\"sk-or-flat-0123456789abcdef\"}}");
        var before = h.snapshot();
        Result r = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(h.store("main").toString()).contains("doctor --fix");
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void onlyTheFirstLineOfStdinIsTheSecret() {
        Result r = h.runWithStdin("  " + KEY + "  \nsecond line\n", "models", "auth", "paste-api-key",
                "--provider", "openrouter");
        assertThat(r.exit()).isZero();
        assertThat(profile("main", "openrouter:manual").get("key").asString()).isEqualTo(KEY);
    }

    @Test
    void theCommandLineHasNoSecretOption() {
        Result r = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter", "--key", KEY);
        assertThat(r.exit()).isNotZero();
        assertThat(Files.exists(h.store("main"))).isFalse();
    }
}
