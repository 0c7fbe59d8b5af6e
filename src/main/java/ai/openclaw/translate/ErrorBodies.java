package ai.openclaw.translate;

import ai.openclaw.json.Json;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Error bodies and stream error events in each API's shape, and the error-type vocabulary of each side.
 *
 * <ul>
 *   <li>OpenAI: {@code {"error":{"message":...,"type":...,"param":null,"code":"<status>"}}}; in a stream the same
 *       object as an unnamed {@code data:} event.</li>
 *   <li>Anthropic: {@code {"type":"error","error":{"type":...,"message":...}}}; in a stream the same object as
 *       {@code event: error}.</li>
 * </ul>
 */
public final class ErrorBodies {
    private ErrorBodies() {}

    /** {@code {"error":{"message","type","param":null,"code"}}}; {@code code} is the HTTP status as a string. */
    public static ObjectNode openAi(int status, String type, String message) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("message", message == null ? "" : message);
        error.put("type", Objects.requireNonNull(type, "type"));
        error.putNull("param");
        error.put("code", Integer.toString(status));
        return body;
    }

    /** {@code {"type":"error","error":{"type","message"}}}. */
    public static ObjectNode anthropic(String type, String message) {
        ObjectNode body = Json.object();
        body.put("type", "error");
        ObjectNode error = body.putObject("error");
        error.put("type", Objects.requireNonNull(type, "type"));
        error.put("message", message == null ? "" : message);
        return body;
    }

    /** The OpenAI body as a stream event ({@code data: {"error":...}}, no event name). */
    public static SseEvent openAiStreamError(int status, String type, String message) {
        return SseEvent.json(null, openAi(status, type, message));
    }

    /** The Anthropic body as a stream event ({@code event: error}). */
    public static SseEvent anthropicStreamError(String type, String message) {
        return SseEvent.json("error", anthropic(type, message));
    }

    /**
     * OpenAI's error type for an HTTP status: 401 {@code authentication_error}, 403 {@code permission_error},
     * 429 {@code rate_limit_error}, other 4xx {@code invalid_request_error}, anything else {@code server_error}.
     */
    public static String openAiType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 429 -> "rate_limit_error";
            default -> status >= 400 && status < 500 ? "invalid_request_error" : "server_error";
        };
    }

    /**
     * Anthropic's error type for an HTTP status: 401 {@code authentication_error}, 402 {@code billing_error},
     * 403 {@code permission_error}, 404 {@code not_found_error}, 413 {@code request_too_large}, 429
     * {@code rate_limit_error}, 504 {@code timeout_error}, 529 {@code overloaded_error}, other 4xx
     * {@code invalid_request_error}, anything else {@code api_error}.
     */
    public static String anthropicType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            case 529 -> "overloaded_error";
            default -> status >= 400 && status < 500 ? "invalid_request_error" : "api_error";
        };
    }

    /** The HTTP status Anthropic uses for an error type (500 for unknown types). */
    static int statusOfAnthropicType(String type) {
        return switch (type == null ? "" : type) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "billing_error" -> 402;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "timeout_error" -> 504;
            case "overloaded_error" -> 529;
            default -> 500;
        };
    }

    /**
     * The HTTP status behind an OpenAI error object: its {@code code} when that is a status number, else from its
     * {@code type} (500 when unknown).
     */
    static int statusOfOpenAiError(JsonNode error) {
        JsonNode code = error.path("code");
        String codeText = code.isNumber() ? code.asString() : code.isString() ? code.stringValue() : "";
        if (codeText.matches("[45]\\d\\d")) {
            return Integer.parseInt(codeText);
        }
        JsonNode type = error.path("type");
        return switch (type.isString() ? type.stringValue() : "") {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "rate_limit_error", "rate_limit_exceeded", "requests", "tokens", "insufficient_quota" -> 429;
            default -> 500;
        };
    }
}
