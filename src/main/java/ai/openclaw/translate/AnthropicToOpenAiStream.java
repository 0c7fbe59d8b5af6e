package ai.openclaw.translate;

import ai.openclaw.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Anthropic Messages stream → OpenAI {@code chat.completion.chunk} events.
 *
 * <ul>
 *   <li>{@code message_start} → first chunk, {@code delta: {role: "assistant", content: ""}} (the message id becomes
 *       the chunk id, input usage is remembered);</li>
 *   <li>{@code content_block_start} of a {@code tool_use} block → {@code delta.tool_calls: [{index, id, type:
 *       "function", function: {name, arguments: ""}}]}; tool calls are numbered 0, 1, ... in block order;</li>
 *   <li>{@code text_delta} → {@code delta.content}; {@code input_json_delta} → {@code delta.tool_calls: [{index,
 *       function: {arguments: <fragment>}}]} (empty fragments are skipped);</li>
 *   <li>{@code message_delta} → a finish chunk ({@code delta: {}}, {@code finish_reason} mapped by
 *       {@link StopReasons}) and, when the client set {@code stream_options.include_usage}, a usage chunk
 *       ({@code choices: []}, {@code usage}); all other chunks then carry {@code "usage": null} as OpenAI's do;</li>
 *   <li>{@code message_stop} → {@code [DONE]};</li>
 *   <li>{@code error} → an OpenAI stream error ({@code data: {"error": ...}}) and the stream is complete;</li>
 *   <li>{@code ping}, {@code content_block_stop}, thinking blocks and their deltas, unknown events → nothing.</li>
 * </ul>
 * The event type is read from the data's {@code type}, or from the SSE event name when the data is empty.
 */
public final class AnthropicToOpenAiStream implements StreamTranslator {
    private final String clientModel;
    private final long created;
    private final boolean includeUsage;

    private String id;
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    private final ObjectNode usage = Json.object();
    private boolean finishSent;
    private boolean complete;

    /**
     * @param clientModel    the model name the client asked for, echoed in every chunk
     * @param created        the {@code created} epoch seconds of every chunk
     * @param includeUsage   whether to emit the usage chunk ({@link #includeUsageRequested})
     */
    public AnthropicToOpenAiStream(String clientModel, long created, boolean includeUsage) {
        this.clientModel = Objects.requireNonNull(clientModel, "clientModel");
        this.created = created;
        this.includeUsage = includeUsage;
        this.id = "chatcmpl-" + created;
    }

    /** Whether an OpenAI request asks for the usage chunk ({@code stream_options.include_usage: true}). */
    public static boolean includeUsageRequested(JsonNode openAiRequest) {
        return openAiRequest != null && openAiRequest.path("stream_options").path("include_usage").asBoolean(false);
    }

    @Override
    public List<SseEvent> onEvent(SseEvent upstream) {
        if (complete) {
            return List.of();
        }
        JsonNode data = upstream.hasData() ? upstream.json() : Json.object();
        String type = data.path("type").isString() ? data.get("type").stringValue()
                : Objects.requireNonNullElse(upstream.event(), "");
        return switch (type) {
            case "message_start" -> messageStart(data.path("message"));
            case "content_block_start" -> blockStart(data);
            case "content_block_delta" -> blockDelta(data);
            case "message_delta" -> messageDelta(data);
            case "message_stop" -> messageStop();
            case "error" -> error(data.path("error"));
            default -> List.of();
        };
    }

