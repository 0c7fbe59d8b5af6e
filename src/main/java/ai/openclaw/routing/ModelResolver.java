package ai.openclaw.routing;

import ai.openclaw.models.ModelRef;
import ai.openclaw.models.ModelSelection;
import java.util.Optional;

/**
 * Turns the model part of a request into a {@link ModelRef} (logins §6.1, §6.2): an alias (case-insensitive), a
 * {@code provider/model} ref split at the first {@code /}, or a bare id of the default model's provider. When
 * {@code agents.defaults.models} is non-empty it is an allowlist; the default model and {@code claude-cli/*} models
 * (served by the local Claude CLI, as in OpenClaw) are always allowed.
 */
public final class ModelResolver {
    static final String HOW_TO_LIST = "List the available models with GET /v1/models.";

    private ModelResolver() {}

    /**
     * @throws ModelSelectionException 400 {@code model_not_found} (invalid ref) or {@code model_not_allowed}
     */
    public static ModelRef resolve(String model, ModelSelection selection) {
        Optional<ModelRef> ref = ModelSelection.resolveRef(model, selection.aliases(), selection.primary().provider());
        if (ref.isEmpty()) {
            throw new ModelSelectionException(400, "model_not_found",
                    "Unknown model \"" + model + "\": not an alias and not a provider/model reference. " + HOW_TO_LIST);
        }
        ModelRef resolved = ref.get();
        if (!allowed(resolved, selection)) {
            if (!model.contains("/") && !isAlias(model, selection)) {
                // a bare word outside the allowlist is most likely a mistyped alias
                throw new ModelSelectionException(400, "model_not_found",
                        "Unknown model or alias \"" + model + "\". " + HOW_TO_LIST);
            }
            throw new ModelSelectionException(400, "model_not_allowed",
                    "Model \"" + resolved.key() + "\" is not in the allowlist agents.defaults.models. " + HOW_TO_LIST);
        }
        return resolved;
    }

    private static boolean isAlias(String model, ModelSelection selection) {
        return selection.aliases().keySet().stream().anyMatch(a -> a.equalsIgnoreCase(model.strip()));
    }

    static boolean allowed(ModelRef ref, ModelSelection selection) {
        return selection.allowed().isEmpty() || ref.equals(selection.primary())
                || selection.allowed().contains(ref.key())
                // a local CLI backend uses no credential of ours; OpenClaw never restricts its models
                || ref.provider().equals(ai.openclaw.clibackend.CliBackendConfig.CLAUDE_CLI);
    }
}
