package ai.openclaw.translate;

import ai.openclaw.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI {@code chat.completion.chunk} stream → Anthropic Messages stream events.
 *
 * <ul>
 *   <li>first chunk → {@code message_start} (id from the chunk, {@code model} the client's, usage 0/0 since OpenAI
 *       reports usage only at the end);</li>
 *   <li>{@code delta.content} (and {@code delta.refusal}) → a text block: {@code content_block_start} on the first
 *       non-empty text, then {@code content_block_delta text_delta};</li>
 *   <li>{@code delta.tool_calls[]} → for a tool call index not seen before: {@code content_block_stop} of the open
 *       block, {@code content_block_start tool_use} (id, name, {@code input: {}}); argument fragments →
 *       {@code input_json_delta}. Text after a tool call opens a new text block. Blocks are numbered 0, 1, ... in
 *       the order they open, so several (parallel) tool calls get consecutive indexes;</li>
 *   <li>{@code finish_reason} → {@code content_block_stop} of the open block; then, once usage is known (the same
 *       chunk, the usage-only chunk OpenAI sends when {@code stream_options.include_usage} is set, or {@code [DONE]}),
 *       {@code message_delta} ({@code stop_reason} by {@link StopReasons}, {@code stop_sequence: null}, usage
 *       translated by {@link Usage}; 0 output tokens when the upstream reported none) and {@code message_stop};</li>
 *   <li>{@code [DONE]} ends the stream (finishing with {@code end_turn} if no finish_reason came);</li>
 *   <li>a chunk with an {@code error} object → an Anthropic {@code error} event and the stream is complete.</li>
 * </ul>
 * Only choice 0 is read. Arguments of one tool call must arrive before the next call starts (as OpenAI sends them);
 * a fragment for an already closed call is an {@link UpstreamFormatException}, since Anthropic blocks cannot
 * interleave.
 */
public final class OpenAiToAnthropicStream implements StreamTranslator {
    private enum Block { NONE, TEXT, TOOL }

    private final String clientModel;

    private boolean started;
    private boolean complete;
    private int nextBlockIndex;
    private Block open = Block.NONE;
    private int openToolCall = -1;
    private final Set<Integer> seenToolCalls = new HashSet<>();
    private boolean finished;
    private String stopReason;
    private JsonNode usage;

    /** @param clientModel the model name the client asked for, echoed in {@code message_start} */
    public OpenAiToAnthropicStream(String clientModel) {
        this.clientModel = Objects.requireNonNull(clientModel, "clientModel");
    }

    @Override
    public List<SseEvent> onEvent(SseEvent upstream) {
        if (complete || !upstream.hasData()) {
            return List.of();
        }
        List<SseEvent> out = new ArrayList<>();
        if (upstream.isDone()) {
            start(out, null);
            if (!finished) {
                closeOpenBlock(out);
                finished = true;
                stopReason = "end_turn";
            }
            end(out);
            return out;
        }
        JsonNode chunk = upstream.json();
        JsonNode error = chunk.get("error");
        if (error != null && error.isObject()) {
            complete = true;
            int status = ErrorBodies.statusOfOpenAiError(error);
            return List.of(ErrorBodies.anthropicStreamError(ErrorBodies.anthropicType(status),
                    error.path("message").asString("upstream error")));
        }
        start(out, chunk);
        JsonNode chunkUsage = chunk.get("usage");
        if (chunkUsage != null && chunkUsage.isObject()) {
            usage = chunkUsage;
        }
        JsonNode choices = chunk.path("choices");
        if (choices.isArray() && !choices.isEmpty() && !finished) {
            choice(choices.get(0), out);
        }
        if (finished && usage != null) {
            end(out);
        }
        return out;
    }