    @Override
    public List<SseEvent> onUpstreamEnd() {
        if (complete) {
            return List.of();
        }
        complete = true;
        if (finishSent) {
            return List.of(SseEvent.done());
        }
        return List.of(ErrorBodies.openAiStreamError(502, ErrorBodies.openAiType(502),
                "the upstream stream ended before the response was complete"));
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    private List<SseEvent> messageStart(JsonNode message) {
        if (message.path("id").isString()) {
            id = message.get("id").stringValue();
        }
        mergeUsage(message.path("usage"));
        ObjectNode delta = Json.object();
        delta.put("role", "assistant");
        delta.put("content", "");
        return List.of(chunk(delta, null));
    }

    private List<SseEvent> blockStart(JsonNode data) {
        JsonNode block = data.path("content_block");
        switch (block.path("type").asString("")) {
            case "tool_use" -> {
                int toolIndex = toolIndexByBlock.size();
                toolIndexByBlock.put(data.path("index").asInt(0), toolIndex);
                ObjectNode call = Json.object();
                call.put("index", toolIndex);
                call.put("id", block.path("id").asString(""));
                call.put("type", "function");
                ObjectNode function = call.putObject("function");
                function.put("name", block.path("name").asString(""));
                function.put("arguments", "");
                return List.of(toolCallChunk(call));
            }
            case "text" -> {
                String text = block.path("text").asString("");
                return text.isEmpty() ? List.of() : List.of(contentChunk(text));
            }
            default -> {
                return List.of();
            }
        }
    }

    private List<SseEvent> blockDelta(JsonNode data) {
        JsonNode delta = data.path("delta");
        switch (delta.path("type").asString("")) {
            case "text_delta" -> {
                String text = delta.path("text").asString("");
                return text.isEmpty() ? List.of() : List.of(contentChunk(text));
            }
            case "input_json_delta" -> {
                Integer toolIndex = toolIndexByBlock.get(data.path("index").asInt(-1));
                String fragment = delta.path("partial_json").asString("");
                if (toolIndex == null || fragment.isEmpty()) {
                    return List.of();
                }
                ObjectNode call = Json.object();
                call.put("index", toolIndex);
                call.putObject("function").put("arguments", fragment);
                return List.of(toolCallChunk(call));
            }
            default -> {
                return List.of();
            }
        }
    }

    private List<SseEvent> messageDelta(JsonNode data) {
        mergeUsage(data.path("usage"));
        String stopReason = data.path("delta").path("stop_reason").isString()
                ? data.path("delta").get("stop_reason").stringValue() : null;
        return finish(stopReason == null ? "stop" : StopReasons.toOpenAi(stopReason));
    }

    private List<SseEvent> messageStop() {
        List<SseEvent> out = new ArrayList<>(finishSent ? List.of() : finish("stop"));
        out.add(SseEvent.done());
        complete = true;
        return out;
    }

    private List<SseEvent> finish(String finishReason) {
        if (finishSent) {
            return List.of();
        }
        finishSent = true;
        List<SseEvent> out = new ArrayList<>();
        out.add(chunk(Json.object(), finishReason));
        if (includeUsage) {
            ObjectNode usageChunk = header();
            usageChunk.putArray("choices");
            usageChunk.set("usage", Usage.toOpenAi(usage));
            out.add(SseEvent.json(null, usageChunk));
        }
        return out;
    }

    private List<SseEvent> error(JsonNode error) {
        complete = true;
        String anthropicType = error.path("type").asString("api_error");
        int status = ErrorBodies.statusOfAnthropicType(anthropicType);
        return List.of(ErrorBodies.openAiStreamError(status, ErrorBodies.openAiType(status),
                error.path("message").asString("upstream error")));
    }

    /** message_delta usage is cumulative and may repeat or update message_start's counts. */
    private void mergeUsage(JsonNode update) {
        if (update.isObject()) {
            update.properties().forEach(e -> {
                if (e.getValue().isNumber()) {
                    usage.set(e.getKey(), e.getValue());
                }
            });
        }
    }

    private SseEvent contentChunk(String text) {
        ObjectNode delta = Json.object();
        delta.put("content", text);
        return chunk(delta, null);
    }

    private SseEvent toolCallChunk(ObjectNode call) {
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").add(call);
        return chunk(delta, null);
    }

    private SseEvent chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = header();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (includeUsage) {
            chunk.putNull("usage");
        }
        return SseEvent.json(null, chunk);
    }

    private ObjectNode header() {
        ObjectNode chunk = Json.object();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", clientModel);
        return chunk;
    }
}
