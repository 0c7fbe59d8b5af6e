package ai.openclaw.sessions;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.credential.Credential;
import ai.openclaw.status.ModelsStatusService;
import ai.openclaw.store.LoadedStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AuthOverview} over an {@link AppContext}: the agent's store read without writing (legacy files are not
 * imported here) and the report of {@link ModelsStatusService}, the same one {@code models status} prints.
 */
public final class StatusAuthOverview implements AuthOverview {
    private final AppContext ctx;

    public StatusAuthOverview(AppContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    @Override
    public Optional<String> profileProvider(String agentId, String profileId) {
        Credential c = load(agent(agentId)).store().profile(profileId);
        return c == null ? Optional.empty() : Optional.of(ProviderIds.normalize(c.provider()));
    }

    @Override
    public AuthStatus status(String agentId) {
        Agents.Agent agent = agent(agentId);
        LoadedStore loaded = load(agent);
        Map<String, String> lastGood = new LinkedHashMap<>();
        loaded.store().state().lastGood().forEach((p, id) -> lastGood.put(ProviderIds.normalize(p), id));
        return new AuthStatus(new ModelsStatusService(ctx).report(agent, loaded), lastGood);
    }

    /** The default agent through {@code resolve(null)}, so that {@code OPENCLAW_AGENT_DIR} applies as in the CLI. */
    private Agents.Agent agent(String agentId) {
        Agents agents = ctx.agents();
        return agentId.equals(agents.defaultAgentId()) ? agents.resolve(null) : agents.resolve(agentId);
    }

    private LoadedStore load(Agents.Agent agent) {
        return ctx.agents().store(agent).loadReadOnly();
    }
}
