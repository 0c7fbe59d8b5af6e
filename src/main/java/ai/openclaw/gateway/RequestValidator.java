package ai.openclaw.gateway;

import tools.jackson.databind.JsonNode;

/**
 * Structural checks of a model-call body before anything is routed: what every upstream would reject anyway is
 * answered here with a 400 that says which field is wrong, in the caller's API format.
 */
final class RequestValidator {
    /** A field the caller must fix. */
    static final class InvalidRequest extends RuntimeException {
        InvalidRequest(String message) {
            super(message);
        }
    }

    private RequestValidator() {}

    static void validate(JsonNode body, ApiFormat format) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequest("The request body must be a JSON object.");
        }
        JsonNode model = body.get("model");
        if (model != null && !model.isNull() && !model.isString()) {
            throw new InvalidRequest("\"model\" must be a string such as \"provider/model\" or an alias.");
        }
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw new InvalidRequest("\"stream\" must be true or false.");
        }
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequest("\"messages\" must be a non-empty array.");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!m.isObject() || !m.path("role").isString()) {
                throw new InvalidRequest("messages[" + i + "] must be an object with a string \"role\".");
            }
            JsonNode content = m.get("content");
            boolean toolCallsOnly = format == ApiFormat.OPENAI && m.has("tool_calls");
            if ((content == null || content.isNull()) && !toolCallsOnly) {
                throw new InvalidRequest("messages[" + i + "].content is missing.");
            }
            if (content != null && !content.isNull() && !content.isString() && !content.isArray()) {
                throw new InvalidRequest("messages[" + i + "].content must be a string or an array of parts.");
            }
        }
        JsonNode maxTokens = body.get(format == ApiFormat.ANTHROPIC ? "max_tokens" : "max_tokens");
        if (maxTokens != null && !maxTokens.isNull() && (!maxTokens.isIntegralNumber() || maxTokens.asLong() <= 0)) {
            throw new InvalidRequest("\"max_tokens\" must be a positive integer.");
        }
    }

    /** The text of the last user message (string content or its text parts), or null. */
    static String lastUserText(JsonNode body) {
        JsonNode messages = body.get("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if (!"user".equals(m.path("role").asString(null))) {
                continue;
            }
            JsonNode c = m.get("content");
            if (c != null && c.isString()) {
                return c.asString();
            }
            if (c != null && c.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode part : c) {
                    if ("text".equals(part.path("type").asString(null)) && part.path("text").isString()) {
                        sb.append(part.path("text").asString());
                    }
                }
                return sb.toString();
            }
            return null;
        }
        return null;
    }
}
