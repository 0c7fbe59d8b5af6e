package ai.openclaw.routing;

/**
 * One model call to route.
 *
 * @param agentId the agent whose store serves the call; null means the default agent
 * @param model   {@code <alias-or-provider/model>[@<profileId>]} as the client sent it; null or blank means the
 *                session's model, else {@code agents.defaults.model.primary}
 * @param pin     the session's selection, or null
 */
public record RouteRequest(String agentId, String model, SessionPin pin) {
    public static RouteRequest of(String model) {
        return new RouteRequest(null, model, null);
    }
}
