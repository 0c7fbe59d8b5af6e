package ai.openclaw.routing;

import ai.openclaw.models.ModelRef;
import ai.openclaw.providers.ProviderEndpoint;

/**
 * One model of a {@link RoutePlan}.
 *
 * @param endpoint  where to call it; null when the provider is unknown (only possible for fallbacks: the
 *                  requested model's provider is checked by {@link Router#plan})
 * @param locked    the only profile that may serve this model (user pin or request {@code @profile}), or null
 * @param preferred a profile to try first (auto pin), or null
 */
public record PlannedModel(ModelRef model, ProviderEndpoint endpoint, String locked, String preferred) {}
