package ai.openclaw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseWriterTest {

    @Test
    void namedEvent_hasEventAndDataLines_andABlankLine() {
        assertThat(SseWriter.format(new SseEvent("message_stop", "{\"type\":\"message_stop\"}")))
                .isEqualTo("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }

    @Test
    void unnamedEvent_hasOnlyData() {
        assertThat(SseWriter.format(SseEvent.done())).isEqualTo("data: [DONE]\n\n");
    }

    @Test
    void multiLineData_becomesOneDataLinePerLine_whateverTheLineEnds() {
        assertThat(SseWriter.format(SseEvent.data("a\nb\r\nc\rd"))).isEqualTo("data: a\ndata: b\ndata: c\ndata: d\n\n");
        assertThat(SseWriter.format(SseEvent.data(""))).isEqualTo("data: \n\n");
    }

    @Test
    void eventNameWithALineBreak_isRejected() {
        assertThatThrownBy(() -> SseWriter.format(new SseEvent("a\nb", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comment_isIgnoredByReaders() throws IOException {
        assertThat(SseWriter.comment("keep-alive")).isEqualTo(": keep-alive\n\n");
        String stream = SseWriter.comment("one\ntwo") + SseWriter.format(SseEvent.data("x"));
        assertThat(new SseParser(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8))).next())
                .contains(SseEvent.data("x"));
    }

    @Test
    void formattedEvents_parseBackToTheSameEvents() throws IOException {
        SseEvent[] events = {new SseEvent("e", "{\"a\":\"x\"}"), SseEvent.data("line1\nline2"),
                new SseEvent("x", " leading space"), SseEvent.data("ünï ✓")};
        StringBuilder wire = new StringBuilder();
        for (SseEvent e : events) {
            wire.append(SseWriter.format(e));
        }
        SseParser parser = new SseParser(new ByteArrayInputStream(wire.toString().getBytes(StandardCharsets.UTF_8)));
        for (SseEvent e : events) {
            assertThat(parser.next()).contains(e);
        }
        assertThat(parser.next()).isEmpty();
        assertThat(SseWriter.bytes(events[3])).isEqualTo(SseWriter.format(events[3]).getBytes(StandardCharsets.UTF_8));
    }
}
