package ai.openclaw.probe;

import ai.openclaw.json.Json;
import ai.openclaw.models.ModelRef;
import ai.openclaw.providers.ApiKind;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a probe: one user message asking for "OK", no tools, no streaming, no thinking, a small output cap.
 * <ul>
 *   <li>{@code anthropic-messages}: {@code max_tokens} (required by the API); no {@code thinking} block, so extended
 *       thinking stays off.</li>
 *   <li>{@code openai-completions}: {@code max_completion_tokens} for provider {@code openai} (its reasoning models
 *       reject {@code max_tokens}), {@code max_tokens} for every other compatible server (the field they all
 *       accept).</li>
 * </ul>
 */
public final class ProbeRequestBody {
    public static final String PROMPT = "Reply with OK. Do not use tools.";

    private ProbeRequestBody() {}

    public static byte[] of(ApiKind api, ModelRef model, int maxTokens) {
        ObjectNode body = Json.object();
        body.put("model", model.model());
        switch (api) {
            case ANTHROPIC_MESSAGES -> body.put("max_tokens", maxTokens);
            case OPENAI_COMPLETIONS -> body.put(model.provider().equals("openai") ? "max_completion_tokens"
                    : "max_tokens", maxTokens);
        }
        body.put("stream", false);
        body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
        return Json.compact(body).getBytes(StandardCharsets.UTF_8);
    }
}
