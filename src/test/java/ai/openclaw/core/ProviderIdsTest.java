package ai.openclaw.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderIdsTest {
    @Test
    void normalize_trimsAndLowerCases() {
        assertThat(ProviderIds.normalize("  OpenAI\t")).isEqualTo("openai");
    }

    @Test
    void normalize_nullIsEmpty() {
        assertThat(ProviderIds.normalize(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "z.ai, zai",
            "Z-AI, zai",
            "opencode-zen, opencode",
            "qwen, qwen-portal",
            "' Kimi-Code ', kimi-coding"
    })
    void normalize_foldsHistoricalAliases(String raw, String expected) {
        assertThat(ProviderIds.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void normalize_leavesNonAliasesAlone() {
        assertThat(ProviderIds.normalize("qwen-portal")).isEqualTo("qwen-portal");
        assertThat(ProviderIds.normalize("github-copilot")).isEqualTo("github-copilot");
    }

    @Test
    void ofProfileId_takesThePartBeforeTheFirstColon_normalized() {
        assertThat(ProviderIds.ofProfileId("Anthropic:work:extra")).isEqualTo("anthropic");
        assertThat(ProviderIds.ofProfileId("z.ai:default")).isEqualTo("zai");
        assertThat(ProviderIds.ofProfileId("openai")).isEqualTo("openai");
    }

    @ParameterizedTest
    @CsvSource({
            "google, GEMINI",
            "Google-Vertex, GEMINI",
            "anthropic, ANTHROPIC",
            "github-copilot, GITHUB_COPILOT",
            "z.ai, ZAI",
            "kimi-code, KIMI_CODING"
    })
    void envBase_upperCasesWithUnderscores_andMapsGoogleToGemini(String provider, String expected) {
        assertThat(ProviderIds.envBase(provider)).isEqualTo(expected);
    }
}
