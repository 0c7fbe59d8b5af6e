package ai.openclaw.providers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.config.ModelsConfig;
import ai.openclaw.config.ProviderConfig;
import ai.openclaw.config.SecretInput;
import ai.openclaw.json.Json;
import ai.openclaw.secrets.SecretRef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderCatalogTest {
    private static ProviderConfig provider(String id, String baseUrl, String api, SecretInput apiKey,
            Map<String, SecretInput> headers, Boolean authHeader, Integer timeoutSeconds) {
        return new ProviderConfig(id, baseUrl, api, apiKey, null, headers, authHeader, timeoutSeconds, List.of(),
                Json.object());
    }

    private static ProviderCatalog catalog(ModelsConfig.Mode mode, ProviderConfig... providers) {
        Map<String, ProviderConfig> map = new LinkedHashMap<>();
        for (ProviderConfig p : providers) {
            map.put(p.id().toLowerCase(), p);
        }
        return new ProviderCatalog(new ModelsConfig(mode, map));
    }

    private static ProviderCatalog empty() {
        return new ProviderCatalog(ModelsConfig.EMPTY);
    }

    @Test
    void builtIns_haveTheDocumentedDefaults() {
        ProviderCatalog c = empty();
        assertThat(c.endpoint("openai")).get().satisfies(e -> {
            assertThat(e.baseUrl()).isEqualTo("https://api.openai.com/v1");
            assertThat(e.api()).isEqualTo(ApiKind.OPENAI_COMPLETIONS);
            assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(120));
            assertThat(e.local()).isFalse();
            assertThat(e.authHeader()).isFalse();
            assertThat(e.headers()).isEmpty();
        });
        assertThat(c.endpoint("anthropic")).get().satisfies(e -> {
            assertThat(e.baseUrl()).isEqualTo("https://api.anthropic.com");
            assertThat(e.api()).isEqualTo(ApiKind.ANTHROPIC_MESSAGES);
        });
        Map<String, String> expected = Map.of(
                "openrouter", "https://openrouter.ai/api/v1",
                "groq", "https://api.groq.com/openai/v1",
                "mistral", "https://api.mistral.ai/v1",
                "deepseek", "https://api.deepseek.com/v1",
                "xai", "https://api.x.ai/v1",
                "together", "https://api.together.xyz/v1",
                "google", "https://generativelanguage.googleapis.com/v1beta/openai");
        expected.forEach((id, url) -> assertThat(c.endpoint(id)).get().satisfies(e -> {
            assertThat(e.baseUrl()).isEqualTo(url);
            assertThat(e.api()).isEqualTo(ApiKind.OPENAI_COMPLETIONS);
            assertThat(e.local()).isFalse();
        }));
        assertThat(c.endpoint("cerebras")).isPresent();
        assertThat(c.endpoint("moonshot")).isPresent();
    }

    @Test
    void localServers_areLocalWithoutAKey() {
        ProviderCatalog c = empty();
        assertThat(c.endpoint("ollama")).get().satisfies(e -> {
            assertThat(e.baseUrl()).isEqualTo("http://127.0.0.1:11434/v1");
            assertThat(e.local()).isTrue();
        });
        assertThat(c.endpoint("vllm").orElseThrow().baseUrl()).isEqualTo("http://127.0.0.1:8000/v1");
        assertThat(c.endpoint("lmstudio").orElseThrow().baseUrl()).isEqualTo("http://127.0.0.1:1234/v1");
        assertThat(c.endpoint("vllm").orElseThrow().local()).isTrue();
    }

    @Test
    void aConfiguredKey_makesALocalServerNonLocal() {
        ProviderCatalog c = catalog(ModelsConfig.Mode.MERGE,
                provider("ollama", null, null, new SecretInput.Plain("k"), Map.of(), null, null));
        assertThat(c.endpoint("ollama").orElseThrow().local()).isFalse();
        assertThat(c.endpoint("ollama").orElseThrow().baseUrl()).isEqualTo("http://127.0.0.1:11434/v1");
    }

    @Test
    void configOverridesFields_andKeepsTheRest() {
        ProviderConfig openai = provider("openai", "https://proxy.example.com/openai/v1/", null, null,
                Map.of("x-org", new SecretInput.Plain("acme")), null, 30);
        ProviderConfig anthropic = provider("anthropic", null, null, null, Map.of(), true, null);
        ProviderCatalog c = catalog(ModelsConfig.Mode.MERGE, openai, anthropic);
        ProviderEndpoint o = c.endpoint("openai").orElseThrow();
        assertThat(o.baseUrl()).as("trailing slash dropped").isEqualTo("https://proxy.example.com/openai/v1");
        assertThat(o.api()).isEqualTo(ApiKind.OPENAI_COMPLETIONS);
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.headers()).containsOnlyKeys("x-org");
        ProviderEndpoint a = c.endpoint("anthropic").orElseThrow();
        assertThat(a.baseUrl()).isEqualTo("https://api.anthropic.com");
        assertThat(a.api()).isEqualTo(ApiKind.ANTHROPIC_MESSAGES);
        assertThat(a.authHeader()).isTrue();
    }

    @Test
    void configMayChangeTheApiOfABuiltIn() {
        ProviderCatalog c = catalog(ModelsConfig.Mode.MERGE,
                provider("openrouter", null, "anthropic-messages", null, Map.of(), null, null));
        assertThat(c.endpoint("openrouter").orElseThrow().api()).isEqualTo(ApiKind.ANTHROPIC_MESSAGES);
    }

    @Test
    void customProvider_defaultsToOpenAiCompletions_andIsAdded() {
        ProviderCatalog c = catalog(ModelsConfig.Mode.MERGE,
                provider("my-llm", "http://10.1.2.3:8080/v1", null, null, Map.of(), null, null),
                provider("corp", "https://llm.corp.example/anthropic", "anthropic-messages",
                        new SecretInput.Ref(SecretRef.env("CORP_KEY")), Map.of(), null, null));
        ProviderEndpoint mine = c.endpoint("my-llm").orElseThrow();
        assertThat(mine.api()).isEqualTo(ApiKind.OPENAI_COMPLETIONS);
        assertThat(mine.local()).as("private address, no key").isTrue();
        ProviderEndpoint corp = c.endpoint("corp").orElseThrow();
        assertThat(corp.api()).isEqualTo(ApiKind.ANTHROPIC_MESSAGES);
        assertThat(corp.local()).isFalse();
        assertThat(c.knownProviders()).endsWith("my-llm", "corp").startsWith("openai", "anthropic");
    }

    @Test
    void customProviderWithoutBaseUrl_hasNoEndpoint_andSaysWhy() {
        ProviderCatalog c = catalog(ModelsConfig.Mode.MERGE,
                provider("nobase", null, null, new SecretInput.Plain("k"), Map.of(), null, null));
        assertThat(c.endpoint("nobase")).isEmpty();
        assertThat(c.problem("nobase")).get().asString().contains("models.providers.nobase.baseUrl");
        assertThat(c.knownProviders()).contains("nobase");
    }

    @Test
    void unsupportedApi_hasNoEndpoint_andSaysWhy() {
        ProviderCatalog c = catalog(ModelsConfig.Mode.MERGE,
                provider("openai", null, "openai-responses", null, Map.of(), null, null));
        assertThat(c.endpoint("openai")).isEmpty();
        assertThat(c.problem("openai")).get().asString()
                .contains("openai-responses").contains("openai-completions, anthropic-messages");
    }

    @Test
    void unknownProvider_isEmpty_andProblemListsKnownOnes() {
        ProviderCatalog c = empty();
        assertThat(c.endpoint("nope")).isEmpty();
        assertThat(c.problem("nope")).get().asString().contains("Unknown provider \"nope\"").contains("openai");
        assertThat(c.problem("openai")).isEmpty();
    }

    @Test
    void lookupsNormaliseTheId() {
        ProviderCatalog c = empty();
        assertThat(c.endpoint(" OpenAI ")).get().extracting(ProviderEndpoint::provider).isEqualTo("openai");
    }

    @Test
    void replaceMode_hidesUnconfiguredBuiltIns_butConfiguredOnesKeepDefaults() {
        ProviderCatalog c = catalog(ModelsConfig.Mode.REPLACE,
                provider("anthropic", null, null, null, Map.of(), null, null),
                provider("local", "http://localhost:9000/v1", null, null, Map.of(), null, null));
        assertThat(c.knownProviders()).containsExactly("anthropic", "local");
        assertThat(c.endpoint("openai")).isEmpty();
        assertThat(c.problem("openai")).get().asString().contains("replace");
        assertThat(c.endpoint("anthropic").orElseThrow().baseUrl()).isEqualTo("https://api.anthropic.com");
        assertThat(c.endpoint("local").orElseThrow().local()).isTrue();
    }

    @Test
    void knownProviders_listsBuiltInsInCatalogOrder() {
        assertThat(empty().knownProviders()).containsExactly("openai", "anthropic", "openrouter", "groq", "mistral",
                "deepseek", "xai", "together", "google", "cerebras", "moonshot", "ollama", "vllm", "lmstudio");
        assertThat(ProviderCatalog.builtInProviders()).isEqualTo(empty().knownProviders());
    }
}
