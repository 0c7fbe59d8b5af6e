package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The wizard of {@code openclaw onboard} answered line by line: what a person at a terminal without raw mode, or a
 * script piping answers, goes through (the arrow-key version runs in {@link OnboardTerminalTest}).
 */
class OnboardWizardTest {
    static final String KEY = "sk-ant-api03-wizardwizard-0123456789abcdef";
    static final String OR_KEY = "sk-or-v1-wizardwizard-0123456789abcdef";
    static final String TOKEN = "sk-ant-oat01-" + "w".repeat(60) + "-0123456789";

    @TempDir
    java.nio.file.Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
    }

    private JsonNode profile(String id) {
        return CliHarness.json(h.store("main")).get("profiles").get(id);
    }

    private String primaryModel() {
        return CliHarness.json(h.configPath()).get("agents").get("defaults").get("model").get("primary").asString();
    }

    @Test
    void withoutATerminal_choicesAreNumberedAndAnsweredFromStandardInput() {
        Result r = h.runWithStdin("3\n" + OR_KEY + "\n1\n", "onboard");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Standard input is not a terminal: the answers are read from it, one per line");
        assertThat(r.out()).contains("""
                Model/auth provider:
                  1) Anthropic - API key, setup-token or Claude CLI login
                  2) OpenAI - API key or Codex (ChatGPT sign-in)
                  3) OpenRouter - API key
                  4) Google Gemini - API key
                  5) Custom provider - OpenAI- or Anthropic-compatible endpoint
                  6) Skip for now - leave model auth as it is
                """);
        assertThat(r.out()).contains("Default model:\n  1) openrouter/auto - suggested for this provider\n");
        assertThat(profile("openrouter:default").get("key").asString()).isEqualTo(OR_KEY);
        assertThat(primaryModel()).isEqualTo("openrouter/auto");
        assertThat(r.out()).contains("Auth profile: openrouter:default (openrouter/api_key)")
                .contains("Auth overview").doesNotContain(OR_KEY);
        assertThat(h.lastTerminal().secretPrompts()).containsExactly("Paste OpenRouter API key: ");
    }

    @Test
    void setupToken_isCheckedAndAskedAgain_thenNamedAndGivenAnExpiry() {
        String notASetupToken = "sk-ant-api03-" + "n".repeat(80);
        Result r = h.runInteractive(List.of("1", "2", notASetupToken, TOKEN, "Work Laptop", "30d", "1"), "onboard");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Run `claude setup-token` in another terminal, then paste the token it prints.")
                .contains("Expected token starting with sk-ant-oat01-");
        assertThat(r.all()).doesNotContain(TOKEN).doesNotContain(notASetupToken);
        assertThat(h.lastTerminal().secretPrompts()).containsExactly("Paste Anthropic setup-token: ",
                "Paste Anthropic setup-token: ");
        JsonNode p = profile("anthropic:work-laptop");
        assertThat(p.get("type").asString()).isEqualTo("token");
        assertThat(p.get("token").asString()).isEqualTo(TOKEN);
        assertThat(p.get("expires").asLong()).isEqualTo(h.now() + 30 * 86_400_000L);
        assertThat(CliHarness.json(h.configPath()).get("auth").get("profiles").get("anthropic:work-laptop")
                .get("mode").asString()).isEqualTo("token");
    }

    @Test
    void setupToken_blankNameAndExpiry_meanDefaultProfileWithoutExpiry_andABadDurationIsAskedAgain() {
        Result r = h.runInteractive(List.of("1", "2", TOKEN, "", "soon", "", "1"), "onboard");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Invalid duration (e.g. 365d, 12h, 30m)");
        assertThat(profile("anthropic:default").has("expires")).isFalse();
    }

    @Test
    void quickstart_asksOnlyForTheProviderAndTheKey() {
        Result r = h.runInteractive(List.of("1", "1", KEY), "onboard", "--flow", "quickstart");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(h.lastTerminal().prompts()).containsExactly("Choose 1-6 [1]: ", "Choose 1-3 [1]: ",
                "Paste Anthropic API key: ");
        assertThat(profile("anthropic:default").get("key").asString()).isEqualTo(KEY);
        assertThat(primaryModel()).isEqualTo("anthropic/claude-opus-4-6");
    }

    @Test
    void aKeyInTheEnvironment_isOffered_andUsedWhenAccepted() {
        h.env("ANTHROPIC_API_KEY", KEY);
        Result r = h.runInteractive(List.of("1", "1", "y", "1"), "onboard");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(h.lastTerminal().prompts())
                .contains("Use ANTHROPIC_API_KEY from the environment (sk-ant-a...89abcdef)? [Y/n] ");
        assertThat(h.lastTerminal().secretPrompts()).isEmpty();
        assertThat(profile("anthropic:default").get("key").asString()).isEqualTo(KEY);
        assertThat(r.out()).contains("Key from: env ANTHROPIC_API_KEY").doesNotContain(KEY);
    }

    @Test
    void aKeyInTheEnvironment_canBeDeclined_andThenIsAskedFor() {
        h.env("ANTHROPIC_API_KEY", "sk-ant-api03-notthisone-0123456789");
        Result r = h.runInteractive(List.of("1", "1", "n", KEY, "1"), "onboard");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile("anthropic:default").get("key").asString()).isEqualTo(KEY);
    }

    @Test
    void claudeCliLogin_preselectedByItsDeprecatedName_runsTheLogin_whoseFailureSaysWhatToRunAgain() {
        h.env("PATH", h.root().resolve("no-claude-here").toString());
        Result r = h.runInteractive(List.of("1"), "onboard", "--auth-choice", "claude-cli");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Claude CLI not found");
        assertThat(r.out()).contains("Run `openclaw models auth login --provider anthropic --method cli` to finish this login.");
    }

    @Test
    void customProvider_asksForTheEndpoint_revalidatingABadUrl() {
        Result r = h.runInteractive(List.of("5", "not a url", "http://127.0.0.1:8000/v1/", "2", "qwen", "", "n", "1"),
                "onboard");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("expected an http:// or https:// URL");
        assertThat(h.lastTerminal().prompts()).contains("Provider id [custom-127-0-0-1-8000]: ",
                "Does this endpoint need an API key? [Y/n] ");
        JsonNode p = CliHarness.json(h.configPath()).get("models").get("providers").get("custom-127-0-0-1-8000");
        assertThat(p.get("baseUrl").asString()).isEqualTo("http://127.0.0.1:8000/v1");
        assertThat(p.get("api").asString()).isEqualTo("anthropic-messages");
        assertThat(primaryModel()).isEqualTo("custom-127-0-0-1-8000/qwen");
        assertThat(Files.exists(h.store("main"))).isFalse();
    }

    @Test
    void customProvider_withAKey_storesItUnderTheProvidersDefaultProfile() {
        String key = "sk-custom-wizard-0123456789";
        Result r = h.runInteractive(List.of("5", "https://llm.example.com/v1", "1", "big", "mine", "y", key, "1"),
                "onboard");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(profile("mine:default").get("key").asString()).isEqualTo(key);
        assertThat(CliHarness.read(h.configPath())).doesNotContain(key);
    }

    @Test
    void enteringAModel_isValidated() {
        Result r = h.runInteractive(List.of("6", "2", "nonsense", "openai/gpt-5"), "onboard");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Expected provider/model, e.g. anthropic/claude-opus-4-6")
                .contains("Model auth: skipped (nothing stored).").contains("Default model: openai/gpt-5 (set)");
        assertThat(primaryModel()).isEqualTo("openai/gpt-5");
    }

    @Test
    void theCurrentDefaultModel_isOfferedFirst_andKept() {
        h.writeConfig("{ agents: { defaults: { model: 'anthropic/claude-sonnet-4-6' } } }");
        Result r = h.runInteractive(List.of("3", OR_KEY, "1"), "onboard");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Default model:\n  1) Keep anthropic/claude-sonnet-4-6 - current default\n"
                + "  2) openrouter/auto - suggested for this provider\n");
        assertThat(r.out()).contains("Default model: anthropic/claude-sonnet-4-6 (unchanged)");
    }

    @Test
    void choosingTheSuggestedModel_turnsAShortModelEntryIntoTheObjectForm() {
        h.writeConfig("{ agents: { defaults: { model: 'anthropic/claude-sonnet-4-6', models: { 'anthropic/claude-sonnet-4-6': {} } } } }");
        Result r = h.runInteractive(List.of("3", OR_KEY, "2"), "onboard");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(primaryModel()).isEqualTo("openrouter/auto");
        assertThat(CliHarness.json(h.configPath()).get("agents").get("defaults").get("models").has("openrouter/auto"))
                .as("added to the existing allowlist").isTrue();
    }

    @Test
    void inputEndingBeforeTheLastAnswer_changesNothing() {
        Map<String, String> before = h.snapshot();
        Result r = h.runWithStdin("3\n" + OR_KEY + "\n", "onboard");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Error: the input ended before every question was answered; nothing was changed.");
        assertThat(r.all()).doesNotContain(OR_KEY);
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void flagsAnswerTheirQuestionsInAdvance() {
        Result r = h.runInteractive(List.of(KEY, "1"), "onboard", "--auth-choice", "apiKey", "--anthropic-api-key", "-");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(h.lastTerminal().prompts()).containsExactly("Paste the value for --anthropic-api-key: ",
                "Choose 1-3 [1]: ");
        assertThat(profile("anthropic:default").get("key").asString()).isEqualTo(KEY);
    }
}
