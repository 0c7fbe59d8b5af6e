package ai.openclaw.routing;

import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.env.LayeredEnv;
import java.util.List;

/**
 * The models a request may use, in order, with the config and environment they were planned against (one request
 * sees one config even when a reload happens meanwhile).
 *
 * @param agentId the agent whose store serves the request
 * @param models  the requested model first, then its fallbacks (a single model when {@code strict})
 * @param strict  true when the caller explicitly chose a model other than the default: no fallback
 */
public record RoutePlan(String agentId, List<PlannedModel> models, boolean strict, OpenClawConfig config,
                        LayeredEnv env) {
    public RoutePlan {
        models = List.copyOf(models);
    }

    /** The model the request asked for (or the default). */
    public PlannedModel requested() {
        return models.getFirst();
    }
}
