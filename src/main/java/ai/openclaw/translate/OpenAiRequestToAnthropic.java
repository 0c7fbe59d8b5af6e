package ai.openclaw.translate;

import static ai.openclaw.translate.RequestFields.get;
import static ai.openclaw.translate.RequestFields.has;
import static ai.openclaw.translate.RequestFields.optionalBoolean;
import static ai.openclaw.translate.RequestFields.optionalNumber;
import static ai.openclaw.translate.RequestFields.optionalPositiveInt;
import static ai.openclaw.translate.RequestFields.optionalString;
import static ai.openclaw.translate.RequestFields.path;
import static ai.openclaw.translate.RequestFields.requireArray;
import static ai.openclaw.translate.RequestFields.requireObject;
import static ai.openclaw.translate.RequestFields.requireString;

import ai.openclaw.json.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI Chat Completions request → Anthropic Messages request; the mapping is documented on {@link RequestTranslator}. */
final class OpenAiRequestToAnthropic {
    private static final String TARGET = "Anthropic";

    private OpenAiRequestToAnthropic() {}

    static ObjectNode translate(JsonNode request, String upstreamModel) {
        requireObject(request, "request");
        rejectUnsupported(request);

        ArrayNode system = Json.MAPPER.createArrayNode();
        AnthropicTurns turns = new AnthropicTurns();
        JsonNode messages = requireArray(request, "messages", "");
        for (int i = 0; i < messages.size(); i++) {
            message(messages.get(i), path("messages", i), system, turns);
        }
        ArrayNode anthropicMessages = turns.toMessages();
        if (anthropicMessages.isEmpty()) {
            throw new TranslationException("messages", "needs at least one non-empty user or assistant message; "
                    + "Anthropic does not accept system prompts alone");
        }

        ObjectNode out = Json.object();
        out.put("model", upstreamModel);
        if (system.size() == 1) {
            out.set("system", system.get(0).get("text"));
        } else if (!system.isEmpty()) {
            out.set("system", system);
        }
        out.set("messages", anthropicMessages);
        out.put("max_tokens", maxTokens(request));
        JsonNode temperature = optionalNumber(request, "temperature", "");
        if (temperature != null) {
            if (temperature.asDouble() < 0 || temperature.asDouble() > 1) {
                throw new TranslationException("temperature", "Anthropic accepts 0 to 1");
            }
            out.set("temperature", temperature.deepCopy());
        }
        JsonNode topP = optionalNumber(request, "top_p", "");
        if (topP != null) {
            out.set("top_p", topP.deepCopy());
        }
        ArrayNode stop = stopSequences(request);
        if (!stop.isEmpty()) {
            out.set("stop_sequences", stop);
        }
        if (has(request, "stream")) {
            out.put("stream", optionalBoolean(request, "stream", "", false));
        }
        String user = optionalString(request, "user", "");
        if (user == null) {
            user = optionalString(request, "safety_identifier", "");
        }
        if (user != null && !user.isEmpty()) {
            out.putObject("metadata").put("user_id", user);
        }
        tools(request, out);
        return out;
    }

    // ---- what Anthropic cannot do ----

