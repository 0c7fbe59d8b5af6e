package ai.openclaw.core;

import java.util.Locale;
import java.util.Map;

/** Provider id normalization: trimmed, lower-cased, with OpenClaw's historical aliases folded. */
public final class ProviderIds {
    private static final Map<String, String> ALIASES = Map.of(
            "z.ai", "zai",
            "z-ai", "zai",
            "opencode-zen", "opencode",
            "qwen", "qwen-portal",
            "kimi-code", "kimi-coding");

    private ProviderIds() {}

    public static String normalize(String provider) {
        if (provider == null) {
            return "";
        }
        String p = provider.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(p, p);
    }

    /** The provider part of a profile id ({@code anthropic:work} gives {@code anthropic}). */
    public static String ofProfileId(String profileId) {
        int colon = profileId.indexOf(':');
        return normalize(colon < 0 ? profileId : profileId.substring(0, colon));
    }

    /**
     * The upper-case environment base name of a provider: {@code google} uses {@code GEMINI}, otherwise
     * the id upper-cased with dashes turned into underscores.
     */
    public static String envBase(String provider) {
        String p = normalize(provider);
        if (p.equals("google") || p.equals("google-vertex")) {
            return "GEMINI";
        }
        return p.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
