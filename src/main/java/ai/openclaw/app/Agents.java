package ai.openclaw.app;

import ai.openclaw.config.AgentEntry;
import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.paths.AgentIds;
import ai.openclaw.store.AuthStoreRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Which agents exist, which one a command works on, and where each keeps its store. */
public final class Agents {
    /** An agent as known from the config and the state directory. */
    public record Agent(String id, String name, Path agentDir, Path workspace, boolean isDefault, boolean configured) {}

    private final AppContext ctx;

    Agents(AppContext ctx) {
        this.ctx = ctx;
    }

    public String defaultAgentId() {
        return ctx.config().agents().defaultAgentId();
    }

    /**
     * The agent a command targets: {@code --agent} when given (it must exist), else the default agent. Without
     * {@code --agent}, {@code OPENCLAW_AGENT_DIR} redirects the default agent's directory.
     *
     * @throws UnknownAgentException when {@code requested} names no configured or existing agent
     */
    public Agent resolve(String requested) {
        if (requested == null || requested.isBlank()) {
            String id = defaultAgentId();
            Agent agent = find(id).orElse(new Agent(id, null, ctx.paths().defaultAgentDir(id), null, true, false));
            Optional<Path> override = ctx.paths().agentDirOverride();
            if (override.isPresent()) {
                return new Agent(agent.id(), agent.name(), override.get(), agent.workspace(), true, agent.configured());
            }
            return agent;
        }
        String id = AgentIds.normalize(requested);
        return find(id).orElseThrow(() -> new UnknownAgentException(id, list().stream().map(Agent::id).toList()));
    }

    public Optional<Agent> find(String id) {
        return list().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Configured agents in config order, then agents that only exist as directories, the default one always. */
    public List<Agent> list() {
        OpenClawConfig config = ctx.config();
        String defaultId = config.agents().defaultAgentId();
        Map<String, Agent> out = new LinkedHashMap<>();
        for (AgentEntry e : config.agents().list()) {
            Path dir = e.agentDir() != null ? e.agentDir() : ctx.paths().defaultAgentDir(e.id());
            out.put(e.id(), new Agent(e.id(), e.name(), dir, e.workspace() == null ? null
                    : ctx.paths().expandTilde(e.workspace()), e.id().equals(defaultId), true));
        }
        if (!out.containsKey(defaultId)) {
            out.put(defaultId, new Agent(defaultId, null, ctx.paths().defaultAgentDir(defaultId), null, true, false));
        }
        for (String id : discovered()) {
            out.putIfAbsent(id, new Agent(id, null, ctx.paths().defaultAgentDir(id), null, false, false));
        }
        return new ArrayList<>(out.values());
    }

    /** Ids with an existing {@code <stateDir>/agents/<id>/agent} directory. */
    private List<String> discovered() {
        Path agentsDir = ctx.paths().stateDir().resolve("agents");
        if (!Files.isDirectory(agentsDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(agentsDir)) {
            return s.filter(p -> Files.isDirectory(p.resolve("agent")))
                    .map(p -> p.getFileName().toString())
                    .filter(AgentIds::isValid)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public AuthStoreRepository store(Agent agent) {
        return new AuthStoreRepository(agent.agentDir(), ctx.paths().oauthDir(), ctx.locks(), ctx.clock(),
                ctx.storeLoadsReadOnly());
    }
}
