package ai.openclaw.gateway;

import ai.openclaw.json.Json;
import ai.openclaw.translate.ErrorBodies;
import tools.jackson.databind.node.ObjectNode;

/** The API dialect of a client request; errors are answered in the same dialect. */
public enum ApiFormat {
    OPENAI, ANTHROPIC;

    /**
     * An error body in this API's own format: the API's error type for the status (one mapping, shared with the
     * translators' stream errors), our stable reason as the OpenAI {@code code}, and a message for people.
     */
    public ObjectNode errorBody(int status, String type, String message) {
        ObjectNode root = Json.object();
        if (this == ANTHROPIC) {
            root.put("type", "error");
            ObjectNode e = root.putObject("error");
            e.put("type", ErrorBodies.anthropicType(status));
            e.put("message", message);
            return root;
        }
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        e.put("type", ErrorBodies.openAiType(status));
        e.put("code", type);
        return root;
    }
}
