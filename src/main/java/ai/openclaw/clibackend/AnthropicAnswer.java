package ai.openclaw.clibackend;

import ai.openclaw.json.Json;
import ai.openclaw.translate.SseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CLI run's answer in Anthropic Messages shape: the whole message ({@link #message}), or its stream events one step
 * at a time (an instance: {@link #start}, {@link #text}, {@link #finish}). One text block; usage as Anthropic counts
 * it. The gateway sends these to Anthropic clients as they are and through the existing Anthropic → OpenAI
 * translators to OpenAI clients, so both formats come from one place.
 *
 * <p>An instance is single-use and confined to one thread.
 */
public final class AnthropicAnswer {
    private final String id;
    private final String model;
    private boolean started;
    private boolean finished;

    /**
     * @param id    the message id ({@code msg_...})
     * @param model the model name the client asked for
     */
    public AnthropicAnswer(String id, String model) {
        this.id = Objects.requireNonNull(id, "id");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The complete message: {@code {id, type: message, role: assistant, model, content: [text], stop_reason, ...}}. */
    public static ObjectNode message(String id, String model, String text, String stopReason, JsonNode usage) {
        ObjectNode m = header(id, model);
        m.putArray("content").addObject().put("type", "text").put("text", text);
        m.put("stop_reason", stopReason);
        m.putNull("stop_sequence");
        m.set("usage", usageOf(usage));
        return m;
    }

    /** {@code message_start} and the text block's {@code content_block_start}. */
    public List<SseEvent> start() {
        if (started) {
            return List.of();
        }
        started = true;
        ObjectNode message = header(id, model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 0).put("output_tokens", 0);
        ObjectNode start = Json.object().put("type", "message_start");
        start.set("message", message);
        ObjectNode blockStart = Json.object().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        return List.of(SseEvent.json("message_start", start), SseEvent.json("content_block_start", blockStart));
    }

    /** A {@code text_delta} (after {@link #start} when it has not been called yet). */
    public List<SseEvent> text(String delta) {
        List<SseEvent> out = new ArrayList<>(start());
        if (!delta.isEmpty()) {
            ObjectNode e = Json.object().put("type", "content_block_delta").put("index", 0);
            e.putObject("delta").put("type", "text_delta").put("text", delta);
            out.add(SseEvent.json("content_block_delta", e));
        }
        return out;
    }

    /** {@code content_block_stop}, {@code message_delta} with the stop reason and usage, {@code message_stop}. */
    public List<SseEvent> finish(String stopReason, JsonNode usage) {
        List<SseEvent> out = new ArrayList<>(start());
        if (finished) {
            return out;
        }
        finished = true;
        out.add(SseEvent.json("content_block_stop", Json.object().put("type", "content_block_stop").put("index", 0)));
        ObjectNode delta = Json.object().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        delta.set("usage", usageOf(usage));
        out.add(SseEvent.json("message_delta", delta));
        out.add(SseEvent.json("message_stop", Json.object().put("type", "message_stop")));
        return out;
    }

    private static ObjectNode header(String id, String model) {
        ObjectNode m = Json.object();
        m.put("id", id);
        m.put("type", "message");
        m.put("role", "assistant");
        m.put("model", model);
        return m;
    }

    /** The run's counts, with {@code input_tokens} and {@code output_tokens} always present. */
    private static ObjectNode usageOf(JsonNode usage) {
        ObjectNode u = Json.object();
        u.put("input_tokens", usage == null ? 0 : usage.path("input_tokens").asLong(0));
        u.put("output_tokens", usage == null ? 0 : usage.path("output_tokens").asLong(0));
        if (usage != null) {
            for (String f : List.of("cache_creation_input_tokens", "cache_read_input_tokens")) {
                if (usage.path(f).isNumber()) {
                    u.put(f, usage.path(f).asLong());
                }
            }
        }
        return u;
    }
}
