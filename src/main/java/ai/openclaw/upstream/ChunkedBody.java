package ai.openclaw.upstream;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.apache.hc.core5.http.io.SessionInputBuffer;

/**
 * The body of an HTTP/1.1 response with {@code Transfer-Encoding: chunked}, decoded from a connection's session
 * buffer.
 *
 * <p>It exists for {@link #available()}: HttpCore's own decoder only counts the rest of the current chunk, so a
 * reader asking "what can I read without blocking?" stops at every chunk boundary even when the next chunks are
 * already in memory. An SSE upstream sends one event per chunk, so a relay that copies what is available wrote
 * each event to its client separately (22 writes per stream of 21 events). Here {@code available()} steps over
 * chunk framing that has already arrived (consuming it, never waiting for more) and reports the data bytes behind
 * it, so everything that arrived together can go out together while nothing that has arrived is held back.
 *
 * <p>Framing errors are {@link MalformedChunkCodingException}s, a connection that ends early is a
 * {@link ConnectionClosedException} or {@link TruncatedChunkException}, as with HttpCore's decoder. Chunk
 * extensions and trailer fields are read and ignored. Closing before the end reads the rest (as HttpCore's decoder
 * does), so the connection can be reused.
 */
final class ChunkedBody extends InputStream {
    static final int MAX_LINE = 4096;
    static final int MAX_TRAILERS = 100;

    private enum State { SIZE, DATA, DATA_END, TRAILER, EOF }

    private final SessionInputBuffer buffer;
    private final InputStream socket;
    private final StringBuilder line = new StringBuilder(16);
    private State state = State.SIZE;
    private long remaining;
    private boolean sawCr;
    private int trailers;
    private boolean closed;

    ChunkedBody(SessionInputBuffer buffer, InputStream socket) {
        this.buffer = buffer;
        this.socket = socket;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("chunked body is closed");
        }
        if (len == 0) {
            return 0;
        }
        while (state != State.DATA) {
            if (state == State.EOF) {
                return -1;
            }
            int c = buffer.read(socket);
            if (c < 0) {
                throw new ConnectionClosedException("Premature end of chunk coded message body: closing chunk expected");
            }
            step(c);
        }
        int n = buffer.read(b, off, (int) Math.min(len, remaining), socket);
        if (n < 0) {
            throw new TruncatedChunkException("Truncated chunk (expected size: %d; actual size: %d)", remaining, 0);
        }
        remaining -= n;
        if (remaining == 0) {
            state = State.DATA_END;
        }
        return n;
    }

    /**
     * Data bytes that can be read without blocking: framing that has already arrived is consumed on the way, so
     * the count reaches across chunk boundaries. Never blocks.
     */
    @Override
    public int available() throws IOException {
        if (closed) {
            return 0;
        }
        while (state != State.DATA && state != State.EOF && readable() > 0) {
            int c = buffer.read(socket);
            if (c < 0) {
                return 0;
            }
            step(c);
        }
        if (state != State.DATA) {
            return 0;
        }
        return (int) Math.min(readable(), remaining);
    }

    /**
     * True when the body's last chunk (and trailer) has been read, so the next read returns -1 without waiting.
     * Call after {@link #available()} returned 0 to learn whether that was the end rather than a pause.
     */
    boolean atEnd() {
        return state == State.EOF;
    }

    private int readable() throws IOException {
        int buffered = buffer.length();
        return buffered > 0 ? buffered : socket.available();
    }

    private void step(int c) throws MalformedChunkCodingException {
        switch (state) {
            case SIZE -> {
                if (c != '\n') {
                    append(c);
                    return;
                }
                remaining = chunkSize(line);
                line.setLength(0);
                state = remaining == 0 ? State.TRAILER : State.DATA;
            }
            case DATA_END -> {
                if (c == '\r' && !sawCr) {
                    sawCr = true;
                } else if (c == '\n') {
                    sawCr = false;
                    state = State.SIZE;
                } else {
                    throw new MalformedChunkCodingException("CRLF expected at end of chunk");
                }
            }
            case TRAILER -> {
                if (c != '\n') {
                    append(c);
                    return;
                }
                boolean end = line.isEmpty() || (line.length() == 1 && line.charAt(0) == '\r');
                line.setLength(0);
                if (end) {
                    state = State.EOF;
                } else if (++trailers > MAX_TRAILERS) {
                    throw new MalformedChunkCodingException("Too many trailer fields after the last chunk");
                }
            }
            default -> throw new IllegalStateException("no framing byte expected in state " + state);
        }
    }

    private void append(int c) throws MalformedChunkCodingException {
        if (line.length() >= MAX_LINE) {
            throw new MalformedChunkCodingException(state == State.SIZE ? "Chunk header line too long"
                    : "Trailer line too long");
        }
        line.append((char) c);
    }

    /** The size in a chunk header line ({@code 1a;ext=v\r}): hex digits before any extension. */
    static long chunkSize(CharSequence header) throws MalformedChunkCodingException {
        int end = header.length();
        if (end > 0 && header.charAt(end - 1) == '\r') {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (header.charAt(i) == ';') {
                end = i;
                break;
            }
        }
        int start = 0;
        while (start < end && isBlank(header.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(header.charAt(end - 1))) {
            end--;
        }
        if (start == end || end - start > 15) {
            throw new MalformedChunkCodingException("Bad chunk header: " + printable(header));
        }
        long size = 0;
        for (int i = start; i < end; i++) {
            int digit = Character.digit(header.charAt(i), 16);
            if (digit < 0) {
                throw new MalformedChunkCodingException("Bad chunk header: " + printable(header));
            }
            size = size * 16 + digit;
        }
        return size;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static String printable(CharSequence s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(s.length(), 40); i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    /** Reads to the end so the connection can carry the next exchange; a broken body is left to the caller. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (state != State.EOF) {
                byte[] skip = new byte[2048];
                while (read(skip, 0, skip.length) >= 0) {
                    // discard
                }
            }
        } finally {
            closed = true;
        }
    }
}
