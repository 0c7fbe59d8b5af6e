package ai.openclaw.gateway;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The caller's side of one model call: an HTTP exchange for the gateway, or the terminal for
 * {@code openclaw agent}. The model-call service speaks only to this.
 */
public interface ClientChannel {
    String header(String name);

    /** Request headers that may travel upstream (names as sent). */
    List<Map.Entry<String, String>> headers();

    byte[] body() throws IOException;

    void setHeader(String name, String value);

    void sendJson(int status, tools.jackson.databind.JsonNode body) throws IOException;

    void sendBytes(int status, String contentType, byte[] body) throws IOException;

    void startStream(int status, String contentType) throws IOException;

    void write(byte[] bytes) throws IOException;

    default void write(String text) throws IOException {
        write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void endStream() throws IOException;

    /** Writes {@code last} and completes the stream: one write to the client where the channel allows it. */
    default void endStream(byte[] last) throws IOException {
        write(last);
        endStream();
    }

    /** The status sent (0 before anything was sent). */
    int status();

    /**
     * Calls {@code abort} as soon as the caller goes away, until the returned handle is closed. The handle's
     * {@link Watch#sawPipelinedData()} says whether the caller already sent its next request.
     */
    Watch watchDisconnect(DisconnectWatch.Poller poller, Runnable abort);

    /** A disconnect watch. */
    interface Watch extends AutoCloseable {
        boolean sawPipelinedData();

        @Override
        void close();

        Watch NONE = new Watch() {
            @Override
            public boolean sawPipelinedData() {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }
}
