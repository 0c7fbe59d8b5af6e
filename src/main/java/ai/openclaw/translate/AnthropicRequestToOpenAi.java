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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic Messages request → OpenAI Chat Completions request; the mapping is documented on {@link RequestTranslator}. */
final class AnthropicRequestToOpenAi {
    private static final String TARGET = "OpenAI Chat Completions";

    private AnthropicRequestToOpenAi() {}

    static ObjectNode translate(JsonNode request, String upstreamModel) {
        requireObject(request, "request");
        rejectUnsupported(request);

        ArrayNode messages = Json.MAPPER.createArrayNode();
        system(request, messages);
        JsonNode input = requireArray(request, "messages", "");
        for (int i = 0; i < input.size(); i++) {
            String at = path("messages", i);
            JsonNode message = requireObject(input.get(i), at);
            String role = requireString(message, "role", at);
            switch (role) {
                case "user" -> user(message, at, messages);
                case "assistant" -> {
                    if (i == input.size() - 1) {
                        throw new TranslationException(at, "a final assistant message (prefill) cannot be "
                                + "continued by " + TARGET);
                    }
                    messages.add(assistant(message, at));
                }
                default -> throw new TranslationException(path(at, "role"), "must be user or assistant");
            }
        }

        ObjectNode out = Json.object();
        out.put("model", upstreamModel);
        out.set("messages", messages);
        Long maxTokens = optionalPositiveInt(request, "max_tokens", "");
        if (maxTokens != null) {
            out.put("max_completion_tokens", maxTokens);
        }
        for (String sampling : List.of("temperature", "top_p")) {
            JsonNode value = optionalNumber(request, sampling, "");
            if (value != null) {
                out.set(sampling, value.deepCopy());
            }
        }
        JsonNode stop = get(request, "stop_sequences");
        if (stop != null) {
            if (!stop.isArray()) {
                throw new TranslationException("stop_sequences", "must be an array of strings");
            }
            ArrayNode sequences = Json.MAPPER.createArrayNode();
            for (int i = 0; i < stop.size(); i++) {
                if (!stop.get(i).isString()) {
                    throw new TranslationException(path("stop_sequences", i), "must be a string");
                }
                sequences.add(stop.get(i).stringValue());
            }
            if (!sequences.isEmpty()) {
                out.set("stop", sequences);
            }
        }
        if (has(request, "stream")) {
            boolean stream = optionalBoolean(request, "stream", "", false);
            out.put("stream", stream);
            if (stream) {
                out.putObject("stream_options").put("include_usage", true);
            }
        }
        JsonNode metadata = get(request, "metadata");
        if (metadata != null) {
            String user = optionalString(requireObject(metadata, "metadata"), "user_id", "metadata");
            if (user != null && !user.isEmpty()) {
                out.put("user", user);
            }
        }
        tools(request, out);
        return out;
    }

    private static void rejectUnsupported(JsonNode request) {
        if (has(request, "top_k")) {
            throw new TranslationException("top_k", TARGET + " has no top-k sampling");
        }
        JsonNode mcpServers = get(request, "mcp_servers");
        if (mcpServers != null && !mcpServers.isEmpty()) {
            throw new TranslationException("mcp_servers", "MCP servers run on Anthropic's side and cannot be "
                    + "translated");
        }
        if (has(request, "container")) {
            throw new TranslationException("container", "code execution containers exist only on Anthropic");
        }
    }

    // ---- messages ----

    private static void system(JsonNode request, ArrayNode messages) {
        JsonNode system = get(request, "system");
        if (system == null) {
            return;
        }
        List<ObjectNode> parts = new ArrayList<>();
        if (system.isString()) {
            addText(parts, system.stringValue());
        } else if (system.isArray()) {
            for (int i = 0; i < system.size(); i++) {
                String at = path("system", i);
                JsonNode block = requireObject(system.get(i), at);
                if (!"text".equals(requireString(block, "type", at))) {
                    throw new TranslationException(path(at, "type"), "system blocks must be text");
                }
                addText(parts, requireString(block, "text", at));
            }
        } else {
            throw new TranslationException("system", "must be a string or an array of text blocks");
        }
        if (!parts.isEmpty()) {
            ObjectNode message = messages.addObject();
            message.put("role", "system");
            message.set("content", textContent(parts));
        }
    }

