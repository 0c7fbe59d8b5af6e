package ai.openclaw.cli.onboard;

import ai.openclaw.config.AuthMode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What onboarding can set up. {@link #id()} is the canonical {@code --auth-choice} value; {@link AuthChoices}
 * parses the other spellings OpenClaw accepts.
 */
public enum AuthChoice {
    ANTHROPIC_API_KEY("apiKey", "Anthropic API key", "console.anthropic.com key, billed per token",
            "anthropic", AuthMode.API_KEY, "--anthropic-api-key", "ANTHROPIC_API_KEY", "anthropic/claude-opus-4-6"),
    ANTHROPIC_SETUP_TOKEN("token", "Anthropic setup-token (paste)", "from `claude setup-token`, uses your subscription",
            "anthropic", AuthMode.TOKEN, "--token", "ANTHROPIC_SETUP_TOKEN", "anthropic/claude-opus-4-6"),
    CLAUDE_CLI("anthropic-cli", "Claude CLI login", "sign in with the Claude CLI",
            "anthropic", AuthMode.OAUTH, null, null, null),
    OPENAI_API_KEY("openai-api-key", "OpenAI API key", "platform.openai.com key",
            "openai", AuthMode.API_KEY, "--openai-api-key", "OPENAI_API_KEY", "openai/gpt-5"),
    OPENAI_CODEX("openai-codex", "OpenAI Codex (ChatGPT sign-in)", "browser login with your ChatGPT plan",
            "openai-codex", AuthMode.OAUTH, null, null, null),
    OPENROUTER_API_KEY("openrouter-api-key", "OpenRouter API key", null,
            "openrouter", AuthMode.API_KEY, "--openrouter-api-key", "OPENROUTER_API_KEY", "openrouter/auto"),
    GEMINI_API_KEY("gemini-api-key", "Google Gemini API key", null,
            "google", AuthMode.API_KEY, "--gemini-api-key", "GEMINI_API_KEY", "google/gemini-3-pro-preview"),
    CUSTOM_API_KEY("custom-api-key", "Custom provider", "any OpenAI- or Anthropic-compatible endpoint",
            null, AuthMode.API_KEY, "--custom-api-key", "CUSTOM_API_KEY", null),
    SKIP("skip", "Skip for now", "leave model auth as it is", null, null, null, null, null);

    private final String id;
    private final String label;
    private final String hint;
    private final String provider;
    private final AuthMode mode;
    private final String secretFlag;
    private final String secretEnv;
    private final String suggestedModel;

    AuthChoice(String id, String label, String hint, String provider, AuthMode mode, String secretFlag,
               String secretEnv, String suggestedModel) {
        this.id = id;
        this.label = label;
        this.hint = hint;
        this.provider = provider;
        this.mode = mode;
        this.secretFlag = secretFlag;
        this.secretEnv = secretEnv;
        this.suggestedModel = suggestedModel;
    }

    /** The canonical {@code --auth-choice} value. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** A short explanation for the menu, or null. */
    public String hint() {
        return hint;
    }

    /** The provider the credential is stored for (null for a custom provider, whose id is asked, and skip). */
    public String provider() {
        return provider;
    }

    /** The {@code auth.profiles} mode the choice writes; null for skip. */
    public AuthMode mode() {
        return mode;
    }

    /** The flag that carries the secret, or null when the choice takes none. */
    public String secretFlag() {
        return secretFlag;
    }

    /** The environment variable read when the flag is absent, or null. */
    public String secretEnv() {
        return secretEnv;
    }

    /** The default model proposed after this choice, or null when there is none to propose. */
    public Optional<String> suggestedModel() {
        return Optional.ofNullable(suggestedModel);
    }

    /** The four API-key choices of the built-in providers. */
    public static List<AuthChoice> providerApiKeys() {
        return List.of(ANTHROPIC_API_KEY, OPENAI_API_KEY, OPENROUTER_API_KEY, GEMINI_API_KEY);
    }

    public boolean isProviderApiKey() {
        return providerApiKeys().contains(this);
    }

    /** Canonical ids, for messages. */
    static String ids() {
        return String.join(", ", Arrays.stream(values()).map(AuthChoice::id).toList());
    }
}
