package ai.openclaw.translate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every golden file under {@code src/test/resources/translate/{requests,responses,streams}/<direction>/}. Each file
 * has a {@code description}, the translator's parameters, an {@code input} and the {@code expected} output; stream
 * cases list {@code steps} of one upstream event ({@code in}) and the client events it must produce ({@code out}),
 * and may end with {@code upstreamEnd} (the events for the end of the upstream stream).
 */
class GoldenCasesTest {

    static Stream<Named<JsonNode>> openAiToAnthropicRequests() {
        return Golden.cases("requests/openai-to-anthropic");
    }

    static Stream<Named<JsonNode>> anthropicToOpenAiRequests() {
        return Golden.cases("requests/anthropic-to-openai");
    }

    static Stream<Named<JsonNode>> anthropicToOpenAiResponses() {
        return Golden.cases("responses/anthropic-to-openai");
    }

    static Stream<Named<JsonNode>> openAiToAnthropicResponses() {
        return Golden.cases("responses/openai-to-anthropic");
    }

    static Stream<Named<JsonNode>> anthropicToOpenAiStreams() {
        return Golden.cases("streams/anthropic-to-openai");
    }

    static Stream<Named<JsonNode>> openAiToAnthropicStreams() {
        return Golden.cases("streams/openai-to-anthropic");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openAiToAnthropicRequests")
    void openAiRequest_translatesToTheExpectedAnthropicRequest(JsonNode golden) {
        JsonNode input = golden.get("input");
        String before = Json.compact(input);
        JsonNode actual = RequestTranslator.toAnthropicRequest(input, golden.get("upstreamModel").stringValue());
        assertThat(Golden.canonical(actual)).isEqualTo(Golden.canonical(golden.get("expected")));
        assertThat(Json.compact(input)).as("input unchanged").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anthropicToOpenAiRequests")
    void anthropicRequest_translatesToTheExpectedOpenAiRequest(JsonNode golden) {
        JsonNode input = golden.get("input");
        String before = Json.compact(input);
        JsonNode actual = RequestTranslator.toOpenAiRequest(input, golden.get("upstreamModel").stringValue());
        assertThat(Golden.canonical(actual)).isEqualTo(Golden.canonical(golden.get("expected")));
        assertThat(Json.compact(input)).as("input unchanged").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anthropicToOpenAiResponses")
    void anthropicResponse_translatesToTheExpectedOpenAiCompletion(JsonNode golden) {
        JsonNode actual = ResponseTranslator.toOpenAiResponse(golden.get("input"),
                golden.get("clientModel").stringValue(), golden.get("created").asLong());
        assertThat(Golden.canonical(actual)).isEqualTo(Golden.canonical(golden.get("expected")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openAiToAnthropicResponses")
    void openAiResponse_translatesToTheExpectedAnthropicMessage(JsonNode golden) {
        JsonNode actual = ResponseTranslator.toAnthropicResponse(golden.get("input"),
                golden.get("clientModel").stringValue());
        assertThat(Golden.canonical(actual)).isEqualTo(Golden.canonical(golden.get("expected")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anthropicToOpenAiStreams")
    void anthropicStream_translatesEventByEventToOpenAiChunks(JsonNode golden) {
        StreamTranslator translator = new AnthropicToOpenAiStream(golden.get("clientModel").stringValue(),
                golden.get("created").asLong(), golden.path("includeUsage").asBoolean(false));
        assertSteps(translator, golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openAiToAnthropicStreams")
    void openAiStream_translatesEventByEventToAnthropicEvents(JsonNode golden) {
        StreamTranslator translator = new OpenAiToAnthropicStream(golden.get("clientModel").stringValue());
        assertSteps(translator, golden);
    }

    private static void assertSteps(StreamTranslator translator, JsonNode golden) {
        List<String> actual = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        JsonNode steps = golden.get("steps");
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            List<SseEvent> out = translator.onEvent(Golden.event(step.get("in")));
            actual.add("step " + i + ":\n" + Golden.canonical(Golden.events(out)));
            expected.add("step " + i + ":\n" + Golden.canonical(step.get("out")));
        }
        JsonNode end = golden.get("upstreamEnd");
        if (end != null) {
            actual.add("upstream end:\n" + Golden.canonical(Golden.events(translator.onUpstreamEnd())));
            expected.add("upstream end:\n" + Golden.canonical(end));
        }
        assertThat(String.join("\n", actual)).isEqualTo(String.join("\n", expected));
        assertThat(translator.isComplete()).as("stream complete").isEqualTo(golden.path("complete").asBoolean(true));
    }
}
