package ai.openclaw.app;

import ai.openclaw.fs.AtomicWriter;
import ai.openclaw.fs.Permissions;
import ai.openclaw.paths.AgentIds;
import ai.openclaw.store.AuthStoreRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Creates agents: a config entry in {@code agents.list}, a private agent directory and a workspace. */
public final class AgentService {
    public record Created(String id, String name, Path workspace, Path agentDir, boolean copiedAuth) {}

    private final AppContext ctx;

    public AgentService(AppContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param workspace     workspace directory, or null for {@code <stateDir>/workspace-<id>}
     * @param copyAuthFrom  an agent whose {@code auth-profiles.json} is copied into the new agent, or null
     */
    public Created add(String rawId, String name, String workspace, Agents.Agent copyAuthFrom) {
        String id = AgentIds.normalize(rawId);
        Agents agents = ctx.agents();
        if (agents.find(id).isPresent()) {
            throw new IllegalArgumentException("Agent \"" + id + "\" already exists (see `openclaw agents list`).");
        }
        Path ws = workspace == null ? ctx.paths().stateDir().resolve("workspace-" + id)
                : ctx.paths().expandTilde(workspace).toAbsolutePath().normalize();
        Path agentDir = ctx.paths().defaultAgentDir(id);
        String defaultId = agents.defaultAgentId();
        ctx.configWriter().update(ctx.config().path(), root -> addEntry(root, id, name, ws, defaultId));
        ctx.configChanged();
        Permissions.ensurePrivateDir(agentDir);
        try {
            Files.createDirectories(ws);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create workspace " + ws, e);
        }
        boolean copied = false;
        if (copyAuthFrom != null) {
            Path from = copyAuthFrom.agentDir().resolve(AuthStoreRepository.PROFILES_FILE);
            if (Files.exists(from)) {
                AtomicWriter.copyPrivate(from, agentDir.resolve(AuthStoreRepository.PROFILES_FILE));
                copied = true;
            }
        }
        return new Created(id, name, ws, agentDir, copied);
    }

    /**
     * Appends the agent to {@code agents.list}. When the list is new, the current default agent is listed first so
     * that adding an agent never changes which agent is the default.
     */
    private static ObjectNode addEntry(ObjectNode root, String id, String name, Path ws, String defaultId) {
        ObjectNode agents = root.withObjectProperty("agents");
        JsonNode existing = agents.get("list");
        ArrayNode list = existing instanceof ArrayNode a ? a : agents.putArray("list");
        if (list.isEmpty()) {
            list.addObject().put("id", defaultId).put("default", true);
        }
        ObjectNode entry = list.addObject();
        entry.put("id", id);
        if (name != null && !name.isBlank()) {
            entry.put("name", name.strip());
        }
        entry.put("workspace", ws.toString());
        return root;
    }
}
