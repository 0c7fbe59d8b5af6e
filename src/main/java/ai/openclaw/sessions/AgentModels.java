package ai.openclaw.sessions;

import ai.openclaw.models.ModelRef;
import ai.openclaw.models.ModelSelection;
import java.util.List;

/** The models of an agent as the current config describes them. */
public interface AgentModels {
    /** Default model, fallbacks, aliases and allowlist ({@code agents.defaults.model*}). */
    ModelSelection selection(String agentId);

    /**
     * Models the provider catalog knows ({@code models.providers.<id>.models}, built-in lists), in catalog order;
     * may be empty. With an allowlist only allowed ones are listed; the default, the fallbacks and the allowlist are
     * always listed.
     */
    List<ModelRef> catalog(String agentId);
}
