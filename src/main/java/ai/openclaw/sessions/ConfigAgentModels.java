package ai.openclaw.sessions;

import ai.openclaw.config.AgentsConfig;
import ai.openclaw.config.ModelDefinition;
import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.config.ProviderConfig;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.models.ModelRef;
import ai.openclaw.models.ModelSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link AgentModels} from the config: {@code agents.defaults.model*} for the selection and the models declared
 * under {@code models.providers.<id>.models} as the catalog. The supplier is asked on every call, so a reloaded
 * config takes effect at once.
 */
public final class ConfigAgentModels implements AgentModels {
    private final Supplier<OpenClawConfig> config;

    public ConfigAgentModels(Supplier<OpenClawConfig> config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public ModelSelection selection(String agentId) {
        AgentsConfig agents = config.get().agents();
        return ModelSelection.resolve(agents.primaryModel(), agents.fallbacks(), agents.modelAliases());
    }

    @Override
    public List<ModelRef> catalog(String agentId) {
        List<ModelRef> out = new ArrayList<>();
        for (ProviderConfig provider : config.get().models().providers().values()) {
            String id = ProviderIds.normalize(provider.id());
            for (ModelDefinition model : provider.models()) {
                if (!model.id().isBlank()) {
                    out.add(new ModelRef(id, model.id().strip()));
                }
            }
        }
        return out;
    }
}
