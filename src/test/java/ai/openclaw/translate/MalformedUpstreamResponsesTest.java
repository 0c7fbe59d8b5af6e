package ai.openclaw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MalformedUpstreamResponsesTest {

    @Test
    void openAiCompletion_withoutChoices_isAnUpstreamFormatError() {
        assertThatThrownBy(() -> ResponseTranslator.toAnthropicResponse(Golden.json("{\"id\":\"x\",\"choices\":[]}"), "c"))
                .isInstanceOf(UpstreamFormatException.class).hasMessage("OpenAI response has no choices");
        assertThatThrownBy(() -> ResponseTranslator.toAnthropicResponse(Golden.json("\"text\""), "c"))
                .isInstanceOf(UpstreamFormatException.class).hasMessage("OpenAI response is not a JSON object");
    }

    @Test
    void openAiToolCall_withArgumentsThatAreNotAJsonObject_isAnUpstreamFormatError() {
        String completion = """
                {"choices":[{"message":{"role":"assistant","tool_calls":[
                  {"id":"c","type":"function","function":{"name":"f","arguments":"{\\"a\\": tru"}}]},
                  "finish_reason":"tool_calls"}]}
                """;
        assertThatThrownBy(() -> ResponseTranslator.toAnthropicResponse(Golden.json(completion), "c"))
                .isInstanceOf(UpstreamFormatException.class).hasMessage("OpenAI tool call arguments are not valid JSON");
        assertThatThrownBy(() -> ResponseTranslator.toAnthropicResponse(Golden.json(completion.replace("{\\\"a\\\": tru", "[]")), "c"))
                .isInstanceOf(UpstreamFormatException.class).hasMessage("OpenAI tool call arguments are not a JSON object");
    }

    @Test
    void anthropicMessage_withoutContent_isAnUpstreamFormatError() {
        assertThatThrownBy(() -> ResponseTranslator.toOpenAiResponse(Golden.json("{\"id\":\"m\"}"), "g", 1))
                .isInstanceOf(UpstreamFormatException.class).hasMessage("Anthropic response has no content array");
    }

    @Test
    void missingIdsAndUsage_getFallbacks() {
        assertThat(ResponseTranslator.toOpenAiResponse(Golden.json("{\"content\":[]}"), "g", 7).get("id").stringValue())
                .isEqualTo("chatcmpl-7");
        var message = ResponseTranslator.toAnthropicResponse(
                Golden.json("{\"choices\":[{\"message\":{\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}"), "c");
        assertThat(message.get("id").stringValue()).isEqualTo("msg_gateway");
        assertThat(Golden.canonical(message.get("usage")))
                .isEqualTo(Golden.canonical(Golden.json("{\"input_tokens\":0,\"output_tokens\":0}")));
    }
}
