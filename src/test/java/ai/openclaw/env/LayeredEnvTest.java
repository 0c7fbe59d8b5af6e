package ai.openclaw.env;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.env.LayeredEnv.Source;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayeredEnvTest {
    @Test
    void get_treatsEmptyAndBlankValuesAsAbsent() {
        LayeredEnv env = LayeredEnv.ofProcess(Map.of("EMPTY", "", "BLANK", "  ", "SET", "x"));

        assertThat(env.get("EMPTY")).isEmpty();
        assertThat(env.get("BLANK")).isEmpty();
        assertThat(env.get("MISSING")).isEmpty();
        assertThat(env.get("SET")).contains("x");
        assertThat(env.source("BLANK")).isNull();
        assertThat(env.source("SET")).isEqualTo(Source.PROCESS);
    }

    @Test
    void offer_neverOverridesANonBlankValue_butFillsABlankOne() {
        LayeredEnv.Builder builder = LayeredEnv.builder(Map.of("A", "process", "B", ""));

        assertThat(builder.offer("A", "dotenv", Source.DOTENV)).isFalse();
        assertThat(builder.offer("B", "dotenv", Source.DOTENV)).isTrue();
        LayeredEnv env = builder.build();

        assertThat(env.get("A")).contains("process");
        assertThat(env.get("B")).contains("dotenv");
        assertThat(env.source("B")).isEqualTo(Source.DOTENV);
    }

    @Test
    void label_marksShellImportedVariables() {
        LayeredEnv.Builder builder = LayeredEnv.builder(Map.of("OPENAI_API_KEY", "sk-1"));
        builder.offer("ANTHROPIC_API_KEY", "sk-2", Source.SHELL);
        LayeredEnv env = builder.build();

        assertThat(env.label("OPENAI_API_KEY")).isEqualTo("env: OPENAI_API_KEY");
        assertThat(env.label("ANTHROPIC_API_KEY")).isEqualTo("shell env: ANTHROPIC_API_KEY");
        assertThat(env.shellImportedKeys()).containsExactly("ANTHROPIC_API_KEY");
    }

    @Test
    void toString_printsNoNamesOrValues() {
        LayeredEnv env = LayeredEnv.ofProcess(Map.of("OPENAI_API_KEY", "sk-very-secret"));

        assertThat(env.toString()).doesNotContain("sk-very-secret").contains("PROCESS");
    }

    @Test
    void isImmutable_againstLaterChangesOfTheInputMap() {
        Map<String, String> process = new HashMap<>(Map.of("A", "1"));
        LayeredEnv env = LayeredEnv.ofProcess(process);
        process.put("A", "2");

        assertThat(env.get("A")).contains("1");
        assertThat(env.asMap()).isUnmodifiable();
    }
}
