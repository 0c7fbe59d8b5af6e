package ai.openclaw.gateway;

import ai.openclaw.config.ModelDefinition;
import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.config.ProviderConfig;
import ai.openclaw.json.Json;
import ai.openclaw.models.ModelRef;
import ai.openclaw.models.ModelSelection;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/models}: the models this gateway knows, in OpenAI's list format: the default and fallback models,
 * the keys of {@code agents.defaults.models}, the models declared under {@code models.providers}, and each alias as
 * its own entry pointing at its target ({@code openclaw.alias_for}).
 */
final class ModelsEndpoint {
    private ModelsEndpoint() {}

    static ObjectNode list(OpenClawConfig config, long createdEpochSeconds) {
        ModelSelection sel = ModelSelection.resolve(config.agents().primaryModel(), config.agents().fallbacks(),
                config.agents().modelAliases());
        Map<String, String> models = new LinkedHashMap<>();
        sel.inUse().forEach(m -> models.put(m.key(), null));
        sel.allowed().forEach(k -> models.putIfAbsent(k, null));
        for (ProviderConfig pc : config.models().providers().values()) {
            for (ModelDefinition d : pc.models()) {
                models.putIfAbsent(new ModelRef(pc.id(), d.id()).key(), null);
            }
        }
        sel.aliases().forEach((alias, target) -> models.put(alias, target));
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        models.forEach((id, aliasFor) -> {
            ObjectNode m = data.addObject();
            m.put("id", id);
            m.put("object", "model");
            m.put("created", createdEpochSeconds);
            m.put("owned_by", aliasFor == null ? ModelRef.parse(id).map(ModelRef::provider).orElse("openclaw")
                    : "alias");
            if (aliasFor != null) {
                m.put("openclaw.alias_for", aliasFor);
            }
        });
        return root;
    }
}