    @Override
    public List<SseEvent> onUpstreamEnd() {
        if (complete) {
            return List.of();
        }
        if (finished) {
            List<SseEvent> out = new ArrayList<>();
            end(out);
            return out;
        }
        complete = true;
        return List.of(ErrorBodies.anthropicStreamError(ErrorBodies.anthropicType(502),
                "the upstream stream ended before the response was complete"));
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    private void start(List<SseEvent> out, JsonNode chunk) {
        if (started) {
            return;
        }
        started = true;
        ObjectNode event = Json.object();
        event.put("type", "message_start");
        ObjectNode message = event.putObject("message");
        message.put("id", chunk != null && chunk.path("id").isString() ? chunk.get("id").stringValue()
                : "msg_gateway");
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", clientModel);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        ObjectNode startUsage = message.putObject("usage");
        startUsage.put("input_tokens", 0);
        startUsage.put("output_tokens", 0);
        out.add(SseEvent.json("message_start", event));
    }

    private void choice(JsonNode choice, List<SseEvent> out) {
        JsonNode delta = choice.path("delta");
        text(delta.path("content").asString(""), out);
        text(delta.path("refusal").asString(""), out);
        JsonNode toolCalls = delta.path("tool_calls");
        if (toolCalls.isArray()) {
            for (int position = 0; position < toolCalls.size(); position++) {
                toolCall(toolCalls.get(position), position, out);
            }
        }
        JsonNode finishReason = choice.path("finish_reason");
        if (finishReason.isString()) {
            closeOpenBlock(out);
            finished = true;
            stopReason = StopReasons.toAnthropic(finishReason.stringValue());
        }
    }

    private void text(String text, List<SseEvent> out) {
        if (text.isEmpty()) {
            return;
        }
        if (open != Block.TEXT) {
            closeOpenBlock(out);
            ObjectNode block = Json.object();
            block.put("type", "text");
            block.put("text", "");
            blockStart(block, Block.TEXT, out);
        }
        ObjectNode delta = Json.object();
        delta.put("type", "text_delta");
        delta.put("text", text);
        blockDelta(delta, out);
    }

    private void toolCall(JsonNode call, int position, List<SseEvent> out) {
        int toolCall = call.path("index").isIntegralNumber() ? call.get("index").asInt() : position;
        JsonNode function = call.path("function");
        if (open != Block.TOOL || openToolCall != toolCall) {
            if (seenToolCalls.contains(toolCall)) {
                throw new UpstreamFormatException("OpenAI stream continued tool call " + toolCall
                        + " after another block started; Anthropic content blocks cannot interleave");
            }
            if (!function.path("name").isString()) {
                throw new UpstreamFormatException("OpenAI stream started tool call " + toolCall
                        + " without a function name");
            }
            closeOpenBlock(out);
            seenToolCalls.add(toolCall);
            openToolCall = toolCall;
            ObjectNode block = Json.object();
            block.put("type", "tool_use");
            block.put("id", ToolCallIds.forAnthropic(call.path("id").isString() ? call.get("id").stringValue()
                    : "toolu_" + toolCall));
            block.put("name", function.get("name").stringValue());
            block.putObject("input");
            blockStart(block, Block.TOOL, out);
        }
        String arguments = function.path("arguments").asString("");
        if (!arguments.isEmpty()) {
            ObjectNode delta = Json.object();
            delta.put("type", "input_json_delta");
            delta.put("partial_json", arguments);
            blockDelta(delta, out);
        }
    }

    private void blockStart(ObjectNode block, Block kind, List<SseEvent> out) {
        ObjectNode event = Json.object();
        event.put("type", "content_block_start");
        event.put("index", nextBlockIndex);
        event.set("content_block", block);
        out.add(SseEvent.json("content_block_start", event));
        open = kind;
    }

    private void blockDelta(ObjectNode delta, List<SseEvent> out) {
        ObjectNode event = Json.object();
        event.put("type", "content_block_delta");
        event.put("index", nextBlockIndex);
        event.set("delta", delta);
        out.add(SseEvent.json("content_block_delta", event));
    }

    private void closeOpenBlock(List<SseEvent> out) {
        if (open == Block.NONE) {
            return;
        }
        ObjectNode event = Json.object();
        event.put("type", "content_block_stop");
        event.put("index", nextBlockIndex);
        out.add(SseEvent.json("content_block_stop", event));
        nextBlockIndex++;
        open = Block.NONE;
        openToolCall = -1;
    }

    private void end(List<SseEvent> out) {
        ObjectNode delta = Json.object();
        delta.put("type", "message_delta");
        ObjectNode body = delta.putObject("delta");
        body.put("stop_reason", stopReason);
        body.putNull("stop_sequence");
        delta.set("usage", usage == null ? zeroOutput() : Usage.toAnthropic(usage));
        out.add(SseEvent.json("message_delta", delta));
        ObjectNode stop = Json.object();
        stop.put("type", "message_stop");
        out.add(SseEvent.json("message_stop", stop));
        complete = true;
    }

    private static ObjectNode zeroOutput() {
        ObjectNode usage = Json.object();
        usage.put("output_tokens", 0);
        return usage;
    }
}
