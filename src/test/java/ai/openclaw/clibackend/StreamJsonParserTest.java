package ai.openclaw.clibackend;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.json.Json;
import ai.openclaw.testing.FakeClaude;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamJsonParserTest {
    final StreamJsonParser parser = new StreamJsonParser(CliBackendConfig.claudeCliDefaults().sessionIdFields());

    private List<CliEvent> feed(String... lines) {
        List<CliEvent> out = new ArrayList<>();
        for (String l : lines) {
            out.addAll(parser.onLine(l));
        }
        return out;
    }

    @Test
    void initAssistantResult_giveSessionTextAndASuccessfulEnd() {
        List<CliEvent> events = feed(Json.compact(FakeClaude.init("s-1")),
                Json.compact(FakeClaude.assistant("m1", "Hello")), Json.compact(FakeClaude.result("Hello", 9, 4)));

        assertThat(events).containsExactly(new CliEvent.Session("s-1"), new CliEvent.Session(FakeClaude.SESSION),
                new CliEvent.Text("Hello"));
        assertThat(parser.resultFailure()).isNull();
        CliEvent.Finished f = parser.finished();
        assertThat(f.sessionId()).isEqualTo(FakeClaude.SESSION);
        assertThat(f.stopReason()).isEqualTo("end_turn");
        assertThat(f.usage().path("input_tokens").asLong()).isEqualTo(9);
        assertThat(f.usage().path("output_tokens").asLong()).isEqualTo(4);
        assertThat(f.usage().path("cache_read_input_tokens").asLong()).isEqualTo(4);
        assertThat(f.resultText()).isEqualTo("Hello");
    }

    @Test
    void textOfSeveralAssistantMessages_isSetOffByABlankLine_blocksOfOneMessageAreNot() {
        List<CliEvent> events = feed(Json.compact(FakeClaude.assistant("m1", "Let me look.")),
                Json.compact(FakeClaude.assistant("m1", " More.")),
                "{\"type\":\"user\",\"message\":{\"content\":[{\"type\":\"tool_result\",\"content\":\"x\"}]}}",
                Json.compact(FakeClaude.assistant("m2", "Found it.")));

        assertThat(events).filteredOn(e -> e instanceof CliEvent.Text).extracting(e -> ((CliEvent.Text) e).text())
                .containsExactly("Let me look.", " More.", "\n\n", "Found it.");
    }

    @Test
    void partialMessages_streamTextDeltas_andSkipTheRepeatedWholeMessage() {
        List<CliEvent> events = feed(
                "{\"type\":\"stream_event\",\"event\":{\"type\":\"message_start\",\"message\":{\"id\":\"m1\"}}}",
                "{\"type\":\"stream_event\",\"event\":{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}}",
                "{\"type\":\"stream_event\",\"event\":{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"lo\"}}}",
                Json.compact(FakeClaude.assistant("m1", "Hello")),
                "{\"type\":\"stream_event\",\"event\":{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\"}}}");

        assertThat(events).filteredOn(e -> e instanceof CliEvent.Text).extracting(e -> ((CliEvent.Text) e).text())
                .containsExactly("Hel", "lo");
        assertThat(parser.finished().stopReason()).isEqualTo("max_tokens");
    }

    @Test
    void isErrorResult_isAFailureWithTheResultText() {
        feed(Json.compact(FakeClaude.errorResult("Invalid API key · Please run /login")));

        CliFailure f = parser.resultFailure();
        assertThat(f.kind()).isEqualTo(CliFailure.Kind.ERROR_RESULT);
        assertThat(f.message()).contains("Invalid API key");
    }

    @Test
    void malformedLines_areSkippedAndCounted() {
        List<CliEvent> events = feed("Warning: something odd", "[1,2]", "",
                Json.compact(FakeClaude.assistant("m1", "Hi")), "{\"type\":\"result\",\"subtype\":\"suc");

        assertThat(events).containsExactly(new CliEvent.Session(FakeClaude.SESSION), new CliEvent.Text("Hi"));
        assertThat(parser.malformedLines()).isEqualTo(3);
        assertThat(parser.firstMalformed()).isEqualTo("Warning: something odd");
        assertThat(parser.hasResult()).isFalse();
    }
}
