package ai.openclaw.app;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a login does with its provider's default model (logins §2.9, §4.2): add it to the model allowlist, and with
 * {@code --set-default} make it the default model.
 *
 * <p>The allowlist ({@code agents.defaults.models}) only gets the model when it already lists models. OpenClaw adds
 * it unconditionally, but a non-empty {@code agents.defaults.models} restricts which models may be used at all, so
 * creating one during a login would silently forbid every other model.
 */
public final class DefaultModelPatch {
    private DefaultModelPatch() {}

    /**
     * @param model      the provider's default model ref ({@code provider/model})
     * @param setDefault make it {@code agents.defaults.model.primary}; a plain-string {@code model} stays a string
     *                   and the fallbacks of an object stay as they are
     */
    public static ObjectNode apply(ObjectNode root, String model, boolean setDefault) {
        JsonNode existingAgents = root.get("agents");
        JsonNode existingDefaults = existingAgents instanceof ObjectNode a ? a.get("defaults") : null;
        if (existingDefaults instanceof ObjectNode d && d.get("models") instanceof ObjectNode models
                && !models.isEmpty() && !models.has(model)) {
            models.putObject(model);
        }
        if (setDefault) {
            ObjectNode defaults = root.withObjectProperty("agents").withObjectProperty("defaults");
            JsonNode current = defaults.get("model");
            if (current instanceof ObjectNode m) {
                m.put("primary", model);
            } else if (current != null && current.isString()) {
                defaults.put("model", model);
            } else {
                defaults.putObject("model").put("primary", model);
            }
        }
        return root;
    }
}