    /** Tool results become {@code role: tool} messages first, then the rest of the content one user message. */
    private static void user(JsonNode message, String at, ArrayNode messages) {
        JsonNode content = get(message, "content");
        String contentPath = path(at, "content");
        if (content != null && content.isString()) {
            ObjectNode user = messages.addObject();
            user.put("role", "user");
            user.put("content", content.stringValue());
            return;
        }
        if (content == null || !content.isArray()) {
            throw new TranslationException(contentPath, "must be a string or an array of content blocks");
        }
        List<ObjectNode> parts = new ArrayList<>();
        for (int j = 0; j < content.size(); j++) {
            String blockPath = path(contentPath, j);
            JsonNode block = requireObject(content.get(j), blockPath);
            switch (requireString(block, "type", blockPath)) {
                case "text" -> addText(parts, requireString(block, "text", blockPath));
                case "image" -> parts.add(MediaParts.openAiImage(block, blockPath));
                case "document" -> parts.add(MediaParts.openAiDocument(block, blockPath));
                case "tool_result" -> messages.add(toolMessage(block, blockPath));
                default -> throw new TranslationException(path(blockPath, "type"), "is not a content block type "
                        + "that can be sent to " + TARGET + " (text, image, document, tool_result)");
            }
        }
        if (!parts.isEmpty()) {
            ObjectNode user = messages.addObject();
            user.put("role", "user");
            user.set("content", userContent(parts));
        }
    }

    private static ObjectNode toolMessage(JsonNode block, String at) {
        ObjectNode tool = Json.object();
        tool.put("role", "tool");
        tool.put("tool_call_id", requireString(block, "tool_use_id", at));
        JsonNode content = get(block, "content");
        String contentPath = path(at, "content");
        if (content == null) {
            tool.put("content", "");
        } else if (content.isString()) {
            tool.put("content", content.stringValue());
        } else if (content.isArray()) {
            List<ObjectNode> parts = new ArrayList<>();
            for (int k = 0; k < content.size(); k++) {
                String partPath = path(contentPath, k);
                JsonNode part = requireObject(content.get(k), partPath);
                if (!"text".equals(requireString(part, "type", partPath))) {
                    throw new TranslationException(path(partPath, "type"),
                            "tool results sent to " + TARGET + " can only contain text (tool messages carry text)");
                }
                addText(parts, requireString(part, "text", partPath));
            }
            tool.set("content", parts.isEmpty() ? Json.MAPPER.getNodeFactory().stringNode("") : textContent(parts));
        } else {
            throw new TranslationException(contentPath, "must be a string or an array of text blocks");
        }
        return tool;
    }

    private static ObjectNode assistant(JsonNode message, String at) {
        ObjectNode out = Json.object();
        out.put("role", "assistant");
        JsonNode content = get(message, "content");
        String contentPath = path(at, "content");
        if (content != null && content.isString()) {
            out.put("content", content.stringValue());
            return out;
        }
        if (content == null || !content.isArray()) {
            throw new TranslationException(contentPath, "must be a string or an array of content blocks");
        }
        List<ObjectNode> texts = new ArrayList<>();
        ArrayNode toolCalls = Json.MAPPER.createArrayNode();
        for (int j = 0; j < content.size(); j++) {
            String blockPath = path(contentPath, j);
            JsonNode block = requireObject(content.get(j), blockPath);
            switch (requireString(block, "type", blockPath)) {
                case "text" -> addText(texts, requireString(block, "text", blockPath));
                case "tool_use" -> toolCalls.add(toolCall(block, blockPath));
                case "thinking", "redacted_thinking" -> {
                    // reasoning is Anthropic's own continuity data; an OpenAI model cannot take it back
                }
                default -> throw new TranslationException(path(blockPath, "type"), "is not an assistant content "
                        + "block type that can be sent to " + TARGET + " (text, tool_use, thinking)");
            }
        }
        if (texts.isEmpty()) {
            if (toolCalls.isEmpty()) {
                out.put("content", "");
            } else {
                out.putNull("content");
            }
        } else {
            out.set("content", textContent(texts));
        }
        if (!toolCalls.isEmpty()) {
            out.set("tool_calls", toolCalls);
        }
        return out;
    }

