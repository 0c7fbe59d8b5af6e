package ai.openclaw.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The server side of one request in {@link FakeUpstream}: write a response (whole or streamed), wait, cut the
 * connection, or wait for the client to go away. Used by {@link Responder}s on the connection's own thread.
 */
public final class FakeExchange {
    private final FakeUpstream server;
    private final RecordedRequest request;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean committed;
    private boolean connectionClosed;
    private SseStream stream;

    FakeExchange(FakeUpstream server, RecordedRequest request, Socket socket, InputStream in, OutputStream out) {
        this.server = server;
        this.request = request;
        this.socket = socket;
        this.in = in;
        this.out = out;
    }

    public RecordedRequest request() {
        return request;
    }

    /** A complete response with {@code content-length}. {@code headers} are alternating names and values. */
    public void respond(int status, String contentType, byte[] body, String... headers) throws IOException {
        StringBuilder head = head(status, headers);
        if (contentType != null) {
            head.append("content-type: ").append(contentType).append("\r\n");
        }
        head.append("content-length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        committed = true;
    }

    public void json(int status, String body, String... headers) throws IOException {
        respond(status, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Sends the head of a chunked {@code text/event-stream} response; write events on the returned stream. */
    public SseStream startSse(int status, String... headers) throws IOException {
        StringBuilder head = head(status, headers);
        head.append("content-type: text/event-stream\r\ncache-control: no-cache\r\ntransfer-encoding: chunked\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        committed = true;
        stream = new SseStream(out);
        return stream;
    }

    /** Sends {@code events} one by one, flushing each, waiting {@code gap} between them, then ends the stream. */
    public void sse(List<SseEvent> events, Duration gap) throws IOException, InterruptedException {
        SseStream s = startSse(200);
        for (int i = 0; i < events.size(); i++) {
            if (i > 0 && !gap.isZero()) {
                sleep(gap);
            }
            s.event(events.get(i));
        }
        s.end();
    }

    public void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d);
    }

    /** Closes the connection abruptly (TCP reset), e.g. mid-stream. */
    public void dropConnection() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closing anyway
        }
        closeConnection();
    }

    /** Closes the connection normally (FIN) without finishing the response. */
    public void closeConnection() {
        connectionClosed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /**
     * Blocks until the client closes the connection or {@code max} passes. When it closed, the request is recorded
     * in {@link FakeUpstream#cancellations()}.
     *
     * @return true when the client went away
     */
    public boolean awaitClientClose(Duration max) throws IOException {
        long deadline = System.nanoTime() + max.toNanos();
        byte[] buf = new byte[512];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
            try {
                if (in.read(buf) < 0) {
                    break;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                break;
            }
        }
        server.recordCancellation(request);
        closeConnection();
        return true;
    }

    boolean committed() {
        return committed;
    }

    boolean connectionClosed() {
        return connectionClosed || socket.isClosed();
    }

    /** Ends a stream the responder left open. */
    void finish() throws IOException {
        if (stream != null && !stream.ended() && !connectionClosed()) {
            stream.end();
        }
    }

    private static StringBuilder head(int status, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers are name/value pairs");
        }
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                .append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            sb.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        return sb;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 529 -> "Overloaded";
            default -> "Status";
        };
    }

    /** A chunked SSE body: every call writes one chunk and flushes it. */
    public static final class SseStream {
        private final OutputStream out;
        private boolean ended;

        SseStream(OutputStream out) {
            this.out = out;
        }

        public SseStream event(SseEvent event) throws IOException {
            return raw(event.encode());
        }

        public SseStream data(String data) throws IOException {
            return event(SseEvent.data(data));
        }

        public SseStream event(String name, String data) throws IOException {
            return event(SseEvent.named(name, data));
        }

        /** An SSE comment line ({@code : ping}), as keep-alives look. */
        public SseStream comment(String text) throws IOException {
            return raw(": " + text + "\n\n");
        }

        /** Any text as one chunk (may be a partial event). */
        public SseStream raw(String text) throws IOException {
            chunk(text);
            out.flush();
            return this;
        }

        /**
         * Several events, each its own chunk, sent in one write: how a fast upstream's events arrive together.
         */
        public SseStream burst(List<SseEvent> events) throws IOException {
            for (SseEvent e : events) {
                chunk(e.encode());
            }
            out.flush();
            return this;
        }

        private void chunk(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length == 0) {
                return;
            }
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }

        /** The last chunk: the response is complete and the connection can be reused. */
        public void end() throws IOException {
            if (!ended) {
                ended = true;
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }

        /** {@code events} (a chunk each) and the last chunk, in one write: the end arrives with the last events. */
        public void endWith(List<SseEvent> events) throws IOException {
            for (SseEvent e : events) {
                chunk(e.encode());
            }
            end();
        }

        boolean ended() {
            return ended;
        }
    }
}
