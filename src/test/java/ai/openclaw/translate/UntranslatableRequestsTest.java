package ai.openclaw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every request feature the other API cannot express fails with the field's path and the reason. */
class UntranslatableRequestsTest {
    private static final String USER = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    static Stream<Arguments> openAiRequestsAnthropicCannotExpress() {
        return Stream.of(
                // top level
                openAi("{" + USER + ",\"n\":2}", "n", "one choice per request"),
                openAi("{" + USER + ",\"logprobs\":true}", "logprobs", "log probabilities"),
                openAi("{" + USER + ",\"top_logprobs\":3}", "top_logprobs", "log probabilities"),
                openAi("{" + USER + ",\"logit_bias\":{\"50256\":-100}}", "logit_bias", "no token biasing"),
                openAi("{" + USER + ",\"presence_penalty\":0.5}", "presence_penalty", "no presence penalty"),
                openAi("{" + USER + ",\"frequency_penalty\":-1}", "frequency_penalty", "no frequency penalty"),
                openAi("{" + USER + ",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":{}}}}",
                        "response_format.type", "no JSON output mode"),
                openAi("{" + USER + ",\"response_format\":{\"type\":\"json_object\"}}", "response_format.type",
                        "no JSON output mode"),
                openAi("{" + USER + ",\"audio\":{\"voice\":\"alloy\",\"format\":\"mp3\"}}", "audio", "does not produce audio"),
                openAi("{" + USER + ",\"modalities\":[\"text\",\"audio\"]}", "modalities", "text only"),
                openAi("{" + USER + ",\"prediction\":{\"type\":\"content\",\"content\":\"x\"}}", "prediction",
                        "no predicted outputs"),
                openAi("{" + USER + ",\"web_search_options\":{}}", "web_search_options", "server tool"),
                openAi("{" + USER + ",\"functions\":[{\"name\":\"f\"}]}", "functions", "deprecated functions API"),
                openAi("{" + USER + ",\"function_call\":\"auto\"}", "function_call", "deprecated functions API"),
                openAi("{" + USER + ",\"temperature\":1.5}", "temperature", "0 to 1"),
                openAi("{" + USER + ",\"max_tokens\":0}", "max_tokens", "positive integer"),
                openAi("{\"messages\":[{\"role\":\"system\",\"content\":\"only a system prompt\"}]}", "messages",
                        "at least one non-empty user or assistant message"),
                openAi("{\"messages\":\"hi\"}", "messages", "must be an array"),
                openAi("[1]", "request", "must be a JSON object"),
                // messages
                openAi("{\"messages\":[{\"role\":\"function\",\"name\":\"f\",\"content\":\"x\"}]}", "messages[0].role",
                        "deprecated function messages"),
                openAi("{\"messages\":[{\"role\":\"critic\",\"content\":\"x\"}]}", "messages[0].role",
                        "must be system, developer, user, assistant or tool"),
                openAi("{\"messages\":[{\"role\":\"system\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}}]},"
                        + "{\"role\":\"user\",\"content\":\"hi\"}]}", "messages[0].content[0]", "system prompts can only contain text"),
                openAi("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"AAA\",\"format\":\"wav\"}}]}]}",
                        "messages[0].content[0]", "does not accept audio input"),
                openAi("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"video\"}]}]}", "messages[0].content[0].type",
                        "is not a content part type"),
                openAi("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/bmp;base64,Qk0=\"}}]}]}",
                        "messages[0].content[0].image_url.url", "not image/bmp"),
                openAi("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png,rawbytes\"}}]}]}",
                        "messages[0].content[0].image_url.url", "must be base64-encoded"),
                openAi("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"file:///etc/passwd\"}}]}]}",
                        "messages[0].content[0].image_url.url", "http(s) URL or a base64 data: URL"),
                openAi("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"file\",\"file\":{\"file_id\":\"file-abc\"}}]}]}",
                        "messages[0].content[0].file.file_id", "cannot be read by Anthropic"),
                openAi("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"file\",\"file\":{\"file_data\":\"data:text/csv;base64,YSxi\"}}]}]}",
                        "messages[0].content[0].file.file_data", "only PDF files"),
                openAi("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"audio\":{\"id\":\"audio_1\"}}]}",
                        "messages[1].audio", "audio"),
                openAi("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"function_call\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}",
                        "messages[1].function_call", "deprecated functions API"),
                openAi("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{not json\"}}]}]}",
                        "messages[1].tool_calls[0].function.arguments", "not valid JSON"),
                openAi("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"[1,2]\"}}]}]}",
                        "messages[1].tool_calls[0].function.arguments", "must encode a JSON object"),
                openAi("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"custom\",\"custom\":{\"name\":\"f\",\"input\":\"x\"}}]}]}",
                        "messages[1].tool_calls[0].type", "only function tool calls"),
                openAi("{\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x\"}}]}]}",
                        "messages[0].content[0].type", "tool messages can only contain text parts"),
                openAi("{\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}", "messages[0].tool_call_id", "must be a string"),
                // tools
                openAi("{" + USER + ",\"tools\":[{\"type\":\"custom\",\"custom\":{\"name\":\"grammar\"}}]}", "tools[0].type",
                        "only function tools"),
                openAi("{" + USER + ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],"
                        + "\"tool_choice\":{\"type\":\"allowed_tools\",\"allowed_tools\":{\"mode\":\"auto\",\"tools\":[]}}}",
                        "tool_choice.type", "only auto, none, required and a named function"),
                openAi("{" + USER + ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],\"tool_choice\":\"sometimes\"}",
                        "tool_choice", "must be auto, none, required or a function"));
    }

    static Stream<Arguments> anthropicRequestsOpenAiCannotExpress() {
        return Stream.of(
                anthropic("{\"max_tokens\":10," + USER + ",\"top_k\":40}", "top_k", "no top-k sampling"),
                anthropic("{\"max_tokens\":10," + USER + ",\"mcp_servers\":[{\"type\":\"url\",\"url\":\"https://x\",\"name\":\"m\"}]}",
                        "mcp_servers", "run on Anthropic's side"),
                anthropic("{\"max_tokens\":10," + USER + ",\"container\":\"container_1\"}", "container", "only on Anthropic"),
                anthropic("{\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                        + "{\"role\":\"assistant\",\"content\":\"{\"}]}", "messages[1]", "final assistant message (prefill)"),
                anthropic("{\"max_tokens\":10,\"messages\":[{\"role\":\"system\",\"content\":\"hi\"}]}", "messages[0].role",
                        "must be user or assistant"),
                anthropic("{\"max_tokens\":10,\"system\":[{\"type\":\"image\"}]," + USER + "}", "system[0].type",
                        "system blocks must be text"),
                anthropic("{\"max_tokens\":10," + USER + ",\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}]}",
                        "tools[0].type", "server and built-in tools"),
                anthropic("{\"max_tokens\":10," + USER + ",\"tools\":[{\"type\":\"bash_20250124\",\"name\":\"bash\"}]}",
                        "tools[0].type", "server and built-in tools"),
                anthropic("{\"max_tokens\":10," + USER + ",\"tools\":[{\"name\":\"f\"}]}", "tools[0].input_schema",
                        "must be a JSON Schema object"),
                anthropic("{\"max_tokens\":10," + USER + ",\"tools\":[{\"name\":\"f\",\"input_schema\":{\"type\":\"object\"}}],"
                        + "\"tool_choice\":{\"type\":\"sometimes\"}}", "tool_choice.type", "must be auto, any, tool or none"),
                anthropic("{\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":"
                        + "{\"type\":\"file\",\"file_id\":\"file_1\"}}]}]}", "messages[0].content[0].source.type",
                        "only base64 and url image sources"),
                anthropic("{\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"document\",\"source\":"
                        + "{\"type\":\"url\",\"url\":\"https://x/a.pdf\"}}]}]}", "messages[0].content[0].source",
                        "only base64 PDF and plain-text documents"),
                anthropic("{\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t\","
                        + "\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://x\"}}]}]}]}",
                        "messages[0].content[0].content[0].type", "can only contain text"),
                anthropic("{\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"search_result\"}]}]}",
                        "messages[0].content[0].type", "is not a content block type"),
                anthropic("{\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":"
                        + "[{\"type\":\"server_tool_use\",\"id\":\"s\",\"name\":\"web_search\",\"input\":{}}]},"
                        + "{\"role\":\"user\",\"content\":\"more\"}]}", "messages[1].content[0].type",
                        "is not an assistant content block type"),
                anthropic("{\"max_tokens\":10,\"messages\":[{\"role\":\"user\"}]}", "messages[0].content",
                        "must be a string or an array of content blocks"));
    }

    private static Arguments openAi(String request, String field, String reason) {
        return Arguments.of(field + " (" + reason + ")", Golden.json(request), field, reason);
    }

    private static Arguments anthropic(String request, String field, String reason) {
        return Arguments.of(field + " (" + reason + ")", Golden.json(request), field, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openAiRequestsAnthropicCannotExpress")
    void openAiRequest_withThis_cannotGoToAnthropic(String name, JsonNode request, String field, String reason) {
        TranslationException e = catchThrowableOfType(TranslationException.class,
                () -> RequestTranslator.toAnthropicRequest(request, "claude-x"));
        assertThat(e).as("expected a TranslationException").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.reason()).contains(reason);
        assertThat(e.getMessage()).isEqualTo(field + ": " + e.reason());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anthropicRequestsOpenAiCannotExpress")
    void anthropicRequest_withThis_cannotGoToOpenAi(String name, JsonNode request, String field, String reason) {
        TranslationException e = catchThrowableOfType(TranslationException.class,
                () -> RequestTranslator.toOpenAiRequest(request, "gpt-x"));
        assertThat(e).as("expected a TranslationException").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.reason()).contains(reason);
    }
}
