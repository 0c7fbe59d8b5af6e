package ai.openclaw.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.testing.ArrivingBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.apache.hc.core5.http.impl.io.SessionInputBufferImpl;
import org.apache.hc.core5.util.CharArrayBuffer;
import org.junit.jupiter.api.Test;

class ChunkedBodyTest {
    private final ArrivingBytes socket = new ArrivingBytes();
    private final SessionInputBufferImpl buffer = new SessionInputBufferImpl(64);
    private final ChunkedBody body = new ChunkedBody(buffer, socket);

    private String readAvailable() throws IOException {
        int n = body.available();
        byte[] buf = new byte[n];
        int got = 0;
        while (got < n) {
            got += body.read(buf, got, n - got);
        }
        return new String(buf, StandardCharsets.ISO_8859_1);
    }

    @Test
    void available_countsDataOfEveryChunkThatHasArrived_notJustTheCurrentOne() throws IOException {
        socket.arrive("5\r\nhello\r\n6\r\n world\r\n1;ext=1\r\n!\r\n");
        assertThat(body.available()).isEqualTo(5);
        assertThat(readAvailable()).isEqualTo("hello");
        // HttpCore's decoder answers 0 here: the current chunk is used up
        assertThat(body.available()).isEqualTo(6);
        assertThat(readAvailable()).isEqualTo(" world");
        assertThat(readAvailable()).isEqualTo("!");
        assertThat(body.available()).isZero();
    }

    @Test
    void available_neverWaits_onFramingThatHasOnlyPartlyArrived() throws IOException {
        socket.arrive("3\r\nabc");
        assertThat(readAvailable()).isEqualTo("abc");
        assertThat(body.available()).as("nothing after the data yet").isZero();
        socket.arrive("\r");
        assertThat(body.available()).as("half of the CRLF").isZero();
        socket.arrive("\n1");
        assertThat(body.available()).as("part of the next size line").isZero();
        socket.arrive("0\r\n");
        assertThat(body.available()).as("size line complete, no data yet").isZero();
        socket.arrive("0123456789abcdef");
        assertThat(readAvailable()).isEqualTo("0123456789abcdef");
    }

    @Test
    void theEndIsReached_withTrailers_andLeavesTheNextResponseUnread() throws IOException {
        socket.arrive("4\r\nlast\r\n0\r\nx-checksum: 1\r\nx-other: 2\r\n\r\nHTTP/1.1 200 OK\r\n");
        assertThat(readAvailable()).isEqualTo("last");
        assertThat(body.available()).isZero();
        assertThat(body.read(new byte[8], 0, 8)).isEqualTo(-1);
        assertThat(body.read()).isEqualTo(-1);
        CharArrayBuffer next = new CharArrayBuffer(32);
        buffer.readLine(next, socket);
        assertThat(next.toString()).as("the connection's next response is untouched").isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void aBodyReadWholeMatchesWhatWasSent_whateverTheChunkSizes() throws IOException {
        StringBuilder sent = new StringBuilder();
        StringBuilder wire = new StringBuilder();
        for (int size : new int[] {1, 2, 63, 64, 65, 200, 7}) {
            String data = "x".repeat(size - 1) + (char) ('a' + size % 26);
            sent.append(data);
            wire.append(Integer.toHexString(size).toUpperCase()).append("\r\n").append(data).append("\r\n");
        }
        socket.arrive(wire + "0\r\n\r\n");
        assertThat(new String(body.readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo(sent.toString());
    }

    @Test
    void closeBeforeTheEnd_readsTheRestOfTheBody() throws IOException {
        socket.arrive("3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n");
        assertThat(body.read()).isEqualTo('a');
        body.close();
        assertThat(socket.available()).isZero();
        assertThatThrownBy(() -> body.read()).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void aSizeLineThatIsNotHex_isMalformed() {
        socket.arrive("zz\r\nabc\r\n");
        assertThatThrownBy(() -> body.read()).isInstanceOf(MalformedChunkCodingException.class)
                .hasMessageContaining("Bad chunk header: zz");
    }

    @Test
    void anEmptyOrOversizedSizeLine_isMalformed() {
        socket.arrive("\r\n");
        assertThatThrownBy(() -> body.read()).isInstanceOf(MalformedChunkCodingException.class);
        ArrivingBytes other = new ArrivingBytes();
        other.arrive("1".repeat(16) + "\r\n");
        ChunkedBody huge = new ChunkedBody(new SessionInputBufferImpl(64), other);
        assertThatThrownBy(huge::read).isInstanceOf(MalformedChunkCodingException.class);
        ArrivingBytes endless = new ArrivingBytes();
        endless.arrive("1" + " ".repeat(ChunkedBody.MAX_LINE + 1));
        ChunkedBody longLine = new ChunkedBody(new SessionInputBufferImpl(64), endless);
        assertThatThrownBy(longLine::read).isInstanceOf(MalformedChunkCodingException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void dataNotFollowedByCrlf_isMalformed() throws IOException {
        socket.arrive("3\r\nabcX\r\n");
        assertThat(readAvailable()).isEqualTo("abc");
        assertThatThrownBy(() -> body.read()).isInstanceOf(MalformedChunkCodingException.class)
                .hasMessageContaining("CRLF expected");
    }

    @Test
    void aConnectionClosedMidChunk_isTruncated_andBeforeTheLastChunk_isClosedEarly() throws IOException {
        socket.arrive("a\r\nabc");
        socket.end();
        assertThat(readAvailable()).isEqualTo("abc");
        assertThatThrownBy(() -> body.read()).isInstanceOf(TruncatedChunkException.class);

        ArrivingBytes other = new ArrivingBytes();
        other.arrive("3\r\nabc\r\n");
        other.end();
        ChunkedBody early = new ChunkedBody(new SessionInputBufferImpl(64), other);
        assertThat(early.readNBytes(3)).containsExactly('a', 'b', 'c');
        assertThatThrownBy(early::read).isInstanceOf(ConnectionClosedException.class)
                .hasMessageContaining("closing chunk expected");
    }

    @Test
    void chunkSize_readsHexBeforeExtensions_andIgnoresSurroundingBlanks() throws MalformedChunkCodingException {
        assertThat(ChunkedBody.chunkSize("1A\r")).isEqualTo(26);
        assertThat(ChunkedBody.chunkSize(" ff ;name=value\r")).isEqualTo(255);
        assertThat(ChunkedBody.chunkSize("0")).isZero();
        assertThat(ChunkedBody.chunkSize("7fffffffffffffff".substring(1))).isEqualTo(0x0fffffffffffffffL);
    }
}
