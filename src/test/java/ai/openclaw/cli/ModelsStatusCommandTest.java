package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code openclaw models status} (text and {@code --json}) against real temp state directories. */
class ModelsStatusCommandTest {
    static final String WORK_KEY = "sk-ant-api03-workworkworkwork-0123456789abcdef";
    static final String SUB_TOKEN = "sk-ant-oat01-subsubsubsubsub-0123456789abcdef";
    static final String ACCESS = "eyJaccessaccessaccess0123456789";
    static final String REFRESH = "rt-refreshrefresh0123456789";
    static final String OPENAI_ENV_KEY = "sk-proj-envenvenvenvenv0123456789";
    static final String GEMINI_DOTENV_KEY = "AIzaDotEnvDotEnvDotEnv0123456789";
    static final String MISTRAL_JSON_KEY = "mistral-modelsjson-key-0123456789abcdef";

    /** Every JSON5 feature the issue names: comments, trailing commas, unquoted keys, single quotes, ${VAR}. */
    static final String CONFIG = """
            // openclaw.json written by hand
            {
              agents: {
                defaults: {
                  model: { primary: 'sonnet', fallbacks: ['openai/gpt-5', "gem",], },
                  models: {
                    'anthropic/claude-sonnet-4-5': { alias: 'sonnet' },
                    'google/gemini-2.5-pro': { alias: 'gem', },
                    'openai/gpt-5': {},
                  },
                },
                list: [ { id: 'main', default: true, }, { id: 'other' }, ],
              },
              /* block comment */
              auth: {
                profiles: {
                  'anthropic:work': { provider: 'anthropic', mode: 'api_key', email: '${WORK_EMAIL}' },
                },
              },
            }
            """;

