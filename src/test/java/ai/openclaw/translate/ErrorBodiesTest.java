package ai.openclaw.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

    @Test
    void openAiBody_hasMessageTypeNullParamAndTheStatusAsCode() {
        assertThat(Golden.canonical(ErrorBodies.openAi(400, "invalid_request_error", "n: only n=1")))
                .isEqualTo(Golden.canonical(Golden.json("""
                        {"error": {"message": "n: only n=1", "type": "invalid_request_error", "param": null, "code": "400"}}
                        """)));
    }

    @Test
    void anthropicBody_hasTopLevelTypeErrorAndTheErrorObject() {
        assertThat(Golden.canonical(ErrorBodies.anthropic("overloaded_error", "Overloaded")))
                .isEqualTo(Golden.canonical(Golden.json("""
                        {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
                        """)));
    }

    @Test
    void streamErrors_areAnUnnamedOpenAiEvent_andAnAnthropicErrorEvent() {
        assertThat(SseWriter.format(ErrorBodies.openAiStreamError(502, "server_error", "boom"))).isEqualTo(
                "data: {\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"param\":null,\"code\":\"502\"}}\n\n");
        assertThat(SseWriter.format(ErrorBodies.anthropicStreamError("api_error", "boom"))).isEqualTo(
                "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}\n\n");
    }

    @Test
    void errorTypes_followEachApisVocabulary() {
        assertThat(ErrorBodies.openAiType(400)).isEqualTo("invalid_request_error");
        assertThat(ErrorBodies.openAiType(401)).isEqualTo("authentication_error");
        assertThat(ErrorBodies.openAiType(403)).isEqualTo("permission_error");
        assertThat(ErrorBodies.openAiType(404)).isEqualTo("invalid_request_error");
        assertThat(ErrorBodies.openAiType(429)).isEqualTo("rate_limit_error");
        assertThat(ErrorBodies.openAiType(502)).isEqualTo("server_error");
        assertThat(ErrorBodies.anthropicType(400)).isEqualTo("invalid_request_error");
        assertThat(ErrorBodies.anthropicType(401)).isEqualTo("authentication_error");
        assertThat(ErrorBodies.anthropicType(404)).isEqualTo("not_found_error");
        assertThat(ErrorBodies.anthropicType(413)).isEqualTo("request_too_large");
        assertThat(ErrorBodies.anthropicType(429)).isEqualTo("rate_limit_error");
        assertThat(ErrorBodies.anthropicType(500)).isEqualTo("api_error");
        assertThat(ErrorBodies.anthropicType(529)).isEqualTo("overloaded_error");
    }

    @Test
    void statusOfAnError_comesFromTheAnthropicType_orTheOpenAiCodeThenType() {
        assertThat(ErrorBodies.statusOfAnthropicType("rate_limit_error")).isEqualTo(429);
        assertThat(ErrorBodies.statusOfAnthropicType("something_new")).isEqualTo(500);
        assertThat(ErrorBodies.statusOfOpenAiError(Golden.json("{\"type\":\"x\",\"code\":\"503\"}"))).isEqualTo(503);
        assertThat(ErrorBodies.statusOfOpenAiError(Golden.json("{\"type\":\"x\",\"code\":401}"))).isEqualTo(401);
        assertThat(ErrorBodies.statusOfOpenAiError(Golden.json("{\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}")))
                .isEqualTo(429);
        assertThat(ErrorBodies.statusOfOpenAiError(Golden.json("{\"type\":\"server_error\",\"code\":null}"))).isEqualTo(500);
    }
}
