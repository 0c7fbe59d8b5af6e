package ai.openclaw.gateway;

import ai.openclaw.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code openclaw agent}: one model call through the gateway's own routing, in process, without HTTP. The answer's
 * text is printed as it streams in; the outcome (served model, credential, attempts, error) is returned.
 */
public final class OneShot {
    /**
     * @param status     200 when served, else the HTTP status the gateway would have answered
     * @param response   the full JSON answer ({@code --json}), or the error body
     */
    public record Result(int status, String model, String credential, String attempts, JsonNode response) {
        public String errorMessage() {
            return response == null ? null : response.path("error").path("message").asString(null);
        }
    }

    private OneShot() {}

    public static Result run(ModelCalls calls, String agentId, String sessionKey, String model, String message,
                             boolean stream, PrintWriter out) throws IOException {
        ObjectNode body = Json.object();
        if (model != null) {
            body.put("model", model);
        }
        body.put("stream", stream);
        body.putArray("messages").addObject().put("role", "user").put("content", message);
        Channel channel = new Channel(agentId, sessionKey, Json.compact(body).getBytes(StandardCharsets.UTF_8), out);
        RequestLog log = new RequestLog();
        calls.handle(channel, ApiFormat.OPENAI, log);
        out.flush();
        return new Result(channel.status, log.model, log.credential, log.attempts, channel.response);
    }

    /** Collects the gateway's answer and prints streamed text deltas as they arrive. */
    private static final class Channel implements ClientChannel {
        private final String agentId;
        private final String sessionKey;
        private final byte[] body;
        private final PrintWriter out;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        int status;
        JsonNode response;

        Channel(String agentId, String sessionKey, byte[] body, PrintWriter out) {
            this.agentId = agentId;
            this.sessionKey = sessionKey;
            this.body = body;
            this.out = out;
        }

        @Override
        public String header(String name) {
            return switch (name) {
                case "x-openclaw-agent-id" -> agentId;
                case "x-openclaw-session-key" -> sessionKey;
                default -> null;
            };
        }

        @Override
        public List<Map.Entry<String, String>> headers() {
            return List.of();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public void setHeader(String name, String value) {
            // no transport headers on a terminal
        }

        @Override
        public void sendJson(int status, JsonNode json) {
            this.status = status;
            this.response = json;
        }

        @Override
        public void sendBytes(int status, String contentType, byte[] bytes) {
            this.status = status;
            try {
                this.response = Json.MAPPER.readTree(bytes);
            } catch (JacksonException e) {
                this.response = Json.object().put("text", new String(bytes, StandardCharsets.UTF_8));
            }
        }

        @Override
        public void startStream(int status, String contentType) {
            this.status = status;
        }

        @Override
        public void write(byte[] bytes) {
            pending.writeBytes(bytes);
            String text = pending.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
            int end;
            while ((end = text.indexOf("\n\n")) >= 0) {
                event(text.substring(0, end));
                text = text.substring(end + 2);
            }
            pending.reset();
            pending.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        private void event(String raw) {
            StringBuilder data = new StringBuilder();
            raw.lines().filter(l -> l.startsWith("data:")).forEach(l -> data.append(l.substring(5).strip()));
            if (data.isEmpty() || data.toString().equals("[DONE]")) {
                return;
            }
            try {
                JsonNode chunk = Json.MAPPER.readTree(data.toString());
                if (chunk.has("error")) {
                    response = chunk;
                    status = 502;
                    return;
                }
                String piece = chunk.path("choices").path(0).path("delta").path("content").asString(null);
                if (piece != null) {
                    out.print(piece);
                    out.flush();
                }
            } catch (JacksonException e) {
                // a chunk we cannot read is skipped: the text printed so far stays correct
            }
        }

        @Override
        public void endStream() {
            out.println();
        }

        @Override
        public int status() {
            return status;
        }

        @Override
        public Watch watchDisconnect(DisconnectWatch.Poller poller, Runnable abort) {
            return Watch.NONE;
        }
    }
}
