package ai.openclaw.probe;

import ai.openclaw.config.ModelDefinition;
import ai.openclaw.config.ModelsConfig;
import ai.openclaw.models.ModelRef;
import ai.openclaw.models.ModelSelection;
import java.util.Map;
import java.util.Optional;

/**
 * The model a provider is probed with, the first that exists of:
 * <ol>
 *   <li>the agent's default model, then its fallbacks, when they belong to the provider;</li>
 *   <li>the allowlist ({@code agents.defaults.models} keys), in file order;</li>
 *   <li>the first model declared under {@code models.providers.<p>.models};</li>
 *   <li>a built-in choice for {@code anthropic} (the built-in default model) and {@code openai}
 *       ({@code gpt-4o-mini}, a small model every OpenAI key can call). Other providers have no built-in choice:
 *       guessing a model id would turn a working key into a {@code format} row.</li>
 * </ol>
 */
public final class ProbeModels {
    private static final Map<String, ModelRef> BUILT_IN = Map.of(
            ModelSelection.BUILT_IN_DEFAULT.provider(), ModelSelection.BUILT_IN_DEFAULT,
            "openai", new ModelRef("openai", "gpt-4o-mini"));

    private ProbeModels() {}

    public static Optional<ModelRef> choose(String provider, ModelSelection selection, ModelsConfig models) {
        Optional<ModelRef> configured = selection.inUse().stream().filter(m -> m.provider().equals(provider))
                .findFirst()
                .or(() -> selection.allowed().stream().map(ModelRef::parse).flatMap(Optional::stream)
                        .filter(m -> m.provider().equals(provider)).findFirst());
        if (configured.isPresent()) {
            return configured;
        }
        Optional<ModelRef> declared = models.provider(provider).flatMap(pc -> pc.models().stream().findFirst())
                .map(ModelDefinition::id).filter(id -> !id.isBlank()).map(id -> new ModelRef(provider, id.strip()));
        return declared.or(() -> Optional.ofNullable(BUILT_IN.get(provider)));
    }
}
