package ai.openclaw.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The gateway's streaming loop end to end on wire text: upstream SSE bytes → {@link SseParser} → translator →
 * {@link SseWriter}, compared byte for byte with {@code src/test/resources/translate/sse/*.sse}.
 */
class StreamWireTest {

    static String relay(InputStream upstream, StreamTranslator translator) throws IOException {
        SseParser parser = new SseParser(upstream);
        StringBuilder client = new StringBuilder();
        for (Optional<SseEvent> e = parser.next(); e.isPresent(); e = parser.next()) {
            translator.onEvent(e.get()).forEach(out -> client.append(SseWriter.format(out)));
        }
        translator.onUpstreamEnd().forEach(out -> client.append(SseWriter.format(out)));
        return client.toString();
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anthropicToolUseStream_becomesTheExpectedOpenAiWireText() throws IOException {
        String upstream = Golden.text("sse/anthropic-tool-use.upstream.sse");
        String expected = Golden.text("sse/anthropic-tool-use.openai.sse");
        assertThat(relay(bytes(upstream), new AnthropicToOpenAiStream("gpt-4o", 1767225600L, true)))
                .isEqualTo(expected);
        assertThat(relay(bytes(upstream.replace("\n", "\r\n")), new AnthropicToOpenAiStream("gpt-4o", 1767225600L,
                true))).as("same with CRLF line ends").isEqualTo(expected);
    }

    @Test
    void openAiParallelToolCallStream_becomesTheExpectedAnthropicWireText() throws IOException {
        String upstream = Golden.text("sse/openai-parallel-tools.upstream.sse");
        String expected = Golden.text("sse/openai-parallel-tools.anthropic.sse");
        assertThat(relay(bytes(upstream), new OpenAiToAnthropicStream("claude-sonnet-4-5"))).isEqualTo(expected);
        assertThat(relay(bytes(upstream.replace("\n", "\r\n")), new OpenAiToAnthropicStream("claude-sonnet-4-5")))
                .as("same with CRLF line ends").isEqualTo(expected);
    }
}