    private static void rejectUnsupported(JsonNode request) {
        JsonNode n = get(request, "n");
        if (n != null && !(n.isIntegralNumber() && n.asLong() == 1)) {
            throw new TranslationException("n", TARGET + " returns one choice per request; only n=1 can be translated");
        }
        if (optionalBoolean(request, "logprobs", "", false)) {
            throw new TranslationException("logprobs", TARGET + " does not return token log probabilities");
        }
        JsonNode topLogprobs = get(request, "top_logprobs");
        if (topLogprobs != null && !(topLogprobs.isNumber() && topLogprobs.asDouble() == 0)) {
            throw new TranslationException("top_logprobs", TARGET + " does not return token log probabilities");
        }
        JsonNode logitBias = get(request, "logit_bias");
        if (logitBias != null && !logitBias.isEmpty()) {
            throw new TranslationException("logit_bias", TARGET + " has no token biasing");
        }
        for (String penalty : List.of("presence_penalty", "frequency_penalty")) {
            JsonNode value = get(request, penalty);
            if (value != null && !(value.isNumber() && value.asDouble() == 0)) {
                throw new TranslationException(penalty, TARGET + " has no " + penalty.replace('_', ' '));
            }
        }
        JsonNode responseFormat = get(request, "response_format");
        if (responseFormat != null) {
            String type = requireString(responseFormat, "type", "response_format");
            if (!type.equals("text")) {
                throw new TranslationException("response_format.type", TARGET + " Messages has no JSON output mode; "
                        + "only \"text\" can be translated");
            }
        }
        if (has(request, "audio")) {
            throw new TranslationException("audio", TARGET + " does not produce audio");
        }
        JsonNode modalities = get(request, "modalities");
        if (modalities != null) {
            for (JsonNode modality : modalities) {
                if (!"text".equals(modality.asString(""))) {
                    throw new TranslationException("modalities", TARGET + " produces text only");
                }
            }
        }
        if (has(request, "prediction")) {
            throw new TranslationException("prediction", TARGET + " has no predicted outputs");
        }
        if (has(request, "web_search_options")) {
            throw new TranslationException("web_search_options",
                    "web search is a server tool on " + TARGET + " and cannot be translated");
        }
        for (String legacy : List.of("functions", "function_call")) {
            if (has(request, legacy)) {
                throw new TranslationException(legacy, "the deprecated functions API is not translated; use tools "
                        + "and tool_choice");
            }
        }
    }

    private static long maxTokens(JsonNode request) {
        Long completion = optionalPositiveInt(request, "max_completion_tokens", "");
        if (completion != null) {
            return completion;
        }
        Long legacy = optionalPositiveInt(request, "max_tokens", "");
        return legacy != null ? legacy : RequestTranslator.DEFAULT_MAX_TOKENS;
    }

