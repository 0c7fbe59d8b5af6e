package ai.openclaw.gateway;

import ai.openclaw.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP request/response in blocking style (handlers run on virtual threads): read the body with a size limit,
 * answer with JSON, or stream server-sent events flushed one by one.
 */
public final class Exchange implements ClientChannel {
    /** Requests may carry base64 images; anything larger is refused with 413. */
    public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final Request request;
    private final Response response;
    private OutputStream out;
    private boolean committed;
    private boolean bodyRead;
    private int status;

    Exchange(Request request, Response response) {
        this.request = request;
        this.response = response;
    }

    public String method() {
        return request.getMethod();
    }

    public String path() {
        return request.getHttpURI().getPath();
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public java.util.List<java.util.Map.Entry<String, String>> headers() {
        java.util.List<java.util.Map.Entry<String, String>> out = new java.util.ArrayList<>();
        for (var field : request.getHeaders()) {
            out.add(java.util.Map.entry(field.getName(), field.getValue()));
        }
        return out;
    }

    @Override
    public ClientChannel.Watch watchDisconnect(DisconnectWatch.Poller poller, Runnable abort) {
        request.addFailureListener(t -> abort.run());
        DisconnectWatch w = DisconnectWatch.start(request, poller, abort);
        return new ClientChannel.Watch() {
            @Override
            public boolean sawPipelinedData() {
                return w.sawPipelinedData();
            }

            @Override
            public void close() {
                w.close();
                if (w.sawPipelinedData() && committed) {
                    // a byte of the client's next request was consumed after the response head went out, too late
                    // for `connection: close`: end the connection after this response instead
                    request.getConnectionMetaData().getConnection().getEndPoint().close();
                }
            }
        };
    }

    public Request request() {
        return request;
    }

    /** @throws BodyTooLargeException over {@link #MAX_BODY_BYTES} */
    @Override
    public byte[] body() throws IOException {
        bodyRead = true;
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] data = Bodies.readUpTo(in, MAX_BODY_BYTES + 1, request.getLength());
            if (data.length > MAX_BODY_BYTES) {
                throw new BodyTooLargeException();
            }
            return data;
        }
    }

    private boolean hasBody() {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** The request body could not be accepted because of its size. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    public boolean committed() {
        return committed;
    }

    /** The status sent (0 before anything was sent). */
    @Override
    public int status() {
        return status;
    }

    @Override
    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    @Override
    public void sendJson(int status, JsonNode body) throws IOException {
        sendBytes(status, "application/json", Json.compact(body).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendBytes(int status, String contentType, byte[] body) throws IOException {
        if (!bodyRead && hasBody()) {
            // an answer before the body was read (401, 405, ...): Jetty then closes the connection after the
            // response, so say so, or a client would send its next request on a connection about to close
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.setStatus(status);
        this.status = status;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        committed = true;
        try (OutputStream o = Content.Sink.asOutputStream(response)) {
            o.write(body);
        }
    }

    public void sendText(int status, String contentType, String body) throws IOException {
        sendBytes(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a streamed response; every {@link #write} is flushed to the client at once. */
    @Override
    public void startStream(int status, String contentType) {
        response.setStatus(status);
        this.status = status;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        out = Content.Sink.asOutputStream(response);
        committed = true;
    }

    /** Writes and flushes; throws when the client has gone away. */
    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Completes a streamed response. */
    @Override
    public void endStream() throws IOException {
        if (out != null) {
            out.close();
        }
    }

    /** Sends {@code last} and the end of the response together (the last chunk and the terminating one). */
    @Override
    public void endStream(byte[] last) throws IOException {
        Content.Sink.write(response, true, java.nio.ByteBuffer.wrap(last));
        out = null;
    }
}
