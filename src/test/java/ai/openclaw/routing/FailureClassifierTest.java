package ai.openclaw.routing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.store.FailureReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureClassifierTest {
    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "429 | Rate limit reached for requests                              | RATE_LIMIT",
            "429 | You exceeded your current quota, please check your plan and billing details | BILLING",
            "402 | Payment required                                             | BILLING",
            "402 | Daily spend limit reached, try again tomorrow                | RATE_LIMIT",
            "401 | invalid x-api-key                                            | AUTH",
            "401 | This API key has been revoked                                | AUTH_PERMANENT",
            "403 | Your account has been deactivated                            | AUTH_PERMANENT",
            "403 | Your credit balance is too low to access the API             | BILLING",
            "403 | Request not allowed                                          | AUTH",
            "408 | Request timeout                                              | TIMEOUT",
            "404 | The model does not exist                                     | MODEL_NOT_FOUND",
            "410 | gone                                                         | TIMEOUT",
            "500 | Internal server error                                        | TIMEOUT",
            "502 | Bad gateway                                                  | TIMEOUT",
            "503 | Service unavailable                                          | TIMEOUT",
            "503 | The engine is currently overloaded                           | OVERLOADED",
            "504 | Gateway timeout                                              | TIMEOUT",
            "529 | Overloaded                                                   | OVERLOADED",
            "400 | messages: field required                                     | FORMAT",
            "400 | tool_use_id mismatch                                         | FORMAT",
            "400 | Rate limit exceeded for this organization                    | RATE_LIMIT",
            "400 | This model's maximum context length is 8192 tokens           | FORMAT",
            "422 | Unprocessable                                                | FORMAT",
            "400 | This credential is only authorized for use with Claude Code and cannot be used for other API requests. | AUTH",
            "401 | This credential is only authorized for use with Claude Code and cannot be used for other API requests. | AUTH",
            "403 | This credential is only authorized for use with Claude Code and cannot be used for other API requests. | AUTH",
    })
    void statusFirstThenText(int status, String message, FailureReason expected) {
        assertThat(FailureClassifier.classify(Upstream.status(status, message))).isEqualTo(expected);
    }

    @Test
    void errorCodesDecideWhenTheStatusDoesNot() {
        assertThat(classify(0, "RESOURCE_EXHAUSTED", "", null)).isEqualTo(FailureReason.RATE_LIMIT);
        assertThat(classify(400, "rate_limit_exceeded", "", null)).isEqualTo(FailureReason.RATE_LIMIT);
        assertThat(classify(0, "overloaded_error", "", null)).isEqualTo(FailureReason.OVERLOADED);
        assertThat(classify(503, "overloaded_error", "busy", null)).isEqualTo(FailureReason.OVERLOADED);
        assertThat(classify(403, "DEACTIVATED_WORKSPACE", "", null)).isEqualTo(FailureReason.AUTH_PERMANENT);
        assertThat(classify(0, "ECONNRESET", "", null)).isEqualTo(FailureReason.TIMEOUT);
        assertThat(classify(429, "insufficient_quota", "quota", null)).isEqualTo(FailureReason.BILLING);
    }

    @Test
    void transportFailuresAreTimeouts() {
        assertThat(classify(0, null, "connect timed out", "timeout")).isEqualTo(FailureReason.TIMEOUT);
        assertThat(classify(0, null, null, "connect")).isEqualTo(FailureReason.TIMEOUT);
        assertThat(classify(0, null, null, "reset")).isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void messagesWithoutStatusAreClassifiedByText() {
        assertThat(classify(0, null, "socket hang up", null)).isEqualTo(FailureReason.TIMEOUT);
        assertThat(classify(0, null, "Too many requests", null)).isEqualTo(FailureReason.RATE_LIMIT);
        assertThat(classify(0, null, "Unknown error (no error details in response)", null))
                .isEqualTo(FailureReason.NO_ERROR_DETAILS);
        assertThat(classify(0, null, "", null)).isEqualTo(FailureReason.EMPTY_RESPONSE);
        assertThat(classify(200, null, null, null)).isEqualTo(FailureReason.EMPTY_RESPONSE);
        assertThat(classify(0, null, "something odd", null)).isEqualTo(FailureReason.UNKNOWN);
    }

    @Test
    void contextOverflowIsNotFailoverWorthy_otherFailuresAre() {
        assertThat(FailureClassifier.isFailoverWorthy(Upstream.status(400,
                "This model's maximum context length is 8192 tokens (context_length_exceeded)"))).isFalse();
        assertThat(FailureClassifier.isFailoverWorthy(Upstream.status(400, "prompt is too long: 250000 tokens")))
                .isFalse();
        assertThat(FailureClassifier.isFailoverWorthy(Upstream.status(429))).isTrue();
        assertThat(FailureClassifier.isFailoverWorthy(Upstream.status(400, "invalid request format"))).isTrue();
    }

    private static FailureReason classify(int status, String code, String message, String transport) {
        return FailureClassifier.classify(new UpstreamFailure(status, code, message, null, transport));
    }
}
