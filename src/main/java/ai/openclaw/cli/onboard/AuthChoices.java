package ai.openclaw.cli.onboard;

import java.util.Locale;

/**
 * Parses {@code --auth-choice}. Non-interactive onboarding refuses the choices that need a person, with
 * OpenClaw's messages; the wizard accepts the older spellings as aliases.
 */
final class AuthChoices {
    private AuthChoices() {}

    /** The choice for {@code --non-interactive}, or an error saying why it cannot run there. Null stays null. */
    static AuthChoice forNonInteractive(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        return switch (v) {
            case "claude-cli", "codex-cli" -> throw new OnboardException(
                    "Auth choice \"" + v + "\" is deprecated.",
                    "Use \"--auth-choice token\" (Anthropic setup-token) or \"--auth-choice openai-codex\".");
            case "setup-token" -> throw new OnboardException(
                    "Auth choice \"setup-token\" requires interactive mode.",
                    "Use \"--auth-choice token\" with --token and --token-provider anthropic.");
            case "oauth", "chutes", "openai-codex", "qwen-portal", "minimax-portal" ->
                    throw new OnboardException("OAuth requires interactive mode.");
            case "anthropic-cli" -> throw new OnboardException(
                    "Auth choice \"anthropic-cli\" requires interactive mode.",
                    "Use \"--auth-choice apiKey\" or \"--auth-choice token\" in scripts.");
            case "apiKey", "anthropic-api-key" -> AuthChoice.ANTHROPIC_API_KEY;
            case "token" -> AuthChoice.ANTHROPIC_SETUP_TOKEN;
            default -> common(v, "apiKey, token, openai-api-key, openrouter-api-key, gemini-api-key, "
                    + "custom-api-key, skip");
        };
    }

    /** The choice the wizard starts with, accepting the deprecated and OAuth spellings. Null stays null. */
    static AuthChoice forInteractive(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        return switch (v) {
            case "apiKey", "anthropic-api-key" -> AuthChoice.ANTHROPIC_API_KEY;
            case "token", "setup-token", "oauth" -> AuthChoice.ANTHROPIC_SETUP_TOKEN;
            case "anthropic-cli", "claude-cli" -> AuthChoice.CLAUDE_CLI;
            case "openai-codex", "codex-cli" -> AuthChoice.OPENAI_CODEX;
            default -> common(v, AuthChoice.ids() + ", setup-token");
        };
    }

    private static AuthChoice common(String v, String known) {
        return switch (v) {
            case "openai-api-key" -> AuthChoice.OPENAI_API_KEY;
            case "openrouter-api-key" -> AuthChoice.OPENROUTER_API_KEY;
            case "gemini-api-key" -> AuthChoice.GEMINI_API_KEY;
            case "custom-api-key" -> AuthChoice.CUSTOM_API_KEY;
            case "skip" -> AuthChoice.SKIP;
            default -> throw new OnboardException(
                    "Unknown --auth-choice " + shown(v) + ".",
                    "Use one of: " + known + ".");
        };
    }

    /**
     * The value quoted, unless it is long enough to be a key pasted into the wrong flag: an error message must
     * never repeat a secret.
     */
    private static String shown(String v) {
        return v.length() <= 32 && v.toLowerCase(Locale.ROOT).matches("[a-z0-9._-]*")
                ? "\"" + v + "\"" : "(value not shown)";
    }
}
