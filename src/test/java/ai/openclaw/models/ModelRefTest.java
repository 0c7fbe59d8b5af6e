package ai.openclaw.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelRefTest {
    @Test
    void parse_splitsAtTheFirstSlash() {
        assertThat(ModelRef.parse("anthropic/claude-opus-4-6")).contains(new ModelRef("anthropic", "claude-opus-4-6"));
    }

    @Test
    void parse_keepsNestedSlashesInTheModel() {
        ModelRef ref = ModelRef.parse("openrouter/moonshotai/kimi-k2").orElseThrow();
        assertThat(ref.provider()).isEqualTo("openrouter");
        assertThat(ref.model()).isEqualTo("moonshotai/kimi-k2");
        assertThat(ref.key()).isEqualTo("openrouter/moonshotai/kimi-k2");
    }

    @Test
    void parse_normalizesTheProviderAndTrimsTheModel() {
        assertThat(ModelRef.parse("  Z.AI/ glm-4.6 ")).contains(new ModelRef("zai", "glm-4.6"));
        assertThat(ModelRef.parse("OpenAI/GPT-5")).contains(new ModelRef("openai", "GPT-5"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "claude-opus-4-6", "/claude", "anthropic/", "anthropic/   ", "  /x", "/"})
    void parse_rejectsRefsWithoutProviderOrModel(String text) {
        assertThat(ModelRef.parse(text)).isEmpty();
    }

    @Test
    void toString_isTheKey() {
        assertThat(new ModelRef("openai", "gpt-5")).hasToString("openai/gpt-5");
    }
}
