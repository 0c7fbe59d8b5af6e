package ai.openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.env.LayeredEnv;
import ai.openclaw.env.ShellEnvRunner;
import ai.openclaw.json.MalformedFileException;
import ai.openclaw.paths.StatePaths;
import ai.openclaw.secrets.SecretRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path home;

    private StatePaths paths() {
        return StatePaths.resolve(Map.of(), home);
    }

    private Path writeConfig(String text) throws Exception {
        Path file = paths().configPath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private LoadedConfig load(String text, Map<String, String> processEnv) throws Exception {
        writeConfig(text);
        return ConfigLoader.load(paths(), processEnv, ShellEnvRunner.disabled());
    }

    private ConfigException configError(String text, Map<String, String> processEnv) {
        return (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> load(text, processEnv));
    }

    // ------------------------------------------------------------------ loading

    @Test
    void load_missingFile_isEmptyConfig() {
        LoadedConfig loaded = ConfigLoader.load(paths(), Map.of("A", "1"), ShellEnvRunner.disabled());

        assertThat(loaded.config().exists()).isFalse();
        assertThat(loaded.config().path()).isEqualTo(home.resolve(".openclaw/openclaw.json"));
        assertThat(loaded.config().auth().profiles()).isEmpty();
        assertThat(loaded.config().defaultAgentId()).isEqualTo("main");
        assertThat(loaded.env().get("A")).contains("1");
    }

    @Test
    void load_malformedFile_isMalformedFileExceptionNamingIt() throws Exception {
        Path file = writeConfig("{\n  auth: {\n");

        assertThatThrownBy(() -> ConfigLoader.load(paths(), Map.of(), ShellEnvRunner.disabled()))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(file + ":3:1: ");
    }

    @Test
    void load_rootThatIsNotAnObject_isConfigException() {
        ConfigException e = configError("[1, 2]", Map.of());

        assertThat(e.getMessage()).endsWith(":1:1: (root): the config must be a JSON5 object");
    }

    @Test
    void load_envBlockOfRawTree_feedsSubstitution() throws Exception {
        LoadedConfig loaded = load("""
                {
                  env: { vars: { BASE_HOST: "example.test" } },
                  gateway: { url: "https://${BASE_HOST}/v1" },
                }
                """, Map.of());

        assertThat(loaded.env().get("BASE_HOST")).contains("example.test");
        assertThat(loaded.config().gatewayNode().get("url").stringValue()).isEqualTo("https://example.test/v1");
    }

    @Test
    void load_readsGlobalDotenvFromConfigDir() throws Exception {
        Files.createDirectories(paths().configDir());
        Files.writeString(paths().configDir().resolve(".env"), "HOST_FROM_DOTENV=h.test\n");

        LoadedConfig loaded = load("{gateway: {host: '${HOST_FROM_DOTENV}'}}", Map.of());

        assertThat(loaded.config().gatewayNode().get("host").stringValue()).isEqualTo("h.test");
    }

    // ------------------------------------------------------------- substitution

    @Test
    void substitution_replacesVariablesInAllStrings_andKeepsRawTreeUnchanged() throws Exception {
        OpenClawConfig config = load("""
                {
                  agents: { list: [ { id: "main", workspace: "${WS}/work" } ] },
                  custom: { nested: ["a-${X}-b", 3] },
                }
                """, Map.of("WS", "/srv", "X", "x")).config();

        assertThat(config.agents().list().getFirst().workspace()).isEqualTo("/srv/work");
        assertThat(config.resolvedTree().at("/custom/nested/0").stringValue()).isEqualTo("a-x-b");
        assertThat(config.rawTree().at("/custom/nested/0").stringValue()).isEqualTo("a-${X}-b");
    }

    @Test
    void substitution_doubleDollarEscapes_toLiteralReference() throws Exception {
        OpenClawConfig config = load("{custom: {v: 'cost $${PRICE} and $5 and ${lower}'}}", Map.of()).config();

        assertThat(config.resolvedTree().at("/custom/v").stringValue()).isEqualTo("cost ${PRICE} and $5 and ${lower}");
    }

    @Test
    void substitution_missingOrEmptyVariable_isErrorWithFileLocationPathAndName_notValue() throws Exception {
        ConfigException missing = configError("{\n  gateway: {\n    url: 'https://${NOPE_HOST}/x'\n  }\n}", Map.of());
        ConfigException empty = configError("{gateway: {url: '${EMPTY}'}}", Map.of("EMPTY", ""));

        assertThat(missing.getMessage()).startsWith(paths().configPath() + ":3:10: gateway.url: ")
                .contains("\"NOPE_HOST\"");
        assertThat(missing.getMessage()).doesNotContain("https://");
        assertThat(empty.problem()).contains("\"EMPTY\"");
    }

    @Test
    void substitution_keepsExactSecretRefShorthand_inProviderApiKeyAndHeaders() throws Exception {
        OpenClawConfig config = load("""
                {
                  models: { providers: { openai: {
                    apiKey: "${OPENAI_API_KEY}",
                    headers: { "X-Key": "${HEADER_SECRET}", "X-Host": "h-${HOST}" },
                  } } },
                }
                """, Map.of("HOST", "one")).config();

        ProviderConfig openai = config.models().provider("openai").orElseThrow();
        assertThat(openai.apiKey()).isEqualTo(new SecretInput.Ref(SecretRef.env("OPENAI_API_KEY")));
        assertThat(openai.headers().get("X-Key")).isEqualTo(new SecretInput.Ref(SecretRef.env("HEADER_SECRET")));
        assertThat(openai.headers().get("X-Host")).isEqualTo(new SecretInput.Plain("h-one"));
    }

    @Test
    void substitution_inApiKeyWithSurroundingText_isStillSubstituted() throws Exception {
        ConfigException e = configError("{models: {providers: {x: {apiKey: 'Bearer ${MISSING_KEY}'}}}}", Map.of());

        assertThat(e.jsonPath()).isEqualTo(JsonPath.of("models", "providers", "x", "apiKey"));
    }

    // ---------------------------------------------------------------------- auth

    @Test
    void auth_profilesOrderAndCooldowns_areTyped() throws Exception {
        OpenClawConfig config = load("""
                {
                  auth: {
                    profiles: {
                      "anthropic:work": { provider: "Anthropic", mode: "api_key", email: "w@x.test" },
                      "openai:me": { provider: "openai", mode: "oauth", displayName: "Me" },
                      "bedrock:aws": { provider: "amazon-bedrock", mode: "aws-sdk" },
                    },
                    order: { "Z.AI": ["zai:a", "zai:b"], anthropic: ["anthropic:work"] },
                    cooldowns: { billingBackoffHours: 2, billingMaxHours: -1, failureWindowHours: 0,
                                 billingBackoffHoursByProvider: { OpenAI: 1.5, bad: 0 }, rateLimitedProfileRotations: 3 },
                    futureKey: { kept: true },
                  },
                }
                """, Map.of()).config();

        AuthConfig auth = config.auth();
        assertThat(auth.profiles()).containsOnlyKeys("anthropic:work", "openai:me", "bedrock:aws");
        AuthProfileConfig work = auth.profiles().get("anthropic:work");
        assertThat(work.provider()).isEqualTo("anthropic");
        assertThat(work.mode()).isEqualTo(AuthMode.API_KEY);
        assertThat(work.email()).isEqualTo("w@x.test");
        assertThat(work.displayName()).isNull();
        assertThat(auth.profiles().get("bedrock:aws").mode()).isEqualTo(AuthMode.AWS_SDK);
        assertThat(auth.order()).containsOnlyKeys("zai", "anthropic");
        assertThat(auth.orderFor("z-ai")).contains(java.util.List.of("zai:a", "zai:b"));
        CooldownConfig c = auth.cooldowns();
        assertThat(c.billingBackoffHours()).isEqualTo(2);
        assertThat(c.billingMaxHours()).isEqualTo(24);
        assertThat(c.failureWindowHours()).isEqualTo(24);
        assertThat(c.authPermanentBackoffMinutes()).isEqualTo(10);
        assertThat(c.rateLimitedProfileRotations()).isEqualTo(3);
        assertThat(c.billingBackoffHoursFor("openai")).isEqualTo(1.5);
        assertThat(c.billingBackoffHoursFor("bad")).isEqualTo(2);
        assertThat(config.rawTree().at("/auth/futureKey/kept").booleanValue()).isTrue();
        assertThat(config.migrations()).isEmpty();
    }

    @Test
    void auth_profiles_areStrict_extraKeyIsErrorAtTheKey() throws Exception {
        ConfigException e = configError("""
                {
                  auth: {
                    profiles: {
                      "anthropic:x": {
                        provider: "anthropic", mode: "api_key",
                        apiKey: "sk-ant-secret",
                      },
                    },
                  },
                }
                """, Map.of());

        assertThat(e.getMessage())
                .startsWith(paths().configPath() + ":6:9: auth.profiles[\"anthropic:x\"].apiKey: unknown key")
                .doesNotContain("sk-ant-secret");
        assertThat(e.location()).isEqualTo(new SourceLocation(6, 9));
    }

    @Test
    void auth_profiles_invalidModeAndMissingProvider_areErrors() {
        ConfigException mode = configError("{auth: {profiles: {'a:b': {provider: 'a', mode: 'password'}}}}", Map.of());
        ConfigException provider = configError("{auth: {profiles: {'a:b': {mode: 'token'}}}}", Map.of());

        assertThat(mode.jsonPath().toString()).isEqualTo("auth.profiles[\"a:b\"].mode");
        assertThat(mode.problem()).contains("api_key").doesNotContain("password");
        assertThat(provider.jsonPath().toString()).isEqualTo("auth.profiles[\"a:b\"]");
        assertThat(provider.problem()).contains("\"provider\" is required");
    }

    @Test
    void auth_order_mustBeArraysOfStrings_withLineAndColumn() {
        ConfigException e = configError("{\n  auth: {\n    order: { anthropic: 'anthropic:a' },\n  },\n}", Map.of());

        assertThat(e.getMessage()).isEqualTo(paths().configPath()
                + ":3:25: auth.order.anthropic: expected an array of strings");
    }

    @Test
    void auth_order_elementOfWrongType_pointsAtTheElement() {
        ConfigException e = configError("{auth: {order: {openai: ['openai:a', 7]}}}", Map.of());

        assertThat(e.jsonPath().toString()).isEqualTo("auth.order.openai[1]");
        assertThat(e.location()).isEqualTo(new SourceLocation(1, 38));
    }

    @Test
    void auth_cooldowns_nonNumber_isError() {
        ConfigException e = configError("{auth: {cooldowns: {billingMaxHours: 'lots'}}}", Map.of());

        assertThat(e.jsonPath().toString()).isEqualTo("auth.cooldowns.billingMaxHours");
    }

    @Test
    void auth_claudeCliTokenMode_readsAsOauth_withMigrationNote() throws Exception {
        OpenClawConfig config = load("""
                {auth: {profiles: {"anthropic:claude-cli": {provider: "anthropic", mode: "token"},
                                   "anthropic:other": {provider: "anthropic", mode: "token"}}}}
                """, Map.of()).config();

        assertThat(config.auth().profiles().get("anthropic:claude-cli").mode()).isEqualTo(AuthMode.OAUTH);
        assertThat(config.auth().profiles().get("anthropic:other").mode()).isEqualTo(AuthMode.TOKEN);
        assertThat(config.migrations()).containsExactly("auth.profiles[\"anthropic:claude-cli\"].mode: token → oauth");
        assertThat(config.rawTree().at("/auth/profiles/anthropic:claude-cli/mode").stringValue()).isEqualTo("token");
    }

    @Test
    void migrations_apply_rewritesOnlyTheClaudeCliMode() throws Exception {
        OpenClawConfig config = load("""
                {auth: {profiles: {"anthropic:claude-cli": {provider: "anthropic", mode: "token", email: "e@x"}}},
                 other: 1}
                """, Map.of()).config();

        var migrated = ConfigMigrations.apply(config.rawTree());

        assertThat(migrated.at("/auth/profiles/anthropic:claude-cli/mode").stringValue()).isEqualTo("oauth");
        assertThat(migrated.at("/auth/profiles/anthropic:claude-cli/email").stringValue()).isEqualTo("e@x");
        assertThat(migrated.get("other").intValue()).isEqualTo(1);
        assertThat(ConfigMigrations.pending(migrated)).isEmpty();
    }

    // -------------------------------------------------------------------- models

    @Test
    void models_providers_areTyped_withSecretInputsAndRawKept() throws Exception {
        OpenClawConfig config = load("""
                {
                  models: {
                    mode: "replace",
                    providers: {
                      "My-Proxy": {
                        baseUrl: "https://proxy.test/v1", api: "openai-completions", auth: "api-key",
                        apiKey: { source: "file", provider: "vault", id: "/proxy/key" },
                        headers: { "X-Org": "org-1", "X-Tok": "$ORG_TOKEN", "X-Exec": { source: "exec", id: "tok" } },
                        authHeader: true, timeoutSeconds: 30,
                        models: [ { id: "m1", name: "Model One", contextWindow: 8000 }, { id: "m2" } ],
                        region: "eu",
                      },
                      plain: { apiKey: "sk-inline-123" },
                    },
                  },
                }
                """, Map.of()).config();

        ModelsConfig models = config.models();
        assertThat(models.mode()).isEqualTo(ModelsConfig.Mode.REPLACE);
        assertThat(models.providers()).containsOnlyKeys("my-proxy", "plain");
        ProviderConfig proxy = models.provider("MY-PROXY").orElseThrow();
        assertThat(proxy.id()).isEqualTo("My-Proxy");
        assertThat(proxy.baseUrl()).isEqualTo("https://proxy.test/v1");
        assertThat(proxy.api()).isEqualTo("openai-completions");
        assertThat(proxy.auth()).isEqualTo(ProviderAuth.API_KEY);
        assertThat(proxy.apiKey()).isEqualTo(new SecretInput.Ref(new SecretRef(SecretRef.Source.FILE, "vault", "/proxy/key")));
        assertThat(proxy.headers()).containsOnlyKeys("X-Org", "X-Tok", "X-Exec");
        assertThat(proxy.headers().get("X-Tok")).isEqualTo(new SecretInput.Ref(SecretRef.env("ORG_TOKEN")));
        assertThat(proxy.headers().get("X-Exec")).isEqualTo(new SecretInput.Ref(new SecretRef(SecretRef.Source.EXEC, null, "tok")));
        assertThat(proxy.authHeader()).isTrue();
        assertThat(proxy.timeoutSeconds()).isEqualTo(30);
        assertThat(proxy.models()).extracting(ModelDefinition::id).containsExactly("m1", "m2");
        assertThat(proxy.models().getFirst().name()).isEqualTo("Model One");
        assertThat(proxy.models().getFirst().raw().get("contextWindow").intValue()).isEqualTo(8000);
        assertThat(proxy.raw().get("region").stringValue()).isEqualTo("eu");
        ProviderConfig plain = models.provider("plain").orElseThrow();
        assertThat(plain.apiKey()).isEqualTo(new SecretInput.Plain("sk-inline-123"));
        assertThat(plain.toString()).doesNotContain("sk-inline-123");
        assertThat(plain.baseUrl()).isNull();
        assertThat(plain.timeoutSeconds()).isNull();
    }

    @Test
    void models_typeErrors_nameThePath() {
        assertThat(configError("{models: {providers: {x: {timeoutSeconds: 0}}}}", Map.of()).jsonPath().toString())
                .isEqualTo("models.providers.x.timeoutSeconds");
        assertThat(configError("{models: {providers: {x: {timeoutSeconds: 1.5}}}}", Map.of()).problem())
                .contains("positive integer");
        assertThat(configError("{models: {mode: 'mix'}}", Map.of()).jsonPath().toString()).isEqualTo("models.mode");
        assertThat(configError("{models: {providers: {x: {apiKey: 42}}}}", Map.of()).problem()).contains("SecretRef");
        assertThat(configError("{models: {providers: {x: {apiKey: {source: 'vault', id: 'k'}}}}}", Map.of()).jsonPath()
                .toString()).isEqualTo("models.providers.x.apiKey");
        assertThat(configError("{models: {providers: {x: {models: [{name: 'no id'}]}}}}", Map.of()).jsonPath()
                .toString()).isEqualTo("models.providers.x.models[0]");
        assertThat(configError("{models: {providers: {OpenAI: {}, openai: {}}}}", Map.of()).problem())
                .contains("same provider");
    }

    // -------------------------------------------------------------------- agents

    @Test
    void agents_defaultsAndList_areTyped() throws Exception {
        OpenClawConfig config = load("""
                {
                  agents: {
                    defaults: {
                      model: { primary: "anthropic/claude-sonnet-4-6", fallbacks: ["openai/gpt-5"] },
                      models: { "anthropic/claude-sonnet-4-6": { alias: "sonnet" }, "openai/gpt-5": {} },
                    },
                    list: [
                      { id: "Main", name: "Main agent" },
                      { id: "work", default: true, agentDir: "~/agents/work", workspace: "~/ws", tools: {} },
                    ],
                  },
                }
                """, Map.of()).config();

        AgentsConfig agents = config.agents();
        assertThat(agents.primaryModel()).isEqualTo("anthropic/claude-sonnet-4-6");
        assertThat(agents.fallbacks()).containsExactly("openai/gpt-5");
        assertThat(agents.modelAliases()).containsEntry("anthropic/claude-sonnet-4-6", "sonnet")
                .containsEntry("openai/gpt-5", null);
        assertThat(agents.list()).extracting(AgentEntry::id).containsExactly("main", "work");
        AgentEntry work = agents.list().get(1);
        assertThat(work.agentDir()).isEqualTo(home.resolve("agents/work"));
        assertThat(work.workspace()).isEqualTo("~/ws");
        assertThat(work.raw().has("tools")).isTrue();
        assertThat(config.defaultAgentId()).isEqualTo("work");
        assertThat(agents.agentDir("work", paths())).isEqualTo(home.resolve("agents/work"));
        assertThat(agents.agentDir("main", paths())).isEqualTo(home.resolve(".openclaw/agents/main/agent"));
    }

    @Test
    void agents_modelAsString_isPrimary_andDefaultIsFirstEntryWithoutFlag() throws Exception {
        OpenClawConfig config = load("{agents: {defaults: {model: 'openai/gpt-5'}, list: [{id: 'b'}, {id: 'a'}]}}",
                Map.of()).config();

        assertThat(config.agents().primaryModel()).isEqualTo("openai/gpt-5");
        assertThat(config.agents().fallbacks()).isEmpty();
        assertThat(config.defaultAgentId()).isEqualTo("b");
    }

    @Test
    void agents_invalidOrDuplicateId_isErrorAtTheId() {
        ConfigException invalid = configError("{agents: {list: [{id: '../escape'}]}}", Map.of());
        ConfigException duplicate = configError("{agents: {list: [{id: 'a'}, {id: 'A'}]}}", Map.of());

        assertThat(invalid.jsonPath().toString()).isEqualTo("agents.list[0].id");
        assertThat(invalid.problem()).contains("^[a-z0-9][a-z0-9_-]{0,63}$");
        assertThat(duplicate.jsonPath().toString()).isEqualTo("agents.list[1].id");
    }

    // ---------------------------------------------------------------- misc views

    @Test
    void nodeAccessors_returnCopies_andMissingSectionsAreMissingNodes() throws Exception {
        OpenClawConfig config = load("{secrets: {defaults: {env: 'main'}}, unknownTop: [1]}", Map.of()).config();

        config.rawTree().put("mutated", true);
        config.secretsNode();

        assertThat(config.rawTree().has("mutated")).isFalse();
        assertThat(config.rawTree().has("unknownTop")).isTrue();
        assertThat(config.secretsNode().at("/defaults/env").stringValue()).isEqualTo("main");
        assertThat(config.gatewayNode().isMissingNode()).isTrue();
        assertThat(config.envNode().isMissingNode()).isTrue();
    }

    @Test
    void toString_ofConfig_printsNoValues() throws Exception {
        OpenClawConfig config = load("{models: {providers: {p: {apiKey: 'sk-do-not-print'}}}}", Map.of()).config();

        assertThat(config.toString()).doesNotContain("sk-do-not-print");
        assertThat(config.models().toString()).doesNotContain("sk-do-not-print");
    }

    @Test
    void parse_fromText_usesGivenEnvironment() {
        OpenClawConfig config = ConfigLoader.parse(Path.of("inline.json5"), "{gateway: {port: '${PORT}'}}",
                LayeredEnv.ofProcess(Map.of("PORT", "8080")), paths());

        assertThat(config.gatewayNode().get("port").stringValue()).isEqualTo("8080");
        assertThat(config.exists()).isTrue();
    }
}