    private static ObjectNode toolCall(JsonNode block, String at) {
        ObjectNode call = Json.object();
        call.put("id", requireString(block, "id", at));
        call.put("type", "function");
        ObjectNode function = call.putObject("function");
        function.put("name", requireString(block, "name", at));
        JsonNode input = get(block, "input");
        if (input != null && !input.isObject()) {
            throw new TranslationException(path(at, "input"), "must be an object");
        }
        function.put("arguments", Json.compact(input == null ? Json.object() : input));
        return call;
    }

    private static void addText(List<ObjectNode> parts, String text) {
        if (text.isEmpty()) {
            return;
        }
        ObjectNode part = Json.object();
        part.put("type", "text");
        part.put("text", text);
        parts.add(part);
    }

    /** One text part as a plain string (what every OpenAI-compatible server accepts), several as an array. */
    private static JsonNode textContent(List<ObjectNode> parts) {
        if (parts.size() == 1) {
            return parts.getFirst().get("text");
        }
        ArrayNode array = Json.MAPPER.createArrayNode();
        array.addAll(parts);
        return array;
    }

    private static JsonNode userContent(List<ObjectNode> parts) {
        boolean textOnly = parts.stream().allMatch(p -> "text".equals(p.get("type").stringValue()));
        if (textOnly) {
            return textContent(parts);
        }
        ArrayNode array = Json.MAPPER.createArrayNode();
        array.addAll(parts);
        return array;
    }

    // ---- tools ----

    private static void tools(JsonNode request, ObjectNode out) {
        JsonNode tools = get(request, "tools");
        if (tools == null || (tools.isArray() && tools.isEmpty())) {
            return;
        }
        if (!tools.isArray()) {
            throw new TranslationException("tools", "must be an array");
        }
        ArrayNode openAiTools = out.putArray("tools");
        for (int i = 0; i < tools.size(); i++) {
            openAiTools.add(tool(tools.get(i), path("tools", i)));
        }
        JsonNode choice = get(request, "tool_choice");
        if (choice == null) {
            return;
        }
        requireObject(choice, "tool_choice");
        String choiceType = requireString(choice, "type", "tool_choice");
        switch (choiceType) {
            case "auto" -> out.put("tool_choice", "auto");
            case "any" -> out.put("tool_choice", "required");
            case "none" -> out.put("tool_choice", "none");
            case "tool" -> {
                ObjectNode named = out.putObject("tool_choice");
                named.put("type", "function");
                named.putObject("function").put("name", requireString(choice, "name", "tool_choice"));
            }
            default -> throw new TranslationException("tool_choice.type", "must be auto, any, tool or none");
        }
        if (optionalBoolean(choice, "disable_parallel_tool_use", "tool_choice", false)
                && !choiceType.equals("none")) {
            out.put("parallel_tool_calls", false);
        }
    }

    private static ObjectNode tool(JsonNode tool, String at) {
        requireObject(tool, at);
        String type = optionalString(tool, "type", at);
        if (type != null && !type.equals("custom")) {
            throw new TranslationException(path(at, "type"), "Anthropic server and built-in tools cannot be sent "
                    + "to " + TARGET + "; only custom tools (name, description, input_schema) can");
        }
        ObjectNode out = Json.object();
        out.put("type", "function");
        ObjectNode function = out.putObject("function");
        function.put("name", requireString(tool, "name", at));
        String description = optionalString(tool, "description", at);
        if (description != null) {
            function.put("description", description);
        }
        JsonNode schema = get(tool, "input_schema");
        if (schema == null || !schema.isObject()) {
            throw new TranslationException(path(at, "input_schema"), "must be a JSON Schema object");
        }
        function.set("parameters", schema.deepCopy());
        return out;
    }
}
