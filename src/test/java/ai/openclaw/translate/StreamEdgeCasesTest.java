package ai.openclaw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamEdgeCasesTest {

    private static SseEvent chunk(String delta) {
        return SseEvent.data("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}]}");
    }

    private static List<String> types(List<SseEvent> events) {
        List<String> out = new ArrayList<>();
        for (SseEvent e : events) {
            String index = e.json().has("index") ? "@" + e.json().get("index").asInt() : "";
            out.add(e.event() + index);
        }
        return out;
    }

    @Test
    void openAiStream_toolCallResumedAfterAnotherStarted_isAnUpstreamFormatError() {
        OpenAiToAnthropicStream stream = new OpenAiToAnthropicStream("claude");
        stream.onEvent(chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}"));
        stream.onEvent(chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"b\",\"function\":{\"name\":\"g\",\"arguments\":\"\"}}]}"));
        assertThatThrownBy(() -> stream.onEvent(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]}")))
                .isInstanceOf(UpstreamFormatException.class)
                .hasMessageContaining("tool call 0 after another block started");
    }

    @Test
    void openAiStream_toolCallStartingWithoutAName_isAnUpstreamFormatError() {
        OpenAiToAnthropicStream stream = new OpenAiToAnthropicStream("claude");
        assertThatThrownBy(() -> stream.onEvent(chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"a\",\"function\":{\"arguments\":\"{}\"}}]}")))
                .isInstanceOf(UpstreamFormatException.class).hasMessageContaining("without a function name");
    }

    @Test
    void openAiStream_badJsonInData_isAnUpstreamFormatError() {
        assertThatThrownBy(() -> new OpenAiToAnthropicStream("claude").onEvent(SseEvent.data("{\"choices\": [")))
                .isInstanceOf(UpstreamFormatException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void openAiStream_textAfterAToolCall_opensANewTextBlock() {
        OpenAiToAnthropicStream stream = new OpenAiToAnthropicStream("claude");
        List<SseEvent> out = new ArrayList<>();
        out.addAll(stream.onEvent(chunk("{\"content\":\"a\"}")));
        out.addAll(stream.onEvent(chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"t\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}")));
        out.addAll(stream.onEvent(chunk("{\"content\":\"b\"}")));
        out.addAll(stream.onEvent(SseEvent.done()));
        assertThat(types(out)).containsExactly("message_start", "content_block_start@0", "content_block_delta@0",
                "content_block_stop@0", "content_block_start@1", "content_block_delta@1", "content_block_stop@1",
                "content_block_start@2", "content_block_delta@2", "content_block_stop@2", "message_delta",
                "message_stop");
        assertThat(out.get(10).json().path("delta").path("stop_reason").stringValue()).isEqualTo("end_turn");
    }

    @Test
    void openAiStream_toolCallWithoutIndexOrId_usesItsPositionAndAFallbackId() {
        OpenAiToAnthropicStream stream = new OpenAiToAnthropicStream("claude");
        List<SseEvent> out = stream.onEvent(chunk("{\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}},"
                + "{\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]}"));
        assertThat(types(out)).containsExactly("message_start", "content_block_start@0", "content_block_delta@0",
                "content_block_stop@0", "content_block_start@1", "content_block_delta@1");
        assertThat(out.get(1).json().path("content_block").path("id").stringValue()).isEqualTo("toolu_0");
        assertThat(out.get(4).json().path("content_block").path("id").stringValue()).isEqualTo("toolu_1");
    }

    @Test
    void openAiStream_doneWithoutAnyChunk_stillGivesAWellFormedEmptyMessage() {
        assertThat(types(new OpenAiToAnthropicStream("claude").onEvent(SseEvent.done())))
                .containsExactly("message_start", "message_delta", "message_stop");
    }

    @Test
    void openAiStream_eventsWithoutData_andEventsAfterCompletion_giveNothing() {
        OpenAiToAnthropicStream stream = new OpenAiToAnthropicStream("claude");
        assertThat(stream.onEvent(new SseEvent("keepalive", ""))).isEmpty();
        stream.onEvent(SseEvent.done());
        assertThat(stream.isComplete()).isTrue();
        assertThat(stream.onEvent(chunk("{\"content\":\"late\"}"))).isEmpty();
        assertThat(stream.onUpstreamEnd()).isEmpty();
    }

    @Test
    void anthropicStream_typeComesFromTheEventName_whenDataIsEmpty() {
        AnthropicToOpenAiStream stream = new AnthropicToOpenAiStream("gpt", 1, false);
        assertThat(stream.onEvent(new SseEvent("ping", ""))).isEmpty();
        List<SseEvent> out = stream.onEvent(new SseEvent("message_stop", ""));
        assertThat(out).hasSize(2);
        assertThat(out.get(0).json().path("choices").get(0).path("finish_reason").stringValue()).isEqualTo("stop");
        assertThat(out.get(1).isDone()).isTrue();
        assertThat(stream.isComplete()).isTrue();
    }

    @Test
    void anthropicStream_badJsonInData_isAnUpstreamFormatError() {
        assertThatThrownBy(() -> new AnthropicToOpenAiStream("gpt", 1, false)
                .onEvent(new SseEvent("content_block_delta", "{\"type\":\"content_block_delta\",")))
                .isInstanceOf(UpstreamFormatException.class)
                .hasMessageStartingWith("SSE event 'content_block_delta' has data that is not valid JSON");
    }

    @Test
    void anthropicStream_withoutMessageStart_usesAnIdFromCreated() {
        List<SseEvent> out = new AnthropicToOpenAiStream("gpt", 42, false).onEvent(SseEvent.json("content_block_delta",
                Golden.json("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}")));
        assertThat(out.getFirst().json().path("id").stringValue()).isEqualTo("chatcmpl-42");
    }

    @Test
    void includeUsageRequested_readsStreamOptions() {
        assertThat(AnthropicToOpenAiStream.includeUsageRequested(
                Golden.json("{\"stream\":true,\"stream_options\":{\"include_usage\":true}}"))).isTrue();
        assertThat(AnthropicToOpenAiStream.includeUsageRequested(Golden.json("{\"stream\":true}"))).isFalse();
        assertThat(AnthropicToOpenAiStream.includeUsageRequested(
                Golden.json("{\"stream_options\":{\"include_usage\":false}}"))).isFalse();
    }
}
