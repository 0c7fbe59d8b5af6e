package ai.openclaw.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.core.Secret;
import ai.openclaw.routing.UpstreamFailure;
import ai.openclaw.testing.AnthropicFixtures;
import ai.openclaw.testing.OpenAiFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UpstreamErrorsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final UpstreamErrors errors = new UpstreamErrors(Clock.fixed(NOW, ZoneOffset.UTC));

    private UpstreamFailure parse(int status, String body, String... headers) {
        return errors.toFailure(status, UpstreamHeaders.of(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void openAi_errorCodeAndMessage() {
        UpstreamFailure f = parse(429, OpenAiFixtures.rateLimitError());
        assertThat(f.status()).isEqualTo(429);
        assertThat(f.code()).isEqualTo("rate_limit_exceeded");
        assertThat(f.message()).startsWith("Rate limit reached for gpt-4o-mini");
        assertThat(f.transport()).isNull();
        assertThat(f.retryAfterMs()).isNull();
    }

    @Test
    void openAi_nullCode_fallsBackToType() {
        UpstreamFailure f = parse(500, OpenAiFixtures.serverError());
        assertThat(f.code()).isEqualTo("server_error");
    }

    @Test
    void openAi_quota() {
        assertThat(parse(429, OpenAiFixtures.quotaError()).code()).isEqualTo("insufficient_quota");
    }

    @Test
    void anthropic_errorType() {
        UpstreamFailure f = parse(529, AnthropicFixtures.overloadedError());
        assertThat(f.code()).isEqualTo("overloaded_error");
        assertThat(f.message()).isEqualTo("Overloaded");
        assertThat(parse(401, AnthropicFixtures.authenticationError()).code()).isEqualTo("authentication_error");
    }

    @Test
    void google_status() {
        UpstreamFailure f = parse(429, "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check "
                + "quota).\",\"status\":\"RESOURCE_EXHAUSTED\"}}");
        assertThat(f.code()).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(f.message()).startsWith("Resource has been exhausted");
    }

    @Test
    void google_arrayWrapped() {
        UpstreamFailure f = parse(400, "[{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid "
                + "API key.\",\"status\":\"INVALID_ARGUMENT\"}}]");
        assertThat(f.code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(f.message()).startsWith("API key not valid");
    }

    @Test
    void openRouter_numericCodeOnly() {
        UpstreamFailure f = parse(402, "{\"error\":{\"message\":\"Insufficient credits\",\"code\":402}}");
        assertThat(f.code()).isEqualTo("402");
        assertThat(f.message()).isEqualTo("Insufficient credits");
    }

    @Test
    void ollama_stringError_mistralTopLevel_fastApiDetail() {
        assertThat(parse(404, "{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}").message())
                .isEqualTo("model \"llama9\" not found, try pulling it first");
        UpstreamFailure mistral = parse(401, "{\"object\":\"error\",\"message\":\"Unauthorized\",\"type\":\"invalid_"
                + "request_error\",\"param\":null,\"code\":null}");
        assertThat(mistral.code()).isEqualTo("invalid_request_error");
        assertThat(mistral.message()).isEqualTo("Unauthorized");
        assertThat(parse(400, "{\"detail\":\"Not Found\"}").message()).isEqualTo("Not Found");
        assertThat(parse(422, "{\"detail\":[{\"loc\":[\"body\"],\"msg\":\"field required\"}]}").message())
                .isEqualTo("field required");
    }

    @Test
    void plainText_andHtml_andEmpty() {
        UpstreamFailure text = parse(502, "Bad Gateway\n");
        assertThat(text.code()).isNull();
        assertThat(text.message()).isEqualTo("Bad Gateway");
        assertThat(parse(503, "<html><body><h1>503 Service Unavailable</h1>\n</body></html>").message())
                .isEqualTo("<html><body><h1>503 Service Unavailable</h1> </body></html>");
        assertThat(parse(500, "").message()).isEqualTo("Upstream answered HTTP 500 with an empty body.");
        assertThat(errors.toFailure(500, null, null).message()).contains("empty body");
        assertThat(parse(500, "{not json").message()).isEqualTo("{not json");
    }

    @Test
    void messageIsTruncatedTo500() {
        UpstreamFailure f = parse(400, OpenAiFixtures.error("x".repeat(2000), "invalid_request_error", null));
        assertThat(f.message()).hasSize(500).endsWith("…");
        assertThat(parse(400, "y".repeat(600)).message()).hasSizeLessThanOrEqualTo(500);
    }

    @Test
    void keysEchoedInTheBody_areRedacted() {
        UpstreamFailure f = parse(401, OpenAiFixtures.invalidKeyError("sk-proj-AbCdEfGhIjKlMnOpQrStUvWx"));
        assertThat(f.message()).doesNotContain("AbCdEfGhIjKlMnOpQrStUvWx").contains("sk-proj-***");
        UpstreamFailure bearer = parse(401, "invalid header Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig");
        assertThat(bearer.message()).doesNotContain("eyJhbGci").contains("Bearer ***");
        UpstreamFailure oat = parse(401, AnthropicFixtures.error("authentication_error",
                "invalid token sk-ant-oat01-ZZZZZZZZZZZZZZZZZZZZ"));
        assertThat(oat.message()).doesNotContain("ZZZZZZZZ");
    }

    @Test
    void knownSecret_isRedactedWhateverItsShape() {
        Secret odd = Secret.of("plainly-custom-key-0042");
        UpstreamFailure f = errors.toFailure(401, UpstreamHeaders.empty(),
                "{\"error\":{\"message\":\"key plainly-custom-key-0042 is revoked\"}}".getBytes(StandardCharsets.UTF_8),
                List.of(odd));
        assertThat(f.message()).isEqualTo("key *** is revoked");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "retry-after     | 7                              | 7000",
            "retry-after     | 0                              | 0",
            "retry-after     | 1.5                            | 1500",
            "retry-after     | ' 12 '                         | 12000",
            "retry-after     | Sun, 22 Nov 2026 10:00:30 GMT  | 30000",
            "retry-after     | Sun, 22 Nov 2026 09:59:00 GMT  | 0",
            "retry-after     | soon                           | null",
            "retry-after     | -5                             | null",
            "retry-after-ms  | 250                            | 250",
            "retry-after-ms  | 1234.2                         | 1235",
            "retry-after-ms  | nope                           | null",
            "x-other         | 5                              | null",
    })
    void retryAfterForms(String header, String value, Long expected) {
        assertThat(parse(429, "{}", header, value).retryAfterMs()).isEqualTo(expected);
    }

    @Test
    void retryAfterMs_winsOverRetryAfter() {
        assertThat(parse(429, "{}", "retry-after", "20", "retry-after-ms", "19500").retryAfterMs()).isEqualTo(19500L);
        assertThat(parse(429, "{}", "retry-after", "20", "retry-after-ms", "bad").retryAfterMs()).isEqualTo(20000L);
        assertThat(parse(429, "{}", "Retry-After", "3").retryAfterMs()).as("case-insensitive").isEqualTo(3000L);
    }
}
