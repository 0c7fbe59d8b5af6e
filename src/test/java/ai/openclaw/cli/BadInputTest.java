package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Bad input: each case fails with a message naming the file (and line:column for parse errors), exits non-zero
 * and overwrites nothing.
 */
@Timeout(60)
class BadInputTest {
    static final String KEY = "sk-or-v1-badinputbadinput-0123456789";
    static final String STORED_KEY = "sk-stored-storedstored-0123456789";

    @TempDir
    Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
    }

    private static String position(Path file) {
        return Pattern.quote(file.toString()) + ":\\d+:\\d+: ";
    }

    private void validStore() {
        h.writeStore("main", "{\"version\":1,\"profiles\":{\"openai:x\":{\"type\":\"api_key\",\"provider\":\"openai\",\"key\":\""
                + STORED_KEY + "\"}}}");
    }

    @Test
    void malformedJson5ConfigStopsStatusPasteOrderAndAgentsAndIsLeftUntouched() {
        String bad = """
                // broken: a missing comma between two entries
                {
                  auth: { profiles: { 'openai:x': { provider: 'openai', mode: 'api_key' } } }
                  agents: { defaults: { model: 'openai/gpt-5' } },
                }
                """;
        h.writeConfig(bad);
        validStore();
        var before = h.snapshot();

        List<Result> results = List.of(
                h.run("models", "status"),
                h.run("models", "status", "--json"),
                h.run("models", "status", "--check"),
                h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter"),
                h.runWithStdin(KEY, "models", "auth", "paste-token", "--provider", "anthropic"),
                h.run("models", "auth", "order", "set", "--provider", "openai", "openai:x"),
                h.run("models", "auth", "order", "get", "--provider", "openai"),
                h.run("agents", "add", "work", "--non-interactive"),
                h.run("agents", "list"));

        for (Result r : results) {
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).as(r.toString()).containsPattern("Error: " + position(h.configPath()));
            assertThat(r.err()).contains(h.configPath() + ":4:");
            assertThat(r.out()).isEmpty();
            assertThat(r.all()).doesNotContain(KEY).doesNotContain(STORED_KEY);
        }
        assertThat(h.snapshot()).isEqualTo(before);
        assertThat(h.lastTerminal().unread()).as("the secret is not even read").isZero();
    }

    @Test
    void secretReadIsNotConsumedWhenTheConfigIsBroken() {
        h.writeConfig("{ oops");
        ScriptedTerminal t = ScriptedTerminal.stdin(KEY);
        Result r = h.run(t, "models", "auth", "paste-api-key", "--provider", "openrouter");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(t.secretPrompts()).as("config errors come before the prompt").isEmpty();
    }

    @Test
    void missingVarInConfigIsANamedError() {
        h.writeConfig("{ models: { providers: { openai: { baseUrl: 'https://${OPENAI_KEY_NOT_SET}/v1' } } } }");
        var before = h.snapshot();
        Result status = h.run("models", "status");
        Result paste = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
        for (Result r : List.of(status, paste)) {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("OPENAI_KEY_NOT_SET").contains(h.configPath().toString());
        }
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void configThatIsNotAnObjectIsRefused() {
        h.writeConfig("[1, 2, 3]\n");
        var before = h.snapshot();
        Result r = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(h.configPath().toString());
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void truncatedStoreStopsEveryCommandThatReadsItAndIsNeverReplaced() {
        h.writeStore("main", "{\"version\":1,\"profiles\":{\"openai:x\":{\"type\":\"api_key\",\n\"provider\":\"openai\",\"key\":\""
                + STORED_KEY.substring(0, 12));
        var before = h.snapshot();

        List<Result> results = List.of(
                h.run("models", "status"),
                h.run("models", "status", "--json"),
                h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter"),
                h.runWithStdin(KEY, "models", "auth", "paste-token", "--provider", "openai", "--profile-id", "x"),
                h.run("models", "auth", "order", "set", "--provider", "openai", "openai:x"),
                h.run("models", "auth", "order", "clear", "--provider", "openai"),
                h.run("models", "auth", "order", "get", "--provider", "openai"));

        for (Result r : results) {
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).as(r.toString()).containsPattern("Error: " + position(h.store("main")));
            assertThat(r.all()).doesNotContain(KEY).doesNotContain(STORED_KEY.substring(0, 12));
        }
        assertThat(h.snapshot()).isEqualTo(before);
        assertThat(Files.exists(h.configPath())).as("the config is not updated when the store write failed").isFalse();
    }

    @Test
    void emptyAndNonObjectStores() {
        h.writeStore("main", "");
        var before = h.snapshot();
        Result empty = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).contains(h.store("main").toString());
        assertThat(h.snapshot()).isEqualTo(before);

        h.writeStore("main", "[\"not\", \"an\", \"object\"]");
        before = h.snapshot();
        Result status = h.run("models", "status");
        assertThat(status.out() + status.err()).contains("auth-profiles.json");
        Result paste = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
        assertThat(paste.exit()).isEqualTo(1);
        assertThat(paste.err()).contains(h.store("main").toString());
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void truncatedStateFileIsReportedByStatus() {
        validStore();
        h.writeAuthState("main", "{\"version\":1,\"usageStats\":{");
        var before = h.snapshot();
        Result r = h.run("models", "status");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).containsPattern(position(h.authState("main")));
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void unknownTypeProfileIsDroppedWithAWarningInStatusAndKeptOnDisk() {
        String store = "{\"version\":1,\"profiles\":{"
                + "\"x:y\":{\"type\":\"magic\",\"provider\":\"x\",\"key\":\"sk-magic-0123456789abcdef\"},"
                + "\"openai:x\":{\"type\":\"api_key\",\"provider\":\"openai\",\"key\":\"" + STORED_KEY + "\"}}}";
        h.writeStore("main", store);

        Result text = h.run("models", "status");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("Warnings")
                .contains(h.store("main") + " [x:y]: profile has unknown type \"magic\" (expected api_key, token or oauth); ignored")
                .contains("openai:x=sk-store...23456789")
                .doesNotContain("x:y=");
        JsonNode j = h.run("models", "status", "--json").json();
        assertThat(ModelsStatusCommandTest.strings(j.get("auth").get("warnings")))
                .anyMatch(w -> w.contains("[x:y]") && w.contains("unknown type"));
        assertThat(j.get("auth").get("providers").findValues("provider").stream().map(JsonNode::asString))
                .doesNotContain("x");
        assertThat(text.all()).doesNotContain("sk-magic-0123456789abcdef");
        assertThat(CliHarness.read(h.store("main"))).isEqualTo(store);
    }

    @Test
    void unknownTypeProfileSurvivesAWriteOfAnotherProfile() {
        h.writeStore("main", "{\"version\":1,\"profiles\":{"
                + "\"x:y\":{\"type\":\"magic\",\"provider\":\"x\",\"key\":\"sk-magic-0123456789abcdef\"}}}");
        Result r = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
        assertThat(r.exit()).isZero();
        JsonNode profiles = CliHarness.json(h.store("main")).get("profiles");
        assertThat(profiles.has("openrouter:manual")).isTrue();
        assertThat(profiles.has("x:y")).as("the unknown-type profile must not be lost").isTrue();
    }

    @Test
    void hangingExecProviderTimesOutQuicklyAndIsUnresolved() {
        Path script = h.writeScript(h.root().resolve("bin/hang.sh"), "exec sleep 31.25\n");
        h.writeConfig("""
                { secrets: { providers: { vault: { source: 'exec', command: '%s', timeoutMs: 500 } } },
                  agents: { defaults: { model: 'openai/gpt-5' } } }
                """.formatted(script));
        h.writeStore("main", """
                {"version":1,"profiles":{"openai:vault":{"type":"api_key","provider":"openai",
                  "keyRef":{"source":"exec","provider":"vault","id":"openai/key"}}}}
                """);

        long start = System.nanoTime();
        Result text = h.run("models", "status", "--check");
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(ms).as("status waits for the 500 ms timeout, not for the script").isLessThan(10_000);
        assertThat(text.exit()).as(text.toString()).isEqualTo(1);
        assertThat(text.out()).contains("openai:vault=ref(exec:openai/key)")
                .contains("excluded openai:vault: unresolved_ref")
                .contains("exec:vault:openai/key")
                .contains("timed out");
        JsonNode j = h.run("models", "status", "--json").json();
        JsonNode openai = ModelsStatusCommandTest.provider(j.get("auth"), "openai");
        assertThat(openai.get("order").get("excluded").get("openai:vault").asString()).isEqualTo("unresolved_ref");
        assertThat(openai.get("profiles").get("details").get(0).get("detail").asString()).contains("exec:vault:openai/key");
        assertThat(ModelsStatusCommandTest.strings(j.get("auth").get("missingProvidersInUse"))).containsExactly("openai");
        // the provider's process is gone (no orphaned `sleep`)
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(a -> List.of(a).contains("31.25")).orElse(false)).toList()).isEmpty();
    }

    @Test
    void garbageFromAnExecProviderIsUnresolvedAndNotEchoed() {
        String garbage = "this-is-not-json-sk-garbage-0123456789";
        Path script = h.writeScript(h.root().resolve("bin/garbage.sh"), "echo '" + garbage + "'\n");
        Path failing = h.writeScript(h.root().resolve("bin/fail.sh"), "echo 'sk-stderr-0123456789' >&2\nexit 3\n");
        h.writeConfig("""
                { secrets: { providers: { junk: { source: 'exec', command: '%s' },
                                          fail: { source: 'exec', command: '%s' } } },
                  agents: { defaults: { model: 'groq/llama', fallbacks: ['mistral/large'] } } }
                """.formatted(script, failing));
        h.writeStore("main", """
                {"version":1,"profiles":{
                  "groq:junk":{"type":"api_key","provider":"groq","keyRef":{"source":"exec","provider":"junk","id":"groq"}},
                  "mistral:fail":{"type":"token","provider":"mistral","tokenRef":{"source":"exec","provider":"fail","id":"m"}}}}
                """);
        Result r = h.run("models", "status", "--check");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("excluded groq:junk: unresolved_ref").contains("exec:junk:groq")
                .contains("excluded mistral:fail: unresolved_ref").contains("exec:fail:m");
        assertThat(r.all()).doesNotContain(garbage).doesNotContain("sk-garbage").doesNotContain("sk-stderr");
        Result doctor = h.run("doctor");
        assertThat(doctor.out()).contains("groq:junk: unusable [unresolved_ref]").doesNotContain("sk-garbage");
    }

    @Test
    void unknownSecretProviderIsNamed() {
        h.writeStore("main", """
                {"version":1,"profiles":{"openai:x":{"type":"api_key","provider":"openai",
                  "keyRef":{"source":"file","provider":"nowhere","id":"/openai"}}}}
                """);
        Result r = h.run("models", "status");
        assertThat(r.out()).contains("Secret provider \"nowhere\" is not configured").contains("file:nowhere:/openai");
    }

    @Test
    void readOnlyAgentDirMakesPasteFailNamingThePath() {
        validStore();
        h.writeConfig("{ auth: { profiles: { 'openai:x': { provider: 'openai', mode: 'api_key' } } } }");
        var before = h.snapshot();
        CliHarness.immutable(h.agentDir("main"), true);
        try {
            Result r = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains(h.agentDir("main").toString());
            assertThat(r.all()).doesNotContain(KEY);
            Result order = h.run("models", "auth", "order", "set", "--provider", "openai", "openai:x");
            assertThat(order.exit()).isEqualTo(1);
            assertThat(order.err()).contains(h.agentDir("main").toString());
            // reading still works
            assertThat(h.run("models", "status").exit()).isZero();
        } finally {
            CliHarness.immutable(h.agentDir("main"), false);
        }
        assertThat(h.snapshot()).as("neither the store nor the config changed").isEqualTo(before);
    }

    @Test
    void readOnlyStoreFileMakesPasteFailNamingThePath() {
        validStore();
        var before = h.snapshot();
        CliHarness.immutable(h.store("main"), true);
        try {
            Result r = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains(h.agentDir("main").toString());
        } finally {
            CliHarness.immutable(h.store("main"), false);
        }
        assertThat(h.snapshot()).isEqualTo(before);
        assertThat(CliHarness.list(h.agentDir("main"))).containsExactly("auth-profiles.json");
    }

    @Test
    void readOnlyStateDirMakesAgentsAddFailNamingThePath() {
        h.writeConfig("{}");
        var before = h.snapshot();
        CliHarness.immutable(h.stateDir(), true);
        try {
            Result r = h.run("agents", "add", "work", "--non-interactive");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains(h.stateDir().toString());
        } finally {
            CliHarness.immutable(h.stateDir(), false);
        }
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void staleLockOfADeadProcessDoesNotBlockPaste() throws Exception {
        validStore();
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        h.writePrivate(h.agentDir("main").resolve("auth-profiles.json.lock"),
                "{\"pid\":" + p.pid() + ",\"createdAt\":\"" + java.time.Instant.ofEpochMilli(h.now()) + "\"}");
        Result r = h.runWithStdin(KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(CliHarness.list(h.agentDir("main"))).containsExactly("auth-profiles.json");
    }
}
