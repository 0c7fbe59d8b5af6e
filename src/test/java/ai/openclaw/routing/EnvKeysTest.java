package ai.openclaw.routing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.env.LayeredEnv;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvKeysTest {
    private static List<String> labels(String provider, Map<String, String> vars) {
        return EnvKeys.collect(provider, LayeredEnv.ofProcess(vars)).stream().map(EnvKeys.EnvKey::variable).toList();
    }

    private static List<String> values(String provider, Map<String, String> vars) {
        return EnvKeys.collect(provider, LayeredEnv.ofProcess(vars)).stream().map(k -> k.value().reveal()).toList();
    }

    @Test
    void order_isListPrimaryThenPrefixedSortedByNameWithNumbersByValue() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("OPENAI_API_KEY_10", "k10");
        vars.put("OPENAI_API_KEY_BACKUP", "kb");
        vars.put("OPENAI_API_KEY_2", "k2");
        vars.put("OPENAI_API_KEY", "primary");
        vars.put("OPENAI_API_KEYS", " l1, l2;l3  l4 ");
        vars.put("OPENAI_API_KEY_1", "k1");
        assertThat(labels("openai", vars)).containsExactly("OPENAI_API_KEYS[1]", "OPENAI_API_KEYS[2]",
                "OPENAI_API_KEYS[3]", "OPENAI_API_KEYS[4]", "OPENAI_API_KEY", "OPENAI_API_KEY_1", "OPENAI_API_KEY_2",
                "OPENAI_API_KEY_10", "OPENAI_API_KEY_BACKUP");
        assertThat(values("openai", vars)).containsExactly("l1", "l2", "l3", "l4", "primary", "k1", "k2", "k10", "kb");
    }

    @Test
    void theLiveOverride_isUsedAlone() {
        assertThat(values("openai", Map.of("OPENCLAW_LIVE_OPENAI_KEY", " live ", "OPENAI_API_KEY", "primary",
                "OPENAI_API_KEYS", "a,b"))).containsExactly("live");
        assertThat(values("openai", Map.of("OPENCLAW_LIVE_OPENAI_KEY", "  ", "OPENAI_API_KEY", "primary")))
                .containsExactly("primary");
    }

    @Test
    void valuesAreTrimmed_blanksDropped_duplicatesKeptOnceInFirstPlace() {
        assertThat(values("openai", Map.of("OPENAI_API_KEYS", "same,,other", "OPENAI_API_KEY", " same ",
                "OPENAI_API_KEY_1", "   "))).containsExactly("same", "other");
    }

    @Test
    void anthropic_readsOpenclawLiveAnthropicKeys_notAnthropicApiKeys() {
        assertThat(labels("anthropic", Map.of("OPENCLAW_LIVE_ANTHROPIC_KEYS", "a1 a2", "ANTHROPIC_API_KEYS", "x",
                "ANTHROPIC_API_KEY", "p"))).containsExactly("OPENCLAW_LIVE_ANTHROPIC_KEYS[1]",
                "OPENCLAW_LIVE_ANTHROPIC_KEYS[2]", "ANTHROPIC_API_KEY");
    }

    @Test
    void google_usesGeminiNames_thenGoogleApiKey() {
        assertThat(labels("google", Map.of("GEMINI_API_KEY", "g", "GOOGLE_API_KEY", "x", "GEMINI_API_KEY_2", "g2")))
                .containsExactly("GEMINI_API_KEY", "GEMINI_API_KEY_2", "GOOGLE_API_KEY");
    }

    @Test
    void otherProviders_useTheirUpperCaseBase() {
        assertThat(labels("my-llm", Map.of("MY_LLM_API_KEY", "k", "OPENCLAW_LIVE_MY_LLM_KEY", "")))
                .containsExactly("MY_LLM_API_KEY");
        assertThat(labels("my-llm", Map.of())).isEmpty();
    }
}
