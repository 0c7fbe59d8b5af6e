package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code openclaw onboard --non-interactive}: the rules and messages of L§4.8, and where secrets may come from. */
class OnboardCommandTest {
    static final String KEY = "sk-ant-api03-onboardonboard-0123456789abcdef";
    static final String OR_KEY = "sk-or-v1-onboardonboard-0123456789abcdef";
    static final String TOKEN = "sk-ant-oat01-" + "t".repeat(60) + "-0123456789";
    static final List<String> NI = List.of("onboard", "--non-interactive", "--accept-risk");

    @TempDir
    java.nio.file.Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
    }

    private static String[] ni(String... more) {
        List<String> args = new ArrayList<>(NI);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private JsonNode profile(String id) {
        return CliHarness.json(h.store("main")).get("profiles").get(id);
    }

    private JsonNode config() {
        return CliHarness.json(h.configPath());
    }

    /** Runs, expects exit 1 with exactly {@code message} after "Error: ", and no file changed. */
    private void refused(String stdin, String message, String... args) {
        Map<String, String> before = h.snapshot();
        Result r = h.runWithStdin(stdin, args);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).as(r.toString()).contains("Error: " + message);
        assertThat(r.out()).isEmpty();
        assertThat(h.snapshot()).as("nothing written").isEqualTo(before);
    }

    // ---- risk, mode, flow --------------------------------------------------------------------------------------

    @Test
    void nonInteractiveWithoutAcceptRisk_isRefusedWithTheRiskMessage() {
        refused(KEY, """
                Non-interactive onboarding requires explicit risk acknowledgement.
                Read: https://docs.openclaw.ai/security
                Re-run with: openclaw onboard --non-interactive --accept-risk ...""",
                "onboard", "--non-interactive", "--auth-choice", "apiKey", "--anthropic-api-key", "-");
    }

    @Test
    void invalidModeOrFlow_isRefused() {
        refused("", "Invalid --mode (use \"local\" or \"remote\").", ni("--mode", "cloud"));
        refused("", "Invalid --flow (use \"quickstart\", \"manual\", or \"advanced\").", ni("--flow", "fast"));
    }

    @Test
    void remoteMode_changesNothingHere_andRefusesAnAuthChoice() {
        Map<String, String> before = h.snapshot();
        Result r = h.run(ni("--mode", "remote"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Mode remote").contains("Nothing was changed here.");
        assertThat(h.snapshot()).isEqualTo(before);
        refused("", "--mode remote sets up no model auth on this machine", ni("--mode", "remote", "--auth-choice", "apiKey"));
    }

    @Test
    void jsonWithoutNonInteractive_isRefused() {
        refused("", "--json needs --non-interactive", "onboard", "--json");
    }

    @Test
    void aKeyPastedWithoutItsFlag_isRefusedWithoutRepeatingIt() {
        Result r = h.run(ni("--auth-choice", "apiKey", KEY));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("onboard takes no arguments besides its options (1 given, not shown");
        assertThat(r.all()).doesNotContain(KEY);
        assertThat(Files.exists(h.store("main"))).isFalse();
    }

    // ---- choices that need a person ----------------------------------------------------------------------------

    @Test
    void setupToken_requiresInteractiveMode() {
        refused(TOKEN, """
                Auth choice "setup-token" requires interactive mode.
                Use "--auth-choice token" with --token and --token-provider anthropic.""",
                ni("--auth-choice", "setup-token"));
    }

    @Test
    void claudeCliAndCodexCli_areDeprecated() {
        for (String choice : List.of("claude-cli", "codex-cli")) {
            refused("", "Auth choice \"" + choice + "\" is deprecated.\n"
                    + "Use \"--auth-choice token\" (Anthropic setup-token) or \"--auth-choice openai-codex\".",
                    ni("--auth-choice", choice));
        }
    }

    @Test
    void oauthChoices_requireInteractiveMode() {
        for (String choice : List.of("oauth", "openai-codex", "chutes", "qwen-portal")) {
            refused("", "OAuth requires interactive mode.", ni("--auth-choice", choice));
        }
    }

    @Test
    void unknownChoice_isRefusedWithTheList_andAKeyPastedByMistakeIsNotRepeated() {
        refused("", "Unknown --auth-choice \"anthropic-key\".\nUse one of: apiKey, token, openai-api-key, "
                + "openrouter-api-key, gemini-api-key, custom-api-key, skip.",
                ni("--auth-choice", "anthropic-key"));
        Result r = h.run(ni("--auth-choice", KEY));
        assertThat(r.err()).contains("Unknown --auth-choice (value not shown).").doesNotContain(KEY);
    }

    // ---- --auth-choice token -----------------------------------------------------------------------------------

    @Test
    void token_missingOrWrongProvider_andMissingToken_areRefused() {
        refused(TOKEN, "Missing --token-provider for --auth-choice token.", ni("--auth-choice", "token", "--token", "-"));
        refused(TOKEN, "Only --token-provider anthropic is supported for --auth-choice token.",
                ni("--auth-choice", "token", "--token-provider", "openai", "--token", "-"));
        refused("", "Missing --token for --auth-choice token.",
                ni("--auth-choice", "token", "--token-provider", "anthropic"));
    }

    @Test
    void token_failingTheSetupTokenChecks_isRefusedWithoutRepeatingIt() {
        String wrongPrefix = "sk-ant-api03-" + "x".repeat(80);
        refused(wrongPrefix, "Expected token starting with sk-ant-oat01-",
                ni("--auth-choice", "token", "--token-provider", "anthropic", "--token", "-"));
        String tooShort = "sk-ant-oat01-short";
        refused(tooShort, "Token looks too short; paste the full setup-token",
                ni("--auth-choice", "token", "--token-provider", "anthropic", "--token", "-"));
        Result r = h.runWithStdin(tooShort, ni("--auth-choice", "token", "--token-provider", "anthropic", "--token", "-"));
        assertThat(r.all()).doesNotContain(tooShort);
    }

    @Test
    void token_invalidExpiry_isRefused() {
        refused(TOKEN, "Invalid --token-expires-in: Invalid duration \"soon\" (e.g. 365d, 12h, 30m)",
                ni("--auth-choice", "token", "--token-provider", "anthropic", "--token", "-", "--token-expires-in", "soon"));
    }

    @Test
    void token_fromStdin_withExpiry_isStoredAsAnthropicDefaultTokenProfile() {
        Result r = h.runWithStdin(TOKEN + "\n", ni("--auth-choice", "token", "--token-provider", "Anthropic",
                "--token", "-", "--token-expires-in", "365d"));

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode p = profile("anthropic:default");
        assertThat(p.get("type").asString()).isEqualTo("token");
        assertThat(p.get("provider").asString()).isEqualTo("anthropic");
        assertThat(p.get("token").asString()).isEqualTo(TOKEN);
        assertThat(p.get("expires").asLong()).isEqualTo(h.now() + 365L * 86_400_000L);
        assertThat(config().get("auth").get("profiles").get("anthropic:default").get("mode").asString()).isEqualTo("token");
        assertThat(r.out()).contains("Auth profile: anthropic:default (anthropic/token)")
                .contains("Token from: standard input (--token -)").contains("Expires in: 365d");
        assertThat(r.all()).doesNotContain(TOKEN);
        assertThat(h.lastTerminal().secretPrompts()).containsExactly("Paste the value for --token: ");
    }

    @Test
    void token_profileIdAndEnvironmentVariable() {
        h.env("ANTHROPIC_SETUP_TOKEN", TOKEN);
        Result r = h.run(ni("--auth-choice", "token", "--token-provider", "anthropic", "--token-profile-id", "work"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile("anthropic:work").get("token").asString()).isEqualTo(TOKEN);
        assertThat(profile("anthropic:work").has("expires")).isFalse();
        assertThat(r.out()).contains("Token from: env ANTHROPIC_SETUP_TOKEN");
        assertThat(r.err()).isEmpty();

        refused("", "Profile id \"openai:work\" does not belong to provider anthropic",
                ni("--auth-choice", "token", "--token-provider", "anthropic", "--token-profile-id", "openai:work"));
    }

    // ---- API keys ----------------------------------------------------------------------------------------------

    @Test
    void apiKey_fromTheFlag_isStored_withAWarningThatDoesNotRepeatIt() {
        Result r = h.run(ni("--auth-choice", "apiKey", "--anthropic-api-key", KEY));

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile("anthropic:default").get("type").asString()).isEqualTo("api_key");
        assertThat(profile("anthropic:default").get("key").asString()).isEqualTo(KEY);
        assertThat(r.err()).contains("Warning: --anthropic-api-key was given on the command line, where other local "
                + "users can read it").contains("--anthropic-api-key -");
        assertThat(r.all()).doesNotContain(KEY);
        assertThat(r.out()).contains("Key from: --anthropic-api-key (command line)");
    }

    @Test
    void apiKey_fromTheEnvironment_isStoredWithoutWarning() {
        h.env("ANTHROPIC_API_KEY", KEY);
        Result r = h.run(ni("--auth-choice", "apiKey"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile("anthropic:default").get("key").asString()).isEqualTo(KEY);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Key from: env ANTHROPIC_API_KEY").doesNotContain(KEY);
    }

    @Test
    void apiKey_fromTheSharedDotEnv_counts_asTheEnvironment() {
        h.writeDotEnv("OPENROUTER_API_KEY=" + OR_KEY + "\n");
        Result r = h.run(ni("--auth-choice", "openrouter-api-key"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile("openrouter:default").get("key").asString()).isEqualTo(OR_KEY);
    }

    @Test
    void apiKey_fromStdin_withDash_beatsTheEnvironment() {
        h.env("ANTHROPIC_API_KEY", "sk-ant-api03-fromenvfromenv-0123456789");
        Result r = h.runWithStdin(KEY + "\n", ni("--auth-choice", "apiKey", "--anthropic-api-key", "-"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile("anthropic:default").get("key").asString()).isEqualTo(KEY);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Key from: standard input (--anthropic-api-key -)");
    }

    @Test
    void apiKey_missingEverywhere_isRefusedWithTheFlagTheVariableAndTheProfileHint() {
        refused("", "Missing --anthropic-api-key (or ANTHROPIC_API_KEY in env, or existing anthropic API-key profile).",
                ni("--auth-choice", "apiKey"));
        refused("", "Missing --gemini-api-key (or GEMINI_API_KEY in env, or existing google API-key profile).",
                ni("--auth-choice", "gemini-api-key"));
    }

    @Test
    void apiKey_dashWithEmptyStdin_isRefused() {
        refused("", "--anthropic-api-key -: nothing was read from standard input.",
                ni("--auth-choice", "apiKey", "--anthropic-api-key", "-"));
    }

    @Test
    void twoSecretsFromStdin_areRefused() {
        refused(KEY, "Only one secret can be read from standard input, but --anthropic-api-key and --token both say \"-\".",
                ni("--auth-choice", "apiKey", "--anthropic-api-key", "-", "--token", "-"));
    }

    @Test
    void apiKey_anExistingApiKeyProfile_isKeptAndOnlyItsConfigWritten() {
        h.writeStore("main", """
                {"version":1,"profiles":{"anthropic:work":{"type":"api_key","provider":"anthropic","key":"%s"}}}
                """.formatted(KEY));
        String storeBefore = CliHarness.read(h.store("main"));
        Result r = h.run(ni("--auth-choice", "apiKey"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(CliHarness.read(h.store("main"))).isEqualTo(storeBefore);
        assertThat(config().get("auth").get("profiles").get("anthropic:work").get("mode").asString()).isEqualTo("api_key");
        assertThat(r.out()).contains("Using the API key already stored in anthropic:work.");
    }

    @Test
    void openAiKey_isStoredAsAProfileLikeTheOthers_notInTheSharedDotEnv() {
        Result r = h.runWithStdin("sk-proj-onboardonboard-0123456789\n",
                ni("--auth-choice", "openai-api-key", "--openai-api-key", "-"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile("openai:default").get("key").asString()).isEqualTo("sk-proj-onboardonboard-0123456789");
        assertThat(Files.exists(h.stateDir().resolve(".env"))).isFalse();
        assertThat(config().get("agents").get("defaults").get("model").get("primary").asString()).isEqualTo("openai/gpt-5");
    }

    @Test
    void geminiKey_isStoredForTheGoogleProvider() {
        Result r = h.runWithStdin("AIzaSyOnboardOnboard0123456789\n",
                ni("--auth-choice", "gemini-api-key", "--gemini-api-key", "-"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile("google:default").get("provider").asString()).isEqualTo("google");
        assertThat(config().get("auth").get("profiles").get("google:default").get("provider").asString()).isEqualTo("google");
    }

    @Test
    void defaultModel_isSetToTheProvidersSuggestionOnlyWhenNoneIsConfigured() {
        h.runWithStdin(OR_KEY, ni("--auth-choice", "openrouter-api-key", "--openrouter-api-key", "-"));
        assertThat(config().get("agents").get("defaults").get("model").get("primary").asString()).isEqualTo("openrouter/auto");

        Result r = h.runWithStdin(KEY, ni("--auth-choice", "apiKey", "--anthropic-api-key", "-"));
        assertThat(config().get("agents").get("defaults").get("model").get("primary").asString()).isEqualTo("openrouter/auto");
        assertThat(r.out()).contains("Default model: openrouter/auto (unchanged)");
    }

    @Test
    void humanOutput_endsWithModelsStatus() {
        Result r = h.runWithStdin(KEY, ni("--auth-choice", "apiKey", "--anthropic-api-key", "-"));
        assertThat(r.out()).contains("Default model: anthropic/claude-opus-4-6 (set)\n\nConfig        : ")
                .contains("Auth overview").contains("anthropic:default=sk-ant-a...89abcdef");
    }

    // ---- inferring the choice ----------------------------------------------------------------------------------

    @Test
    void withoutAuthChoice_theOneKeyFlagGiven_decides() {
        Result r = h.runWithStdin(OR_KEY, ni("--openrouter-api-key", "-"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile("openrouter:default").get("key").asString()).isEqualTo(OR_KEY);
    }

    @Test
    void withoutAuthChoice_twoKeyFlags_areRefused() {
        refused(OR_KEY, "Multiple API key flags were provided for non-interactive onboarding.\n"
                + "Use a single provider flag or pass --auth-choice explicitly.",
                ni("--openrouter-api-key", "-", "--anthropic-api-key", KEY));
    }

    @Test
    void withoutAuthChoiceOrFlags_itSkips() {
        Result r = h.run(ni());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Model auth: skipped (nothing stored).").contains("Auth overview");
        assertThat(Files.exists(h.store("main"))).isFalse();
        assertThat(Files.exists(h.configPath())).isFalse();
    }

    // ---- custom provider ---------------------------------------------------------------------------------------

    @Test
    void customProvider_writesModelsProvidersAndTheDefaultModel_andStoresTheKeyInTheStoreOnly() {
        String key = "sk-local-onboardonboard-0123456789";
        Result r = h.runWithStdin(key + "\n", ni("--auth-choice", "custom-api-key",
                "--custom-base-url", "https://llm.example.com/v1/", "--custom-model-id", "foo-large",
                "--custom-api-key", "-"));

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode p = config().get("models").get("providers").get("custom-llm-example-com");
        assertThat(p.get("baseUrl").asString()).isEqualTo("https://llm.example.com/v1");
        assertThat(p.get("api").asString()).isEqualTo("openai-completions");
        assertThat(p.get("models").get(0).get("id").asString()).isEqualTo("foo-large");
        assertThat(p.has("apiKey")).isFalse();
        assertThat(config().get("agents").get("defaults").get("model").get("primary").asString())
                .isEqualTo("custom-llm-example-com/foo-large");
        assertThat(profile("custom-llm-example-com:default").get("key").asString()).isEqualTo(key);
        assertThat(CliHarness.read(h.configPath())).doesNotContain(key);
        assertThat(r.all()).doesNotContain(key);
        assertThat(r.out()).contains("Provider: models.providers.custom-llm-example-com (https://llm.example.com/v1, "
                + "openai-completions, model foo-large)");
    }

    @Test
    void customProvider_anthropicCompatible_withAnIdAndNoKey_keepsOtherProvidersAndModels() {
        h.writeConfig("""
                { models: { providers: { local: { baseUrl: 'http://old', api: 'openai-completions', timeoutSeconds: 30,
                                                  models: [{ id: 'qwen' }] } } } }
                """);
        Result r = h.run(ni("--auth-choice", "custom-api-key", "--custom-base-url", "http://127.0.0.1:8080",
                "--custom-model-id", "claude-proxy", "--custom-provider-id", "Local", "--custom-compatibility", "anthropic"));

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode p = config().get("models").get("providers").get("local");
        assertThat(p.get("baseUrl").asString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(p.get("api").asString()).isEqualTo("anthropic-messages");
        assertThat(p.get("timeoutSeconds").asInt()).isEqualTo(30);
        assertThat(p.get("models")).extracting(m -> m.get("id").asString()).containsExactly("qwen", "claude-proxy");
        assertThat(Files.exists(h.store("main"))).isFalse();
        assertThat(r.out()).contains("No API key stored for local");
    }

    @Test
    void customProvider_flagProblems_useOpenClawsMessages() {
        refused("", "Auth choice \"custom-api-key\" requires a base URL and model ID.\n"
                + "Use --custom-base-url and --custom-model-id.",
                ni("--auth-choice", "custom-api-key", "--custom-base-url", "https://llm.example.com/v1"));
        refused("", "Invalid --custom-compatibility (use \"openai\" or \"anthropic\").",
                ni("--auth-choice", "custom-api-key", "--custom-base-url", "https://x.example/v1",
                        "--custom-model-id", "m", "--custom-compatibility", "xmlrpc"));
        refused("", "Custom provider ID must include letters, numbers, or hyphens.",
                ni("--auth-choice", "custom-api-key", "--custom-base-url", "https://x.example/v1",
                        "--custom-model-id", "m", "--custom-provider-id", "!!!"));
        refused("", "Invalid --custom-base-url: expected an http:// or https:// URL",
                ni("--auth-choice", "custom-api-key", "--custom-base-url", "ftp://x.example", "--custom-model-id", "m"));
    }

    // ---- --json ------------------------------------------------------------------------------------------------

    @Test
    void json_saysWhatWasStoredWhere_andNeverTheSecret() {
        Result r = h.runWithStdin(TOKEN + "\n", ni("--auth-choice", "token", "--token-provider", "anthropic",
                "--token", "-", "--token-expires-in", "12h", "--json"));

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.all()).doesNotContain(TOKEN).doesNotContain("sk-ant-oat01");
        JsonNode j = r.json();
        assertThat(j.get("mode").asString()).isEqualTo("local");
        assertThat(j.get("authChoice").asString()).isEqualTo("token");
        assertThat(j.get("agentId").asString()).isEqualTo("main");
        assertThat(j.get("profile").get("id").asString()).isEqualTo("anthropic:default");
        assertThat(j.get("profile").get("mode").asString()).isEqualTo("token");
        assertThat(j.get("profile").get("stored").asBoolean()).isTrue();
        assertThat(j.get("profile").get("source").asString()).isEqualTo("stdin");
        assertThat(j.get("profile").get("expiresAt").asLong()).isEqualTo(h.now() + 12 * 3_600_000L);
        assertThat(j.get("profile").get("storePath").asString()).isEqualTo(h.store("main").toString());
        assertThat(j.get("configPath").asString()).isEqualTo(h.configPath().toString());
        assertThat(j.get("configUpdated").asBoolean()).isTrue();
        assertThat(j.get("defaultModel").asString()).isEqualTo("anthropic/claude-opus-4-6");
        assertThat(j.get("customProvider").isNull()).isTrue();
        assertThat(r.out()).doesNotContain("Auth overview");
    }

    @Test
    void json_withAKeyFromArgv_stillHasNoSecret() {
        Result r = h.run(ni("--auth-choice", "openrouter-api-key", "--openrouter-api-key", OR_KEY, "--json"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.all()).doesNotContain(OR_KEY);
        assertThat(r.json().get("profile").get("source").asString()).isEqualTo("argv");
    }
}
