package ai.openclaw.app;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The config edit behind a login's {@code --set-default}: {@code agents.defaults.model.primary = <ref>}, keeping the
 * fallbacks and every other key. A string {@code agents.defaults.model} (the short form) becomes {@code {primary}}.
 */
public final class DefaultModelPatch {
    private DefaultModelPatch() {}

    public static ObjectNode setPrimary(ObjectNode root, String modelRef) {
        ObjectNode defaults = root.withObjectProperty("agents").withObjectProperty("defaults");
        JsonNode model = defaults.get("model");
        ObjectNode target = model instanceof ObjectNode o ? o : defaults.putObject("model");
        target.put("primary", modelRef);
        return root;
    }
}
