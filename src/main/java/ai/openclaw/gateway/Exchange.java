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
public final class Exchange {
    /** Requests may carry base64 images; anything larger is refused with 413. */
    public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final Request request;
    private final Response response;
    private OutputStream out;
    private boolean committed;
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

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    public Request request() {
        return request;
    }

    /** @throws BodyTooLargeException over {@link #MAX_BODY_BYTES} */
    public byte[] body() throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] data = in.readNBytes(MAX_BODY_BYTES + 1);
            if (data.length > MAX_BODY_BYTES) {
                throw new BodyTooLargeException();
            }
            return data;
        }
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
    public int status() {
        return status;
    }

    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    public void sendJson(int status, JsonNode body) throws IOException {
        sendBytes(status, "application/json", Json.compact(body).getBytes(StandardCharsets.UTF_8));
    }

    public void sendBytes(int status, String contentType, byte[] body) throws IOException {
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
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Completes a streamed response. */
    public void endStream() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
