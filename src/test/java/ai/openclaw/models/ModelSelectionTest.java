package ai.openclaw.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSelectionTest {
    private static Map<String, String> entries(String... keysAndAliases) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndAliases.length; i += 2) {
            m.put(keysAndAliases[i], keysAndAliases[i + 1]);
        }
        return m;
    }

    @Test
    void primaryAbsent_usesTheBuiltInDefault() {
        ModelSelection s = ModelSelection.resolve(null, List.of(), Map.of());
        assertThat(s.primary()).isEqualTo(ModelSelection.BUILT_IN_DEFAULT);
        assertThat(s.primary().key()).isEqualTo("anthropic/claude-opus-4-6");
        assertThat(s.primaryRaw()).isNull();
        assertThat(s.problems()).isEmpty();
        assertThat(ModelSelection.resolve("  ", List.of(), Map.of()).primary())
                .isEqualTo(ModelSelection.BUILT_IN_DEFAULT);
    }

    @Test
    void primary_providerSlashModelIsUsedAsIs() {
        ModelSelection s = ModelSelection.resolve("openai/gpt-5", List.of(), Map.of());
        assertThat(s.primary()).isEqualTo(new ModelRef("openai", "gpt-5"));
        assertThat(s.primaryRaw()).isEqualTo("openai/gpt-5");
    }

    @Test
    void aliases_areMatchedCaseInsensitively() {
        ModelSelection s = ModelSelection.resolve("OPUS", List.of("Sonnet"),
                entries("anthropic/claude-opus-4-6", "opus", "anthropic/claude-sonnet-4-5", "sonnet"));
        assertThat(s.primary()).isEqualTo(new ModelRef("anthropic", "claude-opus-4-6"));
        assertThat(s.fallbacks()).containsExactly(new ModelRef("anthropic", "claude-sonnet-4-5"));
        assertThat(s.aliases()).containsEntry("opus", "anthropic/claude-opus-4-6");
    }

    @Test
    void aliasTargets_areNormalizedModelKeys() {
        ModelSelection s = ModelSelection.resolve("fast", List.of(), entries("Z.AI/glm-4.6", "fast"));
        assertThat(s.primary()).isEqualTo(new ModelRef("zai", "glm-4.6"));
        assertThat(s.allowed()).containsExactly("zai/glm-4.6");
    }

    @Test
    void bareModelId_resolvesToTheDefaultProvider() {
        ModelSelection s = ModelSelection.resolve("claude-sonnet-4-5", List.of(), Map.of());
        assertThat(s.primary()).isEqualTo(new ModelRef("anthropic", "claude-sonnet-4-5"));
    }

    @Test
    void bareFallbackId_resolvesToThePrimarysProvider() {
        ModelSelection s = ModelSelection.resolve("openai/gpt-5", List.of("gpt-5-mini"), Map.of());
        assertThat(s.fallbacks()).containsExactly(new ModelRef("openai", "gpt-5-mini"));
    }

    @Test
    void fallbacks_areDeduplicatedKeepingFirstOccurrence() {
        ModelSelection s = ModelSelection.resolve("anthropic/claude-opus-4-6",
                List.of("openai/gpt-5", "OpenAI/gpt-5", "google/gemini-2.5-pro", " openai/gpt-5 "), Map.of());
        assertThat(s.fallbacks()).containsExactly(new ModelRef("openai", "gpt-5"),
                new ModelRef("google", "gemini-2.5-pro"));
    }

    @Test
    void invalidPrimary_isAProblem_andTheBuiltInDefaultApplies() {
        ModelSelection s = ModelSelection.resolve("openai/", List.of(), Map.of());
        assertThat(s.primary()).isEqualTo(ModelSelection.BUILT_IN_DEFAULT);
        assertThat(s.primaryRaw()).isEqualTo("openai/");
        assertThat(s.problems()).singleElement().asString().contains("default model", "\"openai/\"");
    }

    @Test
    void invalidFallbacks_areProblems_andAreSkipped() {
        ModelSelection s = ModelSelection.resolve("openai/gpt-5", List.of("/x", "openai/gpt-5-mini", " "), Map.of());
        assertThat(s.fallbacks()).containsExactly(new ModelRef("openai", "gpt-5-mini"));
        assertThat(s.problems()).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("fallback model"));
        assertThat(s.problems().getFirst()).contains("\"/x\"");
    }

    @Test
    void inUse_isPrimaryThenFallbacks_withoutRepeatingThePrimary() {
        ModelSelection s = ModelSelection.resolve("openai/gpt-5",
                List.of("anthropic/claude-sonnet-4-5", "openai/gpt-5", "google/gemini-2.5-pro"), Map.of());
        assertThat(s.inUse()).extracting(ModelRef::key).containsExactly("openai/gpt-5",
                "anthropic/claude-sonnet-4-5", "google/gemini-2.5-pro");
    }

    @Test
    void allowed_listsTheModelEntriesInOrder() {
        ModelSelection s = ModelSelection.resolve(null, List.of(),
                entries("openai/gpt-5", null, "anthropic/claude-opus-4-6", "opus", "not-a-ref", null));
        assertThat(s.allowed()).containsExactly("openai/gpt-5", "anthropic/claude-opus-4-6", "not-a-ref");
        assertThat(s.aliases()).containsOnlyKeys("opus");
    }
}
