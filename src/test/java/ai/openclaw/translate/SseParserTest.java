package ai.openclaw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.testing.ArrivingBytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static List<SseEvent> parseAll(InputStream in) throws IOException {
        SseParser parser = new SseParser(in);
        List<SseEvent> events = new ArrayList<>();
        for (Optional<SseEvent> e = parser.next(); e.isPresent(); e = parser.next()) {
            events.add(e.get());
        }
        return events;
    }

    private static List<SseEvent> parseAll(String text) throws IOException {
        return parseAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Hands out at most {@code chunk} bytes per read, like a slow network. */
    private static InputStream trickle(String text, int chunk) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, chunk), bytes.length - pos);
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Test
    void namedAndUnnamedEvents_areReadInOrder() throws IOException {
        assertThat(parseAll("event: message_start\ndata: {\"a\":1}\n\ndata: {\"b\":2}\n\ndata: [DONE]\n\n"))
                .containsExactly(new SseEvent("message_start", "{\"a\":1}"), SseEvent.data("{\"b\":2}"),
                        SseEvent.done());
    }

    @Test
    void crlfAndLoneCrLineEnds_workLikeLf() throws IOException {
        assertThat(parseAll("event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\rdata: 3\n\n"))
                .containsExactly(new SseEvent("a", "1"), new SseEvent("b", "2"), SseEvent.data("3"));
    }

    @Test
    void severalDataLines_joinWithLineFeeds() throws IOException {
        assertThat(parseAll("data: first\ndata:second\ndata\ndata:  indented\n\n"))
                .containsExactly(SseEvent.data("first\nsecond\n\n indented"));
    }

    @Test
    void comments_idRetryAndUnknownFields_areIgnored() throws IOException {
        assertThat(parseAll(": keep-alive\n\n:another\nid: 7\nretry: 1000\nfoo: bar\ndata: x\n\n"))
                .containsExactly(SseEvent.data("x"));
    }

    @Test
    void eventWithoutData_isReturnedWithEmptyData() throws IOException {
        List<SseEvent> events = parseAll("event: ping\n\nevent: message_stop\ndata: {}\n\n");
        assertThat(events).containsExactly(new SseEvent("ping", ""), new SseEvent("message_stop", "{}"));
        assertThat(events.getFirst().hasData()).isFalse();
    }

    @Test
    void extraBlankLines_betweenEvents_produceNothing() throws IOException {
        assertThat(parseAll("\n\n\ndata: a\n\n\n\ndata: b\n\n")).containsExactly(SseEvent.data("a"), SseEvent.data("b"));
    }

    @Test
    void lastEvent_withoutFinalBlankLine_isStillReturned() throws IOException {
        assertThat(parseAll("data: a\n\ndata: [DONE]")).containsExactly(SseEvent.data("a"), SseEvent.done());
        assertThat(parseAll("data: a\n\ndata: b\n")).containsExactly(SseEvent.data("a"), SseEvent.data("b"));
    }

    @Test
    void emptyStream_hasNoEvents() throws IOException {
        assertThat(parseAll("")).isEmpty();
        assertThat(parseAll(": only a comment\n\n")).isEmpty();
    }

    @Test
    void leadingByteOrderMark_isSkipped() throws IOException {
        assertThat(parseAll("\uFEFFevent: a\ndata: 1\n\n")).containsExactly(new SseEvent("a", "1"));
    }

    @Test
    void splitReads_ofOneByte_giveTheSameEvents_includingSplitCrlfAndMultiByteCharacters() throws IOException {
        String text = "event: a\r\ndata: {\"t\":\"héllo → 世界 😀\"}\r\n\r\n: c\r\ndata: x\r\ndata: y\r\n\r\n";
        List<SseEvent> whole = parseAll(text);
        assertThat(whole).containsExactly(new SseEvent("a", "{\"t\":\"héllo → 世界 😀\"}"), SseEvent.data("x\ny"));
        for (int chunk = 1; chunk <= 7; chunk++) {
            assertThat(parseAll(trickle(text, chunk))).as("chunk size %d", chunk).isEqualTo(whole);
        }
    }

    @Test
    void next_returnsAsSoonAsAnEventIsComplete_withoutReadingFurther() throws IOException {
        byte[] first = "data: one\n\n".getBytes(StandardCharsets.UTF_8);
        InputStream blocksAfterFirstEvent = new InputStream() {
            private int pos;

            @Override
            public int read() {
                throw new AssertionError("single-byte read not expected");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= first.length) {
                    throw new AssertionError("read past the first event");
                }
                int n = Math.min(len, first.length - pos);
                System.arraycopy(first, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        assertThat(new SseParser(blocksAfterFirstEvent).next()).contains(SseEvent.data("one"));
    }

    @Test
    void oversizedEvent_isAnUpstreamFormatError() {
        String big = "data: " + "x".repeat(100) + "\n\n";
        assertThatThrownBy(() -> new SseParser(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)), 64)
                .next()).isInstanceOf(UpstreamFormatException.class).hasMessage("SSE event exceeds 64 bytes");
    }

    @Test
    void sizeLimit_appliesPerEvent_notToTheWholeStream() throws IOException {
        String stream = ": keep-alive\n\n".repeat(20) + "data: 0123456789\n\n".repeat(20);
        assertThat(parseAll(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)))).hasSize(20);
        SseParser parser = new SseParser(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), 32);
        int count = 0;
        while (parser.next().isPresent()) {
            count++;
        }
        assertThat(count).isEqualTo(20);
    }

    @Test
    void invalidUtf8_becomesReplacementCharacters() throws IOException {
        byte[] bytes = {'d', 'a', 't', 'a', ':', ' ', (byte) 0xff, 'x', '\n', '\n'};
        assertThat(parseAll(new ByteArrayInputStream(bytes))).containsExactly(SseEvent.data("\uFFFDx"));
    }


    @Test
    void poll_returnsEventsThatHaveArrived_andNullInsteadOfWaitingForTheRest() throws IOException {
        ArrivingBytes in = new ArrivingBytes();
        SseParser parser = new SseParser(in);
        assertThat(parser.poll()).as("nothing arrived").isNull();
        in.arrive("event: a\ndata: 1\n\nevent: b\nda");
        assertThat(parser.poll()).contains(new SseEvent("a", "1"));
        assertThat(parser.poll()).as("b is half there").isNull();
        in.arrive("ta: 2");
        assertThat(parser.poll()).as("its line has not ended").isNull();
        in.arrive("\r");
        assertThat(parser.poll()).as("the line ended, the event has not").isNull();
        in.arrive("\n\r\n");
        assertThat(parser.poll()).contains(new SseEvent("b", "2"));
        in.arrive("data: 3\n\n");
        assertThat(parser.next()).contains(SseEvent.data("3"));
        in.end();
        assertThat(parser.poll()).as("a stream cannot say it ended without a read").isNull();
        assertThat(parser.next()).isEmpty();
    }

    @Test
    void poll_returnsAnEventCutOffByTheEndOfTheStream() throws IOException {
        ArrivingBytes in = new ArrivingBytes();
        SseParser parser = new SseParser(in);
        in.arrive("data: partial");
        assertThat(parser.poll()).isNull();
        in.end();
        assertThat(parser.next()).contains(SseEvent.data("partial"));
        assertThat(parser.poll()).as("the end was seen").isEmpty();
    }
}
