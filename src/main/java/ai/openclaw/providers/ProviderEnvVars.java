package ai.openclaw.providers;

import ai.openclaw.core.ProviderIds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The environment variables that carry a provider's credential, in the order they are consulted. Known providers
 * have their documented names; any other provider {@code p} uses {@code <P>_API_KEY} with {@code P} upper-cased and
 * dashes turned into underscores. {@code OPENCLAW_LIVE_<P>_KEY}, the single live override, always comes first.
 */
public final class ProviderEnvVars {
    private static final Map<String, List<String>> KNOWN = Map.ofEntries(
            Map.entry("anthropic", List.of("ANTHROPIC_OAUTH_TOKEN", "ANTHROPIC_API_KEY")),
            Map.entry("openai", List.of("OPENAI_API_KEY")),
            Map.entry("google", List.of("GEMINI_API_KEY", "GOOGLE_API_KEY")),
            Map.entry("google-vertex", List.of("GEMINI_API_KEY", "GOOGLE_API_KEY")),
            Map.entry("openrouter", List.of("OPENROUTER_API_KEY")),
            Map.entry("groq", List.of("GROQ_API_KEY")),
            Map.entry("mistral", List.of("MISTRAL_API_KEY")),
            Map.entry("xai", List.of("XAI_API_KEY")),
            Map.entry("deepseek", List.of("DEEPSEEK_API_KEY")),
            Map.entry("together", List.of("TOGETHER_API_KEY")),
            Map.entry("cerebras", List.of("CEREBRAS_API_KEY")),
            Map.entry("zai", List.of("ZAI_API_KEY", "Z_AI_API_KEY")),
            Map.entry("moonshot", List.of("MOONSHOT_API_KEY")),
            Map.entry("github-copilot", List.of("COPILOT_GITHUB_TOKEN", "GH_TOKEN", "GITHUB_TOKEN")),
            Map.entry("openai-codex", List.of()));

    /** Providers whose env keys {@code models status} looks for even when nothing else mentions them. */
    public static final List<String> SCANNED = List.of("anthropic", "github-copilot", "google-vertex", "openai",
            "google", "groq", "cerebras", "xai", "openrouter", "zai", "mistral", "deepseek", "together", "moonshot");

    private ProviderEnvVars() {}

    public static List<String> candidates(String provider) {
        String p = ProviderIds.normalize(provider);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add("OPENCLAW_LIVE_" + ProviderIds.envBase(p) + "_KEY");
        List<String> known = KNOWN.get(p);
        names.addAll(known != null ? known : List.of(ProviderIds.envBase(p) + "_API_KEY"));
        return new ArrayList<>(names);
    }

    private static final java.util.regex.Pattern ENV_NAME = java.util.regex.Pattern.compile("^[A-Z][A-Z0-9_]{0,127}$");

    /** True when {@code value} has the shape of an environment variable name ({@code OPENAI_API_KEY}). */
    public static boolean isEnvVarName(String value) {
        return ENV_NAME.matcher(value).matches();
    }

    /**
     * True when a configured {@code apiKey} value names an environment variable rather than being a key: an upper-case
     * name with an underscore ({@code OPENAI_API_KEY}); keys never look like that.
     */
    public static boolean isEnvVarMarker(String value) {
        return isEnvVarName(value) && value.contains("_");
    }

    /** True when the name is an env var that carries an OAuth token rather than an API key. */
    public static boolean isOAuthVar(String name) {
        return name.contains("OAUTH_TOKEN");
    }
}
