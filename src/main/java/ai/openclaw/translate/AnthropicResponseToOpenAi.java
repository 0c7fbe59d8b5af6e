package ai.openclaw.translate;

import ai.openclaw.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic message → OpenAI {@code chat.completion}; documented on {@link ResponseTranslator}. */
final class AnthropicResponseToOpenAi {
    private AnthropicResponseToOpenAi() {}

    static ObjectNode translate(JsonNode message, String clientModel, long created) {
        if (message == null || !message.isObject()) {
            throw new UpstreamFormatException("Anthropic response is not a JSON object");
        }
        JsonNode content = message.get("content");
        if (content == null || !content.isArray()) {
            throw new UpstreamFormatException("Anthropic response has no content array");
        }
        StringBuilder text = new StringBuilder();
        boolean hasText = false;
        ArrayNode toolCalls = Json.MAPPER.createArrayNode();
        for (JsonNode block : content) {
            switch (block.path("type").asString("")) {
                case "text" -> {
                    hasText = true;
                    text.append(block.path("text").asString(""));
                }
                case "tool_use" -> toolCalls.add(toolCall(block));
                default -> {
                    // thinking, redacted_thinking and server-tool blocks have no Chat Completions form
                }
            }
        }

        ObjectNode out = Json.object();
        out.put("id", stringOr(message.get("id"), "chatcmpl-" + created));
        out.put("object", "chat.completion");
        out.put("created", created);
        out.put("model", clientModel);
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode reply = choice.putObject("message");
        reply.put("role", "assistant");
        if (hasText || toolCalls.isEmpty()) {
            reply.put("content", text.toString());
        } else {
            reply.putNull("content");
        }
        reply.putNull("refusal");
        if (!toolCalls.isEmpty()) {
            reply.set("tool_calls", toolCalls);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", StopReasons.toOpenAi(stringOr(message.get("stop_reason"), null)));
        out.set("usage", Usage.toOpenAi(message.get("usage")));
        return out;
    }

    private static ObjectNode toolCall(JsonNode block) {
        JsonNode id = block.get("id");
        JsonNode name = block.get("name");
        if (id == null || !id.isString() || name == null || !name.isString()) {
            throw new UpstreamFormatException("Anthropic tool_use block has no id or name");
        }
        JsonNode input = block.get("input");
        ObjectNode call = Json.object();
        call.put("id", id.stringValue());
        call.put("type", "function");
        ObjectNode function = call.putObject("function");
        function.put("name", name.stringValue());
        function.put("arguments", Json.compact(input == null || input.isNull() ? Json.object() : input));
        return call;
    }

    static String stringOr(JsonNode node, String fallback) {
        return node != null && node.isString() ? node.stringValue() : fallback;
    }
}