    @TempDir
    Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
        h.env("WORK_EMAIL", "ops@example.com");
        h.env("OPENAI_API_KEY", OPENAI_ENV_KEY);
        h.writeConfig(CONFIG);
        long now = h.now();
        h.writeStore("main", """
                {"version":1,"profiles":{
                 "anthropic:work":{"type":"api_key","provider":"anthropic","key":"%s"},
                 "anthropic:sub":{"type":"token","provider":"anthropic","token":"%s","expires":%d},
                 "openai-codex:me@example.com":{"type":"oauth","provider":"openai-codex","access":"%s",
                   "refresh":"%s","expires":%d,"email":"me@example.com"}
                }}
                """.formatted(WORK_KEY, SUB_TOKEN, now + 3 * 86_400_000L, ACCESS, REFRESH, now + 2 * 3_600_000L));
        h.writeAuthState("main", """
                {"version":1,"usageStats":{"anthropic:work":{"cooldownUntil":%d,"cooldownReason":"rate_limit",
                 "errorCount":3}}}
                """.formatted(now + 300_000L));
        h.writePrivate(h.agentDir("main").resolve("models.json"),
                "{\"providers\":{\"mistral\":{\"apiKey\":\"" + MISTRAL_JSON_KEY + "\"}}}");
        h.writeDotEnv("# global .env\nGEMINI_API_KEY=" + GEMINI_DOTENV_KEY + "\n");
    }

    @Test
    void textShowsModelsAliasesMaskedProfilesSourcesExpiryAndCooldown() {
        Result r = h.run("models", "status");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        String out = r.out();
        assertThat(out).contains("Config        : ~/.openclaw/openclaw.json")
                .contains("Agent dir     : ~/.openclaw/agents/main/agent")
                .contains("Default       : anthropic/claude-sonnet-4-5 (from sonnet)")
                .contains("Fallbacks (2) : openai/gpt-5, google/gemini-2.5-pro")
                .contains("sonnet -> anthropic/claude-sonnet-4-5", "gem -> google/gemini-2.5-pro")
                .contains("Auth store    : ~/.openclaw/agents/main/agent/auth-profiles.json");
        assertThat(out).contains("anthropic:work=sk-ant-a...89abcdef [cooldown 5m]")
                .contains("anthropic:sub=token:sk-ant-o...89abcdef")
                .contains("openai-codex:me@example.com=OAuth (me@example.com)");
        assertThat(out).contains("env=sk-proj-...23456789 | source=env: OPENAI_API_KEY");
        assertThat(out).contains("env=AIzaDotE...23456789 | source=env: GEMINI_API_KEY");
        assertThat(out).contains("models.json=mistral-...89abcdef");
        assertThat(out).contains("anthropic:sub ok expires in 3d")
                .contains("openai-codex:me@example.com (me@example.com) expiring expires in 2h");
        assertThat(out).contains("Cooldowns").contains("- anthropic:work: cooldown rate_limit (5m)");
        assertThat(out).doesNotContain("Missing auth");
        for (String secret : List.of(WORK_KEY, SUB_TOKEN, ACCESS, REFRESH, OPENAI_ENV_KEY, GEMINI_DOTENV_KEY,
                MISTRAL_JSON_KEY)) {
            assertThat(r.all()).doesNotContain(secret);
        }
    }

    @Test
    void theLastFailedRefreshOfAnOAuthProfile_isShownInTextAndJson_untilOneSucceeds() {
        long now = h.now();
        String message = "OAuth token refresh failed for openai-codex: token endpoint answered 400: invalid_grant. "
                + "Run `openclaw models auth login --provider openai-codex` to log in again.";
        h.writeAuthState("main", """
                {"version":1,"refreshErrors":{"openai-codex:me@example.com":{"at":%d,"code":"invalid_grant",
                 "message":"%s"}}}
                """.formatted(now - 5 * 60_000L, message.replace("`", "\u0060")));

        Result text = h.run("models", "status");
        JsonNode json = h.run("models", "status", "--json").json();

        assertThat(text.out()).contains("openai-codex:me@example.com (me@example.com) expiring expires in 2h\n"
                + "    last refresh failed 5m ago [invalid_grant]: " + message + "\n");
        JsonNode oauthProfile = json.get("auth").get("oauth").get("profiles").get(1);
        assertThat(oauthProfile.get("profileId").asString()).isEqualTo("openai-codex:me@example.com");
        JsonNode error = oauthProfile.get("lastRefreshError");
        assertThat(error.get("at").asLong()).isEqualTo(now - 5 * 60_000L);
        assertThat(error.get("code").asString()).isEqualTo("invalid_grant");
        assertThat(error.get("message").asString()).isEqualTo(message);
        assertThat(json.get("auth").get("oauth").get("profiles").get(0).has("lastRefreshError")).isFalse();
    }

    @Test
    void jsonHasTheDocumentedKeys() {
        Result r = h.run("models", "status", "--json");

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("configPath").asString()).isEqualTo(h.configPath().toString());
        assertThat(j.get("agentDir").asString()).isEqualTo(h.agentDir("main").toString());
        assertThat(j.get("agentId").asString()).isEqualTo("main");
        assertThat(j.get("defaultModel").asString()).isEqualTo("sonnet");
        assertThat(j.get("resolvedDefault").asString()).isEqualTo("anthropic/claude-sonnet-4-5");
        assertThat(strings(j.get("fallbacks"))).containsExactly("openai/gpt-5", "google/gemini-2.5-pro");
        assertThat(j.get("aliases").get("gem").asString()).isEqualTo("google/gemini-2.5-pro");

        JsonNode auth = j.get("auth");
        assertThat(auth.get("storePath").asString()).isEqualTo(h.store("main").toString());
        assertThat(strings(auth.get("missingProvidersInUse"))).isEmpty();
        JsonNode anthropic = provider(auth, "anthropic");
        assertThat(anthropic.get("inUse").asBoolean()).isTrue();
        assertThat(anthropic.get("profiles").get("count").asInt()).isEqualTo(2);
        assertThat(anthropic.get("profiles").get("apiKey").asInt()).isEqualTo(1);
        assertThat(anthropic.get("profiles").get("token").asInt()).isEqualTo(1);
        assertThat(strings(anthropic.get("profiles").get("labels")))
                .containsExactly("anthropic:work=sk-ant-a...89abcdef [cooldown 5m]",
                        "anthropic:sub=token:sk-ant-o...89abcdef");
        // the config email comes through ${WORK_EMAIL}
        assertThat(anthropic.get("profiles").get("details").get(0).get("label").asString())
                .isEqualTo("anthropic:work (ops@example.com)");

        JsonNode openai = provider(auth, "openai");
        assertThat(openai.get("effective").get("kind").asString()).isEqualTo("env");
        assertThat(openai.get("env").get("source").asString()).isEqualTo("env: OPENAI_API_KEY");
        assertThat(openai.get("env").get("value").asString()).isEqualTo("sk-proj-...23456789");
        JsonNode google = provider(auth, "google");
        assertThat(google.get("env").get("source").asString()).isEqualTo("env: GEMINI_API_KEY");
        JsonNode mistral = provider(auth, "mistral");
        assertThat(mistral.get("effective").get("kind").asString()).isEqualTo("models.json");
        assertThat(mistral.get("modelsJson").get("value").asString()).isEqualTo("mistral-...89abcdef");
        assertThat(mistral.get("modelsJson").get("source").asString()).startsWith("models.json: ");

        JsonNode unusable = auth.get("unusableProfiles");
        assertThat(unusable.size()).isEqualTo(1);
        assertThat(unusable.get(0).get("profileId").asString()).isEqualTo("anthropic:work");
        assertThat(unusable.get(0).get("kind").asString()).isEqualTo("cooldown");
        assertThat(unusable.get(0).get("reason").asString()).isEqualTo("rate_limit");
        assertThat(unusable.get(0).get("until").asLong()).isEqualTo(h.now() + 300_000L);
        assertThat(unusable.get(0).get("remainingMs").asLong()).isEqualTo(300_000L);

        JsonNode oauth = auth.get("oauth");
        assertThat(oauth.get("warnAfterMs").asLong()).isEqualTo(86_400_000L);
        JsonNode codex = byKey(oauth.get("profiles"), "profileId", "openai-codex:me@example.com");
        assertThat(codex.get("status").asString()).isEqualTo("expiring");
        assertThat(codex.get("type").asString()).isEqualTo("oauth");
        assertThat(codex.get("expiresAt").asLong()).isEqualTo(h.now() + 7_200_000L);
        assertThat(codex.get("remainingMs").asLong()).isEqualTo(7_200_000L);
        assertThat(byKey(oauth.get("profiles"), "profileId", "anthropic:sub").get("status").asString())
                .isEqualTo("ok");

        assertThat(j.get("check").get("exitCode").asInt()).isZero();
        for (String secret : List.of(WORK_KEY, SUB_TOKEN, ACCESS, REFRESH, OPENAI_ENV_KEY, GEMINI_DOTENV_KEY,
                MISTRAL_JSON_KEY)) {
            assertThat(r.all()).doesNotContain(secret);
        }
    }

    @Test
    void jsonAndTextAgreeAndStatusWritesNothing() {
        var before = h.snapshot();
        Result text = h.run("models", "status");
        Result json = h.run("models", "status", "--json");
        assertThat(h.snapshot()).isEqualTo(before);
        for (JsonNode p : json.json().get("auth").get("providers")) {
            assertThat(text.out()).contains("- " + p.get("provider").asString());
        }
    }

    @Test
    void modelsWithoutSubcommandIsStatusAndStatusJsonAliasWorks() {
        Result bare = h.run("models");
        assertThat(bare.exit()).isZero();
        assertThat(bare.out()).contains("Auth overview").contains("anthropic:work=sk-ant-a...89abcdef");
        Result alias = h.run("models", "--status-json");
        assertThat(alias.exit()).isZero();
        assertThat(alias.json().get("resolvedDefault").asString()).isEqualTo("anthropic/claude-sonnet-4-5");
        Result plain = h.run("models", "status", "--plain");
        assertThat(plain.out().strip()).isEqualTo("anthropic/claude-sonnet-4-5");
    }

    @Test
    void otherAgentHasItsOwnStore() {
        Result r = h.run("models", "status", "--agent", "other", "--json");

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("agentId").asString()).isEqualTo("other");
        assertThat(j.get("agentDir").asString()).isEqualTo(h.agentDir("other").toString());
        assertThat(j.get("auth").get("storePath").asString()).isEqualTo(h.store("other").toString());
        assertThat(strings(j.get("auth").get("missingProvidersInUse"))).containsExactly("anthropic");
        assertThat(provider(j.get("auth"), "anthropic").get("profiles").get("count").asInt()).isZero();
        assertThat(j.get("check").get("exitCode").asInt()).isEqualTo(1);

        Result text = h.run("models", "status", "--agent", "other");
        assertThat(text.out()).contains("Agent         : other").contains("Missing auth")
                .contains("- anthropic Run `claude setup-token`");
    }

    @Test
    void agentSelectedByEnvAgentDir() {
        Path custom = h.root().resolve("custom-agent");
        h.writeStore("main", "{\"version\":1,\"profiles\":{}}");
        h.writePrivate(custom.resolve("auth-profiles.json"),
                "{\"version\":1,\"profiles\":{\"groq:x\":{\"type\":\"api_key\",\"provider\":\"groq\",\"key\":\"gsk_abcdefghijklmnopqrstuv\"}}}");
        h.env("OPENCLAW_AGENT_DIR", custom.toString());
        JsonNode j = h.run("models", "status", "--json").json();
        assertThat(j.get("agentDir").asString()).isEqualTo(custom.toString());
        assertThat(strings(provider(j.get("auth"), "groq").get("profiles").get("labels")))
                .containsExactly("groq:x=gsk_abcd...opqrstuv");
    }

    @Test
    void unknownAgentIsAnError() {
        Result r = h.run("models", "status", "--agent", "nope");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Unknown agent \"nope\"").contains("main, other")
                .contains("openclaw agents add nope");
    }

    @Test
    void invalidAgentIdIsAnError() {
        Result r = h.run("models", "status", "--agent", "../x");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("invalid agent id");
    }

    @Test
    void freshStateDirWithoutConfigOrStore() {
        CliHarness fresh = new CliHarness(dir.resolve("fresh"));
        Result r = fresh.run("models", "status");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("(not created yet)").contains("(no credentials stored yet)")
                .contains("Default       : anthropic/claude-opus-4-6 (built-in default)")
                .contains("Missing auth");
        assertThat(CliHarness.list(fresh.stateDir())).isEmpty();
    }

    @Test
    void envKeyShown_isTheOneTheGatewayTriesFirst() {
        CliHarness fresh = new CliHarness(dir.resolve("fresh"));
        fresh.env("ANTHROPIC_OAUTH_TOKEN", "sk-ant-oat01-envoauthtoken-000000001");
        fresh.env("ANTHROPIC_API_KEY", "sk-ant-api03-envapikey-0000000000002");
        JsonNode anthropic = provider(fresh.run("models", "status", "--json").json().get("auth"), "anthropic");
        assertThat(anthropic.get("env").get("source").asString()).isEqualTo("env: ANTHROPIC_API_KEY");

        CliHarness oauthOnly = new CliHarness(dir.resolve("oauth-only"));
        oauthOnly.env("ANTHROPIC_OAUTH_TOKEN", "sk-ant-oat01-envoauthtoken-000000001");
        anthropic = provider(oauthOnly.run("models", "status", "--json").json().get("auth"), "anthropic");
        assertThat(anthropic.get("env").get("value").asString()).isEqualTo("OAuth (env)");
    }

    @Test
    void configEnvBlockAndProcessEnvPrecedence() {
        // the process env wins over .env, .env wins over the config env block; none overrides the other
        h.writeConfig("""
                { env: { vars: { GROQ_API_KEY: 'gsk_configconfigconfig0001', GEMINI_API_KEY: 'AIza-config-loses-000001' } },
                  agents: { defaults: { model: 'groq/llama-3.3-70b' } } }
                """);
        JsonNode j = h.run("models", "status", "--json").json();
        assertThat(provider(j.get("auth"), "groq").get("env").get("value").asString())
                .isEqualTo("gsk_conf...nfig0001");
        assertThat(provider(j.get("auth"), "google").get("env").get("value").asString()).isEqualTo("AIzaDotE...23456789");
        assertThat(j.get("check").get("exitCode").asInt()).isZero();
    }

    @Test
    void shellEnvImportIsLabelledAndNeverOverridesWhatIsSet() {
        h.writeConfig("{ env: { shellEnv: { enabled: true, timeoutMs: 2000 } }, agents: { defaults: { model: 'groq/llama' } } }");
        java.util.concurrent.atomic.AtomicReference<java.time.Duration> timeout = new java.util.concurrent.atomic.AtomicReference<>();
        h.shell((shell, environment, t) -> {
            timeout.set(t);
            return java.util.Map.of("GROQ_API_KEY", "gsk_fromloginshell_0123456789", "OPENAI_API_KEY", "sk-shell-loses-0123456789");
        });
        Result r = h.run("models", "status");
        assertThat(r.out()).contains("Shell env     : on (applied: GROQ_API_KEY)")
                .contains("source=shell env: GROQ_API_KEY")
                .contains("env=sk-proj-...23456789 | source=env: OPENAI_API_KEY");
        assertThat(timeout.get()).isEqualTo(java.time.Duration.ofMillis(2000));
        JsonNode j = h.run("models", "status", "--json").json();
        assertThat(j.get("auth").get("shellEnvFallback").get("enabled").asBoolean()).isTrue();
        assertThat(strings(j.get("auth").get("shellEnvFallback").get("appliedKeys"))).containsExactly("GROQ_API_KEY");
        assertThat(j.get("check").get("exitCode").asInt()).isZero();
        assertThat(r.all()).doesNotContain("gsk_fromloginshell_0123456789");
    }

    @Test
    void failingShellImportIsAWarningNotAnError() {
        h.writeConfig("{ env: { shellEnv: { enabled: true } } }");
        Result r = h.run("models", "status");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("shell env import skipped");
    }

    @Test
    void legacyAuthJsonIsImportedOnLoadUnlessReadOnly() {
        CliHarness fresh = new CliHarness(dir.resolve("legacy"));
        Path authJson = fresh.writePrivate(fresh.agentDir("main").resolve("auth.json"),
                "{\"openrouter\":{\"type\":\"api_key\",\"key\":\"sk-or-legacyjson-0123456789\"}}");
        fresh.writePrivate(fresh.stateDir().resolve("credentials/oauth.json"),
                "{\"openai-codex\":{\"access\":\"acc-0123456789abcdefgh\",\"refresh\":\"ref-0123456789abcdefgh\",\"expires\":"
                        + (fresh.now() + 86_400_000L * 3) + "}}");
        var before = fresh.snapshot();

        fresh.env("OPENCLAW_AUTH_STORE_READONLY", "1");
        Result readOnly = fresh.run("models", "status");
        assertThat(readOnly.out()).contains("openrouter:default=sk-or-le...23456789")
                .contains("openai-codex:default=OAuth");
        assertThat(fresh.snapshot()).as("read-only loads write nothing").isEqualTo(before);

        fresh.env("OPENCLAW_AUTH_STORE_READONLY", null);
        Result r = fresh.run("models", "status");
        assertThat(r.out()).contains("imported legacy credentials: openrouter:default, openai-codex:default");
        JsonNode profiles = CliHarness.json(fresh.store("main")).get("profiles");
        assertThat(profiles.get("openrouter:default").get("key").asString()).isEqualTo("sk-or-legacyjson-0123456789");
        assertThat(profiles.get("openai-codex:default").get("type").asString()).isEqualTo("oauth");
        assertThat(java.nio.file.Files.exists(authJson)).isFalse();
        assertThat(java.nio.file.Files.exists(fresh.stateDir().resolve("credentials/oauth.json"))).as("oauth.json is kept").isTrue();
        assertThat(CliHarness.mode(fresh.store("main"))).isEqualTo("rw-------");
    }

    @Test
    void configuredAgentDirIsUsed() {
        h.writeConfig("{ agents: { list: [ { id: 'main', default: true }, { id: 'ops', agentDir: '~/ops-agent' } ] } }");
        Result paste = h.runWithStdin("sk-ops-0123456789abcdefgh", "models", "auth", "paste-api-key", "--agent", "ops",
                "--provider", "groq");
        assertThat(paste.exit()).as(paste.toString()).isZero();
        assertThat(CliHarness.json(h.home().resolve("ops-agent/auth-profiles.json")).get("profiles").has("groq:manual")).isTrue();
        JsonNode j = h.run("models", "status", "--agent", "ops", "--json").json();
        assertThat(j.get("agentDir").asString()).isEqualTo(h.home().resolve("ops-agent").toString());
    }

    @Test
    void everyEmittedJsonKeyIsDocumented() {
        String doc = CliHarness.read(Path.of(System.getProperty("basedir", ".")).resolve("docs/models-status-json.md"));
        // make the fixture produce every optional part: a config key, a violation, a disabled profile, a model scope
        h.writeConfig(CONFIG.replace("auth: {", "models: { providers: { groq: { apiKey: '${GROQ_KEY_UNSET}' } } },\n  auth: {"));
        h.writeStore("other", """
                {"version":1,"profiles":{"openai-codex:bad":{"type":"oauth","provider":"openai-codex",
                  "access":{"source":"env","provider":"default","id":"CODEX_ACCESS"},"refresh":"rt-0123456789abcdefgh","expires":%d},
                  "anthropic:x":{"type":"api_key","provider":"anthropic","key":"sk-ant-x-0123456789abcdef"}}}
                """.formatted(h.now() + 3_600_000L));
        h.writeAuthState("other", """
                {"version":1,"usageStats":{"anthropic:x":{"disabledUntil":%d,"disabledReason":"billing"},
                  "openai-codex:bad":{"cooldownUntil":%d,"cooldownReason":"rate_limit","cooldownModel":"gpt-5"}}}
                """.formatted(h.now() + 3_600_000L, h.now() + 60_000L));
        java.util.Set<String> keys = new java.util.TreeSet<>();
        for (String agent : List.of("main", "other")) {
            Result r = h.run("models", "status", "--json", "--agent", agent);
            assertThat(r.exit()).as(r.toString()).isZero();
            collectKeys(r.json(), keys);
        }
        assertThat(keys).contains("config", "problem", "policyViolations", "model", "detail", "unusable", "modelsJson");
        for (String key : keys) {
            assertThat(doc.contains("\"" + key + "\"") || doc.contains("`" + key + "`"))
                    .as("key %s is documented in docs/models-status-json.md", key).isTrue();
        }
    }

    private static void collectKeys(JsonNode node, java.util.Set<String> keys) {
        if (node.isArray()) {
            node.forEach(n -> collectKeys(n, keys));
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                if (e.getKey().equals("aliases") || e.getKey().equals("excluded")) {
                    keys.add(e.getKey());
                    continue; // maps keyed by alias / profile id
                }
                keys.add(e.getKey());
                collectKeys(e.getValue(), keys);
            }
        }
    }

    static JsonNode provider(JsonNode auth, String id) {
        return byKey(auth.get("providers"), "provider", id);
    }

    static JsonNode byKey(JsonNode array, String key, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(key).asString(null))) {
                return n;
            }
        }
        throw new AssertionError("no element with " + key + "=" + value + " in " + array);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
