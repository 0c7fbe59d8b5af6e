package ai.openclaw.testing;

import ai.openclaw.json.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Canned Anthropic Messages bodies, streams and errors, shaped like the real API's. */
public final class AnthropicFixtures {
    private AnthropicFixtures() {}

    /** A message with one text block; stop_reason {@code end_turn}. */
    public static String message(String model, String text) {
        ObjectNode root = envelope("msg_fake_text", model, "end_turn");
        root.withArray("content").addObject().put("type", "text").put("text", text);
        return Json.compact(root);
    }

    /** A message with one {@code tool_use} block ({@code inputJson} is a JSON object text); stop_reason tool_use. */
    public static String toolUseMessage(String model, String toolUseId, String name, String inputJson) {
        ObjectNode root = envelope("msg_fake_tool", model, "tool_use");
        ObjectNode block = root.withArray("content").addObject().put("type", "tool_use").put("id", toolUseId)
                .put("name", name);
        block.set("input", Json.MAPPER.readTree(inputJson));
        return Json.compact(root);
    }

    /**
     * A text stream: message_start, content_block_start, ping, one text_delta per piece, content_block_stop,
     * message_delta (end_turn, usage) and message_stop.
     */
    public static List<SseEvent> textStream(String model, String... pieces) {
        List<SseEvent> events = new ArrayList<>();
        events.add(messageStart("msg_fake_stream", model));
        ObjectNode start = Json.object().put("type", "content_block_start").put("index", 0);
        start.putObject("content_block").put("type", "text").put("text", "");
        events.add(event("content_block_start", start));
        events.add(event("ping", Json.object().put("type", "ping")));
        for (String piece : pieces) {
            ObjectNode delta = Json.object().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", piece);
            events.add(event("content_block_delta", delta));
        }
        events.add(event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", 0)));
        events.add(messageDelta("end_turn", pieces.length));
        events.add(event("message_stop", Json.object().put("type", "message_stop")));
        return events;
    }

    /** A tool_use stream: the block start with id and name, the input JSON in {@code input_json_delta} pieces. */
    public static List<SseEvent> toolUseStream(String model, String toolUseId, String name, String... inputPieces) {
        List<SseEvent> events = new ArrayList<>();
        events.add(messageStart("msg_fake_tool_stream", model));
        ObjectNode start = Json.object().put("type", "content_block_start").put("index", 0);
        ObjectNode block = start.putObject("content_block").put("type", "tool_use").put("id", toolUseId)
                .put("name", name);
        block.putObject("input");
        events.add(event("content_block_start", start));
        for (String piece : inputPieces) {
            ObjectNode delta = Json.object().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "input_json_delta").put("partial_json", piece);
            events.add(event("content_block_delta", delta));
        }
        events.add(event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", 0)));
        events.add(messageDelta("tool_use", inputPieces.length));
        events.add(event("message_stop", Json.object().put("type", "message_stop")));
        return events;
    }

    /** {@code {"type":"error","error":{"type","message"}}}. */
    public static String error(String type, String message) {
        ObjectNode root = Json.object().put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        return Json.compact(root);
    }

    /** The same error as an SSE {@code error} event (Anthropic reports mid-stream failures this way). */
    public static SseEvent errorEvent(String type, String message) {
        return SseEvent.named("error", error(type, message));
    }

    public static String rateLimitError() {
        return error("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit.");
    }

    public static String overloadedError() {
        return error("overloaded_error", "Overloaded");
    }

    public static String authenticationError() {
        return error("authentication_error", "invalid x-api-key");
    }

    public static String billingError() {
        return error("invalid_request_error",
                "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade "
                        + "or purchase credits.");
    }

    /** The error Anthropic gives subscription tokens used outside Claude Code. */
    public static String claudeCodeOnlyError() {
        return error("invalid_request_error",
                "This credential is only authorized for use with Claude Code and cannot be used for other API requests.");
    }

    public static String apiError() {
        return error("api_error", "Internal server error");
    }

    private static ObjectNode envelope(String id, String model, String stopReason) {
        ObjectNode root = Json.object().put("id", id).put("type", "message").put("role", "assistant")
                .put("model", model);
        root.putArray("content");
        root.put("stop_reason", stopReason);
        root.putNull("stop_sequence");
        root.putObject("usage").put("input_tokens", 10).put("output_tokens", 3);
        return root;
    }

    private static SseEvent messageStart(String id, String model) {
        ObjectNode message = Json.object().put("id", id).put("type", "message").put("role", "assistant")
                .put("model", model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 10).put("output_tokens", 1);
        ObjectNode root = Json.object().put("type", "message_start");
        root.set("message", message);
        return event("message_start", root);
    }

    private static SseEvent messageDelta(String stopReason, int outputTokens) {
        ObjectNode root = Json.object().put("type", "message_delta");
        ObjectNode delta = root.putObject("delta").put("stop_reason", stopReason);
        delta.putNull("stop_sequence");
        root.putObject("usage").put("output_tokens", outputTokens);
        return event("message_delta", root);
    }

    private static SseEvent event(String name, ObjectNode data) {
        return SseEvent.named(name, Json.compact(data));
    }
}
