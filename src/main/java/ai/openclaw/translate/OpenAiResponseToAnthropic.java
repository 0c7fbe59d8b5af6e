package ai.openclaw.translate;

import ai.openclaw.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI {@code chat.completion} → Anthropic message; documented on {@link ResponseTranslator}. */
final class OpenAiResponseToAnthropic {
    private OpenAiResponseToAnthropic() {}

    static ObjectNode translate(JsonNode completion, String clientModel) {
        if (completion == null || !completion.isObject()) {
            throw new UpstreamFormatException("OpenAI response is not a JSON object");
        }
        JsonNode choices = completion.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new UpstreamFormatException("OpenAI response has no choices");
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.get("message");
        if (message == null || !message.isObject()) {
            throw new UpstreamFormatException("OpenAI response choice has no message");
        }

        ArrayNode content = Json.MAPPER.createArrayNode();
        addText(content, text(message.get("content")));
        addText(content, AnthropicResponseToOpenAi.stringOr(message.get("refusal"), ""));
        JsonNode toolCalls = message.get("tool_calls");
        if (toolCalls != null && toolCalls.isArray()) {
            for (JsonNode call : toolCalls) {
                content.add(toolUse(call));
            }
        }

        ObjectNode out = Json.object();
        out.put("id", AnthropicResponseToOpenAi.stringOr(completion.get("id"), "msg_gateway"));
        out.put("type", "message");
        out.put("role", "assistant");
        out.put("model", clientModel);
        out.set("content", content);
        out.put("stop_reason",
                StopReasons.toAnthropic(AnthropicResponseToOpenAi.stringOr(choice.get("finish_reason"), null)));
        out.putNull("stop_sequence");
        out.set("usage", Usage.toAnthropic(completion.get("usage")));
        return out;
    }

    /** Content as a string, or the text parts of a content array joined (some compatible servers send arrays). */
    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder text = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode part : content) {
                if ("text".equals(part.path("type").asString(""))) {
                    text.append(part.path("text").asString(""));
                }
            }
        }
        return text.toString();
    }

    private static void addText(ArrayNode content, String text) {
        if (!text.isEmpty()) {
            ObjectNode block = content.addObject();
            block.put("type", "text");
            block.put("text", text);
        }
    }

    private static ObjectNode toolUse(JsonNode call) {
        JsonNode id = call.get("id");
        JsonNode function = call.get("function");
        JsonNode name = function == null ? null : function.get("name");
        if (id == null || !id.isString() || name == null || !name.isString()) {
            throw new UpstreamFormatException("OpenAI tool call has no id or function name");
        }
        ObjectNode block = Json.object();
        block.put("type", "tool_use");
        block.put("id", ToolCallIds.forAnthropic(id.stringValue()));
        block.put("name", name.stringValue());
        block.set("input", input(AnthropicResponseToOpenAi.stringOr(function.get("arguments"), "")));
        return block;
    }

    private static JsonNode input(String arguments) {
        if (arguments.isBlank()) {
            return Json.object();
        }
        JsonNode input;
        try {
            input = Json.MAPPER.readTree(arguments);
        } catch (JacksonException e) {
            throw new UpstreamFormatException("OpenAI tool call arguments are not valid JSON");
        }
        if (!input.isObject()) {
            throw new UpstreamFormatException("OpenAI tool call arguments are not a JSON object");
        }
        return input;
    }
}
