package ai.openclaw.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelRequestParserTest {
    @ParameterizedTest(name = "{0} -> model {1}, profile {2}")
    @CsvSource(nullValues = "-", value = {
            "openrouter/moonshotai/kimi-k2@work, openrouter/moonshotai/kimi-k2, work",
            "claude-3-5-sonnet@20240620@work,    claude-3-5-sonnet@20240620,    work",
            "claude-3-5-sonnet@20240620,         claude-3-5-sonnet@20240620,    -",
            "vertex/claude-3-5-sonnet@20240620,  vertex/claude-3-5-sonnet@20240620, -",
            "model@v2,                           model@v2,                      -",
            "model@1.2.3,                        model@1.2.3,                   -",
            "model@2024,                         model@2024,                    -",
            "model@v2@work,                      model@v2,                      work",
            "ollama/llama3@q4,                   ollama/llama3@q4,              -",
            "ollama/llama3@iq3_xs,               ollama/llama3@iq3_xs,          -",
            "mlx/qwen@8bit,                      mlx/qwen@8bit,                 -",
            "ollama/llama3@q4@home,              ollama/llama3@q4,              home",
            "Opus@anthropic:work,                Opus,                          anthropic:work",
            "gpt-4o@openai:me@example.com,       gpt-4o,                        openai:me@example.com",
            "team@x/model@work,                  team@x/model,                  work",
            "team@x/model,                       team@x/model,                  -",
            "'  gpt-4o @ work  ',                gpt-4o,                        work",
            "model@,                             model@,                        -",
    })
    void splitsTheProfileAfterTheLastSlash(String text, String model, String profile) {
        assertThat(ModelRequestParser.parse(text)).isEqualTo(new ModelRequest(model, profile));
    }

    @Test
    void aProfileWithoutAModel_isRejectedWithAHint() {
        assertThatThrownBy(() -> ModelRequestParser.parse("@x"))
                .isInstanceOfSatisfying(ModelSelectionException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("model_required");
                    assertThat(e.getMessage()).contains("requires a model selection").contains("GET /v1/models");
                });
    }

    @Test
    void aBlankModel_isRejected() {
        assertThatThrownBy(() -> ModelRequestParser.parse("  "))
                .isInstanceOfSatisfying(ModelSelectionException.class,
                        e -> assertThat(e.code()).isEqualTo("model_not_found"));
    }
}