    private static ArrayNode stopSequences(JsonNode request) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        JsonNode stop = get(request, "stop");
        if (stop == null) {
            return out;
        }
        if (stop.isString()) {
            out.add(stop.stringValue());
            return out;
        }
        if (!stop.isArray()) {
            throw new TranslationException("stop", "must be a string or an array of strings");
        }
        for (int i = 0; i < stop.size(); i++) {
            if (!stop.get(i).isString()) {
                throw new TranslationException(path("stop", i), "must be a string");
            }
            out.add(stop.get(i).stringValue());
        }
        return out;
    }

    // ---- messages ----

    private static void message(JsonNode message, String at, ArrayNode system, AnthropicTurns turns) {
        requireObject(message, at);
        String role = requireString(message, "role", at);
        switch (role) {
            case "system", "developer" -> system.addAll(systemBlocks(message, at));
            case "user" -> turns.add("user", userBlocks(message, at));
            case "assistant" -> turns.add("assistant", assistantBlocks(message, at));
            case "tool" -> turns.add("user", List.of(toolResult(message, at)));
            case "function" -> throw new TranslationException(path(at, "role"),
                    "deprecated function messages are not translated; use tool calls and role \"tool\"");
            default -> throw new TranslationException(path(at, "role"),
                    "must be system, developer, user, assistant or tool");
        }
    }

    private static List<ObjectNode> systemBlocks(JsonNode message, String at) {
        List<ObjectNode> blocks = new ArrayList<>();
        JsonNode content = get(message, "content");
        String contentPath = path(at, "content");
        if (content == null) {
            return blocks;
        }
        if (content.isString()) {
            addText(blocks, content.stringValue());
            return blocks;
        }
        if (!content.isArray()) {
            throw new TranslationException(contentPath, "must be a string or an array of content parts");
        }
        for (int j = 0; j < content.size(); j++) {
            String partPath = path(contentPath, j);
            JsonNode part = requireObject(content.get(j), partPath);
            if (!"text".equals(requireString(part, "type", partPath))) {
                throw new TranslationException(partPath, TARGET + " system prompts can only contain text");
            }
            addText(blocks, requireString(part, "text", partPath));
        }
        return blocks;
    }

    private static List<ObjectNode> userBlocks(JsonNode message, String at) {
        List<ObjectNode> blocks = new ArrayList<>();
        JsonNode content = get(message, "content");
        String contentPath = path(at, "content");
        if (content == null) {
            throw new TranslationException(contentPath, "is required for user messages");
        }
        if (content.isString()) {
            addText(blocks, content.stringValue());
            return blocks;
        }
        if (!content.isArray()) {
            throw new TranslationException(contentPath, "must be a string or an array of content parts");
        }
        for (int j = 0; j < content.size(); j++) {
            String partPath = path(contentPath, j);
            JsonNode part = requireObject(content.get(j), partPath);
            switch (requireString(part, "type", partPath)) {
                case "text" -> addText(blocks, requireString(part, "text", partPath));
                case "image_url" -> blocks.add(MediaParts.anthropicImage(part, partPath));
                case "file" -> blocks.add(MediaParts.anthropicDocument(part, partPath));
                case "input_audio" -> throw new TranslationException(partPath, TARGET + " does not accept audio input");
                default -> throw new TranslationException(path(partPath, "type"),
                        "is not a content part type that can be sent to " + TARGET
                                + " (text, image_url, file)");
            }
        }
        return blocks;
    }

    private static List<ObjectNode> assistantBlocks(JsonNode message, String at) {
        if (has(message, "audio")) {
            throw new TranslationException(path(at, "audio"), TARGET + " cannot be given earlier audio responses");
        }
        if (has(message, "function_call")) {
            throw new TranslationException(path(at, "function_call"),
                    "the deprecated functions API is not translated; use tool_calls");
        }
        List<ObjectNode> blocks = new ArrayList<>();
        JsonNode content = get(message, "content");
        String contentPath = path(at, "content");
        if (content != null && content.isString()) {
            addText(blocks, content.stringValue());
        } else if (content != null && content.isArray()) {
            for (int j = 0; j < content.size(); j++) {
                String partPath = path(contentPath, j);
                JsonNode part = requireObject(content.get(j), partPath);
                switch (requireString(part, "type", partPath)) {
                    case "text" -> addText(blocks, requireString(part, "text", partPath));
                    case "refusal" -> addText(blocks, requireString(part, "refusal", partPath));
                    default -> throw new TranslationException(path(partPath, "type"),
                            "assistant messages can only contain text and refusal parts");
                }
            }
        } else if (content != null) {
            throw new TranslationException(contentPath, "must be a string, an array of content parts or null");
        }
        String refusal = optionalString(message, "refusal", at);
        if (refusal != null) {
            addText(blocks, refusal);
        }
        JsonNode toolCalls = get(message, "tool_calls");
        if (toolCalls != null) {
            if (!toolCalls.isArray()) {
                throw new TranslationException(path(at, "tool_calls"), "must be an array");
            }
            for (int j = 0; j < toolCalls.size(); j++) {
                blocks.add(toolUse(toolCalls.get(j), path(path(at, "tool_calls"), j)));
            }
        }
        return blocks;
    }

    private static ObjectNode toolUse(JsonNode call, String at) {
        requireObject(call, at);
        String type = optionalString(call, "type", at);
        if (type != null && !type.equals("function")) {
            throw new TranslationException(path(at, "type"), "only function tool calls can be sent to " + TARGET);
        }
        String id = requireString(call, "id", at);
        String functionPath = path(at, "function");
        JsonNode function = requireObject(get(call, "function"), functionPath);
        ObjectNode block = Json.object();
        block.put("type", "tool_use");
        block.put("id", ToolCallIds.forAnthropic(id));
        block.put("name", requireString(function, "name", functionPath));
        block.set("input", arguments(optionalString(function, "arguments", functionPath),
                path(functionPath, "arguments")));
        return block;
    }

    private static JsonNode arguments(String arguments, String at) {
        if (arguments == null || arguments.isBlank()) {
            return Json.object();
        }
        JsonNode input;
        try {
            input = Json.MAPPER.readTree(arguments);
        } catch (JacksonException e) {
            throw new TranslationException(at, "is not valid JSON; Anthropic needs the tool input as an object");
        }
        if (!input.isObject()) {
            throw new TranslationException(at, "must encode a JSON object; Anthropic tool input is an object");
        }
        return input;
    }

    private static ObjectNode toolResult(JsonNode message, String at) {
        String id = requireString(message, "tool_call_id", at);
        ObjectNode block = Json.object();
        block.put("type", "tool_result");
        block.put("tool_use_id", ToolCallIds.forAnthropic(id));
        JsonNode content = get(message, "content");
        String contentPath = path(at, "content");
        if (content == null) {
            return block;
        }
        if (content.isString()) {
            if (!content.stringValue().isEmpty()) {
                block.put("content", content.stringValue());
            }
            return block;
        }
        if (!content.isArray()) {
            throw new TranslationException(contentPath, "must be a string or an array of text parts");
        }
        List<ObjectNode> texts = new ArrayList<>();
        for (int j = 0; j < content.size(); j++) {
            String partPath = path(contentPath, j);
            JsonNode part = requireObject(content.get(j), partPath);
            if (!"text".equals(requireString(part, "type", partPath))) {
                throw new TranslationException(path(partPath, "type"), "tool messages can only contain text parts");
            }
            addText(texts, requireString(part, "text", partPath));
        }
        if (!texts.isEmpty()) {
            block.putArray("content").addAll(texts);
        }
        return block;
    }

    /** Anthropic rejects empty and whitespace-only text blocks; such text carries nothing and is dropped. */
    private static void addText(List<ObjectNode> blocks, String text) {
        if (text.isBlank()) {
            return;
        }
        ObjectNode block = Json.object();
        block.put("type", "text");
        block.put("text", text);
        blocks.add(block);
    }

    // ---- tools ----

    private static void tools(JsonNode request, ObjectNode out) {
        JsonNode tools = get(request, "tools");
        boolean parallel = optionalBoolean(request, "parallel_tool_calls", "", true);
        if (tools == null || (tools.isArray() && tools.isEmpty())) {
            return;
        }
        if (!tools.isArray()) {
            throw new TranslationException("tools", "must be an array");
        }
        ArrayNode anthropicTools = out.putArray("tools");
        for (int i = 0; i < tools.size(); i++) {
            anthropicTools.add(tool(tools.get(i), path("tools", i)));
        }
        ObjectNode choice = toolChoice(get(request, "tool_choice"));
        if (!parallel && !"none".equals(choice == null ? null : choice.get("type").stringValue())) {
            if (choice == null) {
                choice = Json.object();
                choice.put("type", "auto");
            }
            choice.put("disable_parallel_tool_use", true);
        }
        if (choice != null) {
            out.set("tool_choice", choice);
        }
    }

    private static ObjectNode tool(JsonNode tool, String at) {
        requireObject(tool, at);
        String type = optionalString(tool, "type", at);
        if (type != null && !type.equals("function")) {
            throw new TranslationException(path(at, "type"), "only function tools can be sent to " + TARGET);
        }
        String functionPath = path(at, "function");
        JsonNode function = requireObject(get(tool, "function"), functionPath);
        ObjectNode out = Json.object();
        out.put("name", requireString(function, "name", functionPath));
        String description = optionalString(function, "description", functionPath);
        if (description != null) {
            out.put("description", description);
        }
        JsonNode parameters = get(function, "parameters");
        ObjectNode schema;
        if (parameters == null) {
            schema = Json.object();
        } else if (parameters.isObject()) {
            schema = (ObjectNode) parameters.deepCopy();
        } else {
            throw new TranslationException(path(functionPath, "parameters"), "must be a JSON Schema object");
        }
        if (!schema.has("type")) {
            schema.put("type", "object");
        }
        out.set("input_schema", schema);
        return out;
    }

    private static ObjectNode toolChoice(JsonNode choice) {
        if (choice == null) {
            return null;
        }
        ObjectNode out = Json.object();
        if (choice.isString()) {
            switch (choice.stringValue()) {
                case "auto" -> out.put("type", "auto");
                case "none" -> out.put("type", "none");
                case "required" -> out.put("type", "any");
                default -> throw new TranslationException("tool_choice", "must be auto, none, required or a function");
            }
            return out;
        }
        requireObject(choice, "tool_choice");
        String type = requireString(choice, "type", "tool_choice");
        if (!type.equals("function")) {
            throw new TranslationException("tool_choice.type",
                    "only auto, none, required and a named function can be sent to " + TARGET);
        }
        JsonNode function = requireObject(get(choice, "function"), "tool_choice.function");
        out.put("type", "tool");
        out.put("name", requireString(function, "name", "tool_choice.function"));
        return out;
    }
}
