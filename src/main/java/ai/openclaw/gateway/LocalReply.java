package ai.openclaw.gateway;

import ai.openclaw.json.Json;
import ai.openclaw.translate.SseEvent;
import ai.openclaw.translate.SseWriter;
import java.io.IOException;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * An answer the gateway gives itself (a {@code /model} directive), shaped as an assistant message of the caller's
 * API, streamed when the caller asked for a stream.
 */
final class LocalReply {
    private LocalReply() {}

    static void send(ClientChannel ex, ApiFormat format, boolean stream, String model, String text, long epochSeconds)
            throws IOException {
        String id = UUID.randomUUID().toString().replace("-", "");
        if (format == ApiFormat.OPENAI) {
            if (!stream) {
                ObjectNode root = Json.object();
                root.put("id", "chatcmpl-" + id);
                root.put("object", "chat.completion");
                root.put("created", epochSeconds);
                root.put("model", model);
                ObjectNode choice = root.putArray("choices").addObject();
                choice.put("index", 0);
                choice.putObject("message").put("role", "assistant").put("content", text);
                choice.put("finish_reason", "stop");
                root.putObject("usage").put("prompt_tokens", 0).put("completion_tokens", 0).put("total_tokens", 0);
                ex.sendJson(200, root);
                return;
            }
            ex.startStream(200, "text/event-stream");
            ex.write(SseWriter.bytes(SseEvent.data(Json.compact(chunk(id, model, epochSeconds, text, null)))));
            ex.write(SseWriter.bytes(SseEvent.data(Json.compact(chunk(id, model, epochSeconds, null, "stop")))));
            ex.write(SseWriter.bytes(SseEvent.done()));
            ex.endStream();
            return;
        }
        ObjectNode message = Json.object();
        message.put("id", "msg_" + id);
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", model);
        if (!stream) {
            message.putArray("content").addObject().put("type", "text").put("text", text);
            message.put("stop_reason", "end_turn");
            message.putNull("stop_sequence");
            message.putObject("usage").put("input_tokens", 0).put("output_tokens", 0);
            ex.sendJson(200, message);
            return;
        }
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 0).put("output_tokens", 0);
        ex.startStream(200, "text/event-stream");
        ObjectNode start = Json.object().put("type", "message_start");
        start.set("message", message);
        event(ex, "message_start", start);
        ObjectNode blockStart = Json.object().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        event(ex, "content_block_start", blockStart);
        ObjectNode delta = Json.object().put("type", "content_block_delta").put("index", 0);
        delta.putObject("delta").put("type", "text_delta").put("text", text);
        event(ex, "content_block_delta", delta);
        event(ex, "content_block_stop", Json.object().put("type", "content_block_stop").put("index", 0));
        ObjectNode md = Json.object().put("type", "message_delta");
        md.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
        md.putObject("usage").put("output_tokens", 0);
        event(ex, "message_delta", md);
        event(ex, "message_stop", Json.object().put("type", "message_stop"));
        ex.endStream();
    }

    private static ObjectNode chunk(String id, String model, long created, String content, String finish) {
        ObjectNode c = Json.object();
        c.put("id", "chatcmpl-" + id);
        c.put("object", "chat.completion.chunk");
        c.put("created", created);
        c.put("model", model);
        ObjectNode choice = c.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("role", "assistant").put("content", content);
        }
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return c;
    }

    private static void event(ClientChannel ex, String name, ObjectNode payload) throws IOException {
        ex.write(SseWriter.bytes(SseEvent.json(name, payload)));
    }
}
