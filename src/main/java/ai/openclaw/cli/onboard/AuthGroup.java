package ai.openclaw.cli.onboard;

import java.util.List;

/** The first menu of the wizard: a provider, then (when it has several) one of its methods. */
public enum AuthGroup {
    ANTHROPIC("Anthropic", "API key, setup-token or Claude CLI login",
            List.of(AuthChoice.ANTHROPIC_API_KEY, AuthChoice.ANTHROPIC_SETUP_TOKEN, AuthChoice.CLAUDE_CLI)),
    OPENAI("OpenAI", "API key or Codex (ChatGPT sign-in)",
            List.of(AuthChoice.OPENAI_API_KEY, AuthChoice.OPENAI_CODEX)),
    OPENROUTER("OpenRouter", "API key", List.of(AuthChoice.OPENROUTER_API_KEY)),
    GEMINI("Google Gemini", "API key", List.of(AuthChoice.GEMINI_API_KEY)),
    CUSTOM("Custom provider", "OpenAI- or Anthropic-compatible endpoint", List.of(AuthChoice.CUSTOM_API_KEY)),
    SKIP("Skip for now", "leave model auth as it is", List.of(AuthChoice.SKIP));

    private final String label;
    private final String hint;
    private final List<AuthChoice> choices;

    AuthGroup(String label, String hint, List<AuthChoice> choices) {
        this.label = label;
        this.hint = hint;
        this.choices = choices;
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }

    public List<AuthChoice> choices() {
        return choices;
    }
}
