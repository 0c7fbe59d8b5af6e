package ai.openclaw.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.config.SecretInput;
import ai.openclaw.core.Secret;
import ai.openclaw.providers.ApiKind;
import ai.openclaw.providers.ProviderEndpoint;
import ai.openclaw.routing.CredentialCandidate;
import ai.openclaw.routing.CredentialSource;
import ai.openclaw.secrets.Resolution;
import ai.openclaw.secrets.SecretRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamRequestFactoryTest {
    private static final byte[] BODY = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);
    private static final SecretRef ORG_REF = new SecretRef(SecretRef.Source.ENV, "default", "ORG_ID");
    private static final SecretRef MISSING_REF = new SecretRef(SecretRef.Source.ENV, "default", "NOT_SET");

    private final UpstreamRequestFactory factory = new UpstreamRequestFactory(ref -> ref.equals(ORG_REF)
            ? new Resolution.Resolved(Secret.of("org-42"))
            : new Resolution.Failed(ref, "Environment variable \"" + ref.id() + "\" is missing or empty (ref: "
                    + ref.key() + ")."));

    private static ProviderEndpoint endpoint(ApiKind api, String baseUrl, Map<String, SecretInput> headers,
            boolean authHeader) {
        return new ProviderEndpoint("p", baseUrl, api, headers, authHeader, Duration.ofSeconds(45), false);
    }

    private static CredentialCandidate key(String value) {
        return new CredentialCandidate(new CredentialSource.Profile("p:default"), Secret.of(value));
    }

    @Test
    void openAi_bearer_jsonHeaders_andUrlWithChatCompletions() {
        UpstreamRequest r = factory.build(endpoint(ApiKind.OPENAI_COMPLETIONS, "https://api.openai.com/v1/", Map.of(),
                false), key("sk-test-123456"), BODY, false);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.uri()).hasToString("https://api.openai.com/v1/chat/completions");
        assertThat(r.headers().first("authorization")).contains("Bearer sk-test-123456");
        assertThat(r.headers().first("content-type")).contains("application/json");
        assertThat(r.headers().first("accept")).contains("application/json");
        assertThat(r.headers().first("accept-encoding")).contains("identity");
        assertThat(r.headers().contains("x-api-key")).isFalse();
        assertThat(r.headers().contains("anthropic-version")).isFalse();
        assertThat(r.body()).isEqualTo(BODY);
        assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(r.stream()).isFalse();
    }

    @Test
    void streaming_asksForEventStream() {
        UpstreamRequest r = factory.build(endpoint(ApiKind.OPENAI_COMPLETIONS, "http://h/v1", Map.of(), false),
                key("k-123456"), BODY, true);
        assertThat(r.headers().first("accept")).contains("text/event-stream");
        assertThat(r.stream()).isTrue();
    }

    @Test
    void anthropicApiKey_xApiKey_andVersion() {
        UpstreamRequest r = factory.build(endpoint(ApiKind.ANTHROPIC_MESSAGES, "https://api.anthropic.com", Map.of(),
                false), key("sk-ant-api03-abcdef"), BODY, false);
        assertThat(r.uri()).hasToString("https://api.anthropic.com/v1/messages");
        assertThat(r.headers().first("x-api-key")).contains("sk-ant-api03-abcdef");
        assertThat(r.headers().first("anthropic-version")).contains("2023-06-01");
        assertThat(r.headers().contains("authorization")).isFalse();
        assertThat(r.headers().contains("anthropic-beta")).isFalse();
    }

    @Test
    void anthropicOAuthToken_bearer_withOAuthBeta_andNoXApiKey() {
        Map<String, SecretInput> headers = new LinkedHashMap<>();
        headers.put("x-api-key", new SecretInput.Plain("configured-key"));
        headers.put("anthropic-beta", new SecretInput.Plain("prompt-caching-2024-07-31"));
        UpstreamRequest r = factory.build(endpoint(ApiKind.ANTHROPIC_MESSAGES, "https://api.anthropic.com", headers,
                false), key("sk-ant-oat01-token"), BODY, true);
        assertThat(r.headers().first("authorization")).contains("Bearer sk-ant-oat01-token");
        assertThat(r.headers().contains("x-api-key")).isFalse();
        assertThat(r.headers().first("anthropic-beta")).contains("oauth-2025-04-20,prompt-caching-2024-07-31");
        assertThat(r.headers().first("anthropic-version")).contains("2023-06-01");
        assertThat(r.headers().all("authorization")).hasSize(1);
    }

    @Test
    void anthropicAuthHeaderTrue_bearerWithoutXApiKey_andWithoutOAuthBeta() {
        UpstreamRequest r = factory.build(endpoint(ApiKind.ANTHROPIC_MESSAGES, "https://llm.corp/anthropic", Map.of(),
                true), key("corp-key-123"), BODY, false);
        assertThat(r.uri()).hasToString("https://llm.corp/anthropic/v1/messages");
        assertThat(r.headers().first("authorization")).contains("Bearer corp-key-123");
        assertThat(r.headers().contains("x-api-key")).isFalse();
        assertThat(r.headers().contains("anthropic-beta")).isFalse();
        assertThat(r.headers().first("anthropic-version")).contains("2023-06-01");
    }

    @Test
    void anthropicVersion_configuredHeaderWins() {
        UpstreamRequest r = factory.build(endpoint(ApiKind.ANTHROPIC_MESSAGES, "https://a", Map.of(
                "Anthropic-Version", new SecretInput.Plain("2099-01-01")), false), key("sk-ant-api03-x"), BODY, false);
        assertThat(r.headers().all("anthropic-version")).containsExactly("2099-01-01");
    }

    @Test
    void noKeyCandidate_sendsNoCredential() {
        CredentialCandidate none = new CredentialCandidate(new CredentialSource.NoKey(), null);
        UpstreamRequest openai = factory.build(endpoint(ApiKind.OPENAI_COMPLETIONS, "http://127.0.0.1:11434/v1",
                Map.of(), false), none, BODY, false);
        assertThat(openai.headers().contains("authorization")).isFalse();
        UpstreamRequest anthropic = factory.build(endpoint(ApiKind.ANTHROPIC_MESSAGES, "http://127.0.0.1:9/x",
                Map.of(), false), none, BODY, false);
        assertThat(anthropic.headers().names()).doesNotContain("authorization", "x-api-key")
                .contains("anthropic-version");
        assertThat(factory.build(endpoint(ApiKind.OPENAI_COMPLETIONS, "http://h/v1", Map.of(), false), null, BODY,
                false).headers().contains("authorization")).isFalse();
    }

    @Test
    void endpointHeaders_plainAndSecretRef_areSent() {
        Map<String, SecretInput> headers = new LinkedHashMap<>();
        headers.put("OpenAI-Organization", new SecretInput.Ref(ORG_REF));
        headers.put("x-title", new SecretInput.Plain("OpenClaw"));
        UpstreamRequest r = factory.build(endpoint(ApiKind.OPENAI_COMPLETIONS, "https://h/v1", headers, false),
                key("sk-abcdefgh"), BODY, false);
        assertThat(r.headers().first("openai-organization")).contains("org-42");
        assertThat(r.headers().first("X-Title")).contains("OpenClaw");
    }

    @Test
    void unresolvableHeaderRef_failsNamingHeaderAndRef() {
        ProviderEndpoint e = endpoint(ApiKind.OPENAI_COMPLETIONS, "https://h/v1",
                Map.of("x-org", new SecretInput.Ref(MISSING_REF)), false);
        assertThatThrownBy(() -> factory.build(e, key("sk-abcdefgh"), BODY, false))
                .isInstanceOf(UpstreamRequestException.class)
                .hasMessageContaining("\"x-org\"")
                .hasMessageContaining("env:default:NOT_SET")
                .hasMessageContaining("models.providers.p.headers")
                .hasMessageNotContaining("sk-abcdefgh");
    }

    @Test
    void headerValueWithLineBreak_isRejected() {
        ProviderEndpoint e = endpoint(ApiKind.OPENAI_COMPLETIONS, "https://h/v1",
                Map.of("x-evil", new SecretInput.Plain("a\r\nx-injected: 1")), false);
        assertThatThrownBy(() -> factory.build(e, key("sk-abcdefgh"), BODY, false))
                .isInstanceOf(UpstreamRequestException.class).hasMessageContaining("x-evil");
    }

    @Test
    void passThrough_dropsClientCredentialsAndHopByHop_keepsVendorHeaders() {
        UpstreamHeaders client = UpstreamHeaders.of(
                "Authorization", "Bearer gateway-token",
                "x-api-key", "gateway-token",
                "Cookie", "a=b",
                "Host", "127.0.0.1:18789",
                "Content-Length", "99",
                "Connection", "keep-alive",
                "Accept-Encoding", "gzip",
                "x-openclaw-agent-id", "main",
                "anthropic-beta", "tools-2024-04-04",
                "User-Agent", "my-app/1.0");
        UpstreamRequest r = factory.build(endpoint(ApiKind.ANTHROPIC_MESSAGES, "https://a", Map.of(), false),
                key("sk-ant-api03-real"), BODY, false, client);
        assertThat(r.headers().names()).doesNotContain("cookie", "host", "content-length", "connection",
                "x-openclaw-agent-id");
        assertThat(r.headers().all("x-api-key")).containsExactly("sk-ant-api03-real");
        assertThat(r.headers().contains("authorization")).isFalse();
        assertThat(r.headers().first("anthropic-beta")).contains("tools-2024-04-04");
        assertThat(r.headers().first("user-agent")).contains("my-app/1.0");
        assertThat(r.headers().all("accept-encoding")).containsExactly("identity");
        assertThat(UpstreamRequestFactory.isForwardable("X-API-KEY")).isFalse();
        assertThat(UpstreamRequestFactory.isForwardable("Proxy-Authorization")).isFalse();
        assertThat(UpstreamRequestFactory.isForwardable("openai-beta")).isTrue();
    }

    @Test
    void passThroughOAuthBeta_isMergedNotDuplicated() {
        UpstreamRequest r = factory.build(endpoint(ApiKind.ANTHROPIC_MESSAGES, "https://a", Map.of(), false),
                key("sk-ant-oat01-t"), BODY, false, UpstreamHeaders.of("anthropic-beta", "oauth-2025-04-20, x-1"));
        assertThat(r.headers().all("anthropic-beta")).containsExactly("oauth-2025-04-20,x-1");
    }

    @Test
    void invalidBaseUrl_fails() {
        assertThatThrownBy(() -> factory.build(endpoint(ApiKind.OPENAI_COMPLETIONS, "not a url", Map.of(), false),
                key("sk-abcdefgh"), BODY, false)).isInstanceOf(UpstreamRequestException.class)
                .hasMessageContaining("baseUrl");
    }

    @Test
    void toString_neverShowsSecrets() {
        UpstreamRequest r = factory.build(endpoint(ApiKind.OPENAI_COMPLETIONS, "https://h/v1",
                Map.of("x-org", new SecretInput.Ref(ORG_REF)), false), key("sk-supersecret-value"), BODY, false);
        assertThat(r.toString()).doesNotContain("sk-supersecret-value").doesNotContain("org-42")
                .contains("authorization");
        assertThat(r.headers().toString()).doesNotContain("sk-supersecret-value");
        assertThat(r.headers().fields().toString()).doesNotContain("sk-supersecret-value");
    }
}
