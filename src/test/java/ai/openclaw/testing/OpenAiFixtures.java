package ai.openclaw.testing;

import ai.openclaw.json.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Canned OpenAI Chat Completions bodies, streams and errors, shaped like the real API's. */
public final class OpenAiFixtures {
    public static final long CREATED = 1_700_000_000L;

    private OpenAiFixtures() {}

    /** A non-streaming completion whose assistant message is {@code text}; finish_reason {@code stop}. */
    public static String chatCompletion(String model, String text) {
        ObjectNode message = Json.object().put("role", "assistant").put("content", text);
        message.putNull("refusal");
        return completion("chatcmpl-fake-text", model, message, "stop");
    }

    /** A completion with one function tool call ({@code argumentsJson} is the JSON text of the arguments). */
    public static String toolCallCompletion(String model, String callId, String name, String argumentsJson) {
        ObjectNode message = Json.object().put("role", "assistant");
        message.putNull("content");
        ArrayNode calls = message.putArray("tool_calls");
        ObjectNode call = calls.addObject().put("id", callId).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", argumentsJson);
        return completion("chatcmpl-fake-tool", model, message, "tool_calls");
    }

    /**
     * A text stream: a role chunk, one chunk per piece, a finish chunk ({@code stop}), a usage chunk and
     * {@code [DONE]}.
     */
    public static List<SseEvent> textStream(String model, String... pieces) {
        String id = "chatcmpl-fake-stream";
        List<SseEvent> events = new ArrayList<>();
        events.add(chunk(id, model, Json.object().put("role", "assistant").put("content", ""), null));
        for (String piece : pieces) {
            events.add(chunk(id, model, Json.object().put("content", piece), null));
        }
        events.add(chunk(id, model, Json.object(), "stop"));
        events.add(usageChunk(id, model, 9, pieces.length));
        events.add(SseEvent.done());
        return events;
    }

    /** A tool-call stream: the call's id and name first, then the arguments in pieces, finish {@code tool_calls}. */
    public static List<SseEvent> toolCallStream(String model, String callId, String name, String... argumentPieces) {
        String id = "chatcmpl-fake-tool-stream";
        List<SseEvent> events = new ArrayList<>();
        ObjectNode first = Json.object().put("role", "assistant");
        first.putNull("content");
        ObjectNode call = first.putArray("tool_calls").addObject().put("index", 0).put("id", callId)
                .put("type", "function");
        call.putObject("function").put("name", name).put("arguments", "");
        events.add(chunk(id, model, first, null));
        for (String piece : argumentPieces) {
            ObjectNode delta = Json.object();
            delta.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", piece);
            events.add(chunk(id, model, delta, null));
        }
        events.add(chunk(id, model, Json.object(), "tool_calls"));
        events.add(SseEvent.done());
        return events;
    }

    /** {@code {"error":{"message","type","param":null,"code"}}}; a null code is written as null. */
    public static String error(String message, String type, String code) {
        ObjectNode error = Json.object().put("message", message).put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        ObjectNode root = Json.object();
        root.set("error", error);
        return Json.compact(root);
    }

    /** 429 body for a requests-per-minute limit. */
    public static String rateLimitError() {
        return error("Rate limit reached for gpt-4o-mini in organization org-fake on requests per min (RPM): "
                + "Limit 3, Used 3, Requested 1. Please try again in 20s.", "requests", "rate_limit_exceeded");
    }

    /** 429 body for an exhausted quota (billing). */
    public static String quotaError() {
        return error("You exceeded your current quota, please check your plan and billing details.",
                "insufficient_quota", "insufficient_quota");
    }

    /** 401 body that echoes the key, as OpenAI does (partially masked there; here whole, to test redaction). */
    public static String invalidKeyError(String echoedKey) {
        return error("Incorrect API key provided: " + echoedKey + ". You can find your API key at "
                + "https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key");
    }

    public static String serverError() {
        return error("The server had an error while processing your request. Sorry about that!", "server_error", null);
    }

    private static String completion(String id, String model, ObjectNode message, String finishReason) {
        ObjectNode root = Json.object().put("id", id).put("object", "chat.completion").put("created", CREATED)
                .put("model", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        root.putObject("usage").put("prompt_tokens", 9).put("completion_tokens", 3).put("total_tokens", 12);
        return Json.compact(root);
    }

    private static SseEvent chunk(String id, String model, ObjectNode delta, String finishReason) {
        ObjectNode root = Json.object().put("id", id).put("object", "chat.completion.chunk").put("created", CREATED)
                .put("model", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return SseEvent.data(Json.compact(root));
    }

    private static SseEvent usageChunk(String id, String model, int prompt, int completion) {
        ObjectNode root = Json.object().put("id", id).put("object", "chat.completion.chunk").put("created", CREATED)
                .put("model", model);
        root.putArray("choices");
        root.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return SseEvent.data(Json.compact(root));
    }
}
