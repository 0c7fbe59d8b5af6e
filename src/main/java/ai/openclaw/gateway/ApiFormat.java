package ai.openclaw.gateway;

import ai.openclaw.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** The API dialect of a client request; errors are answered in the same dialect. */
public enum ApiFormat {
    OPENAI, ANTHROPIC;

    /** An error body in this API's own format. {@code type} is a stable code, {@code message} is for people. */
    public ObjectNode errorBody(int status, String type, String message) {
        ObjectNode root = Json.object();
        if (this == ANTHROPIC) {
            root.put("type", "error");
            ObjectNode e = root.putObject("error");
            e.put("type", anthropicType(status, type));
            e.put("message", message);
            return root;
        }
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        e.put("type", openAiType(status, type));
        e.put("code", type);
        return root;
    }

    private static String openAiType(int status, String code) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 402 -> "insufficient_quota";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }

    private static String anthropicType(int status, String code) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }
}
