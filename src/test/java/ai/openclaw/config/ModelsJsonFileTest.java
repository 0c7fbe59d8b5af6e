package ai.openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.json.MalformedFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsJsonFileTest {
    @TempDir
    Path agentDir;

    @Test
    void read_missingFile_isEmpty() {
        ModelsJsonFile file = ModelsJsonFile.read(agentDir);

        assertThat(file.exists()).isFalse();
        assertThat(file.providers()).isEmpty();
        assertThat(file.apiKeys()).isEmpty();
    }

    @Test
    void read_providers_withKeysAndMarkers_keyedByNormalizedId() throws Exception {
        Files.writeString(agentDir.resolve("models.json"), """
                {
                  "providers": {
                    "OpenAI": { "apiKey": "OPENAI_API_KEY", "baseUrl": "https://api.openai.test/v1", "api": "openai-responses", "models": [] },
                    "custom": { "apiKey": "sk-plain-123" },
                    "nokey": { "baseUrl": "http://localhost:1" }
                  }
                }
                """);

        ModelsJsonFile file = ModelsJsonFile.read(agentDir);

        assertThat(file.exists()).isTrue();
        assertThat(file.providers()).containsOnlyKeys("openai", "custom", "nokey");
        assertThat(file.providers().get("openai").id()).isEqualTo("OpenAI");
        assertThat(file.providers().get("openai").api()).isEqualTo("openai-responses");
        assertThat(file.apiKeys()).containsOnlyKeys("openai", "custom").containsEntry("openai", "OPENAI_API_KEY");
        assertThat(file.providers().get("custom").toString()).doesNotContain("sk-plain-123");
    }

    @Test
    void read_isStrictJson_json5IsRejectedWithPosition() throws Exception {
        Path path = agentDir.resolve("models.json");
        Files.writeString(path, "{\n  providers: {}\n}");

        assertThatThrownBy(() -> ModelsJsonFile.read(agentDir))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(path + ":2:");
    }

    @Test
    void read_wrongShape_isConfigExceptionWithPath() throws Exception {
        Files.writeString(agentDir.resolve("models.json"), "{\"providers\": {\"x\": {\"apiKey\": 5}}}");

        assertThatThrownBy(() -> ModelsJsonFile.read(agentDir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":1:32: providers.x.apiKey: expected a string");
    }
}
