package ai.openclaw.cli.onboard;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The config edits of onboarding besides {@code auth.profiles} (which {@code CredentialService} writes). Each keeps
 * every key it does not own.
 */
final class OnboardConfigPatch {
    private OnboardConfigPatch() {}

    /**
     * {@code agents.defaults.model.primary = ref}. A string {@code agents.defaults.model} (the short form) becomes
     * the object form. When {@code agents.defaults.models} is a non-empty allowlist, {@code ref} is added to it so
     * that the new default is allowed.
     */
    static ObjectNode setPrimaryModel(ObjectNode root, String ref) {
        ObjectNode defaults = root.withObjectProperty("agents").withObjectProperty("defaults");
        ObjectNode model = defaults.get("model") instanceof ObjectNode o ? o : defaults.putObject("model");
        model.put("primary", ref);
        if (defaults.get("models") instanceof ObjectNode allowlist && !allowlist.isEmpty() && !allowlist.has(ref)) {
            allowlist.putObject(ref);
        }
        return root;
    }

    /**
     * {@code models.providers.<id>}: sets {@code baseUrl} and {@code api}, and adds the model to its {@code models}
     * list unless it is already there. No key is written here: it goes to the credential store.
     */
    static ObjectNode putCustomProvider(ObjectNode root, CustomProvider p) {
        ObjectNode providers = root.withObjectProperty("models").withObjectProperty("providers");
        ObjectNode entry = providers.get(p.id()) instanceof ObjectNode o ? o : providers.putObject(p.id());
        entry.put("baseUrl", p.baseUrl());
        entry.put("api", p.compatibility().api().wireName());
        ArrayNode models = entry.get("models") instanceof ArrayNode a ? a : entry.putArray("models");
        for (JsonNode m : models) {
            JsonNode id = m.get("id");
            if (id != null && id.isString() && id.asString().equals(p.modelId())) {
                return root;
            }
        }
        models.addObject().put("id", p.modelId()).put("name", p.modelId());
        return root;
    }
}
