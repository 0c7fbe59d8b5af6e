package ai.openclaw.app;

import ai.openclaw.oauth.refresh.AgentStores;
import ai.openclaw.store.AuthStoreRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents' stores for OAuth refresh, from the config in force and the state directory: the main agent is the
 * default agent (with {@code OPENCLAW_AGENT_DIR} applied, as for every command without {@code --agent}).
 */
final class AgentStoreDirectory implements AgentStores {
    private final AppContext ctx;

    AgentStoreDirectory(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public AuthStoreRepository main() {
        Agents agents = ctx.agents();
        return agents.store(agents.resolve(null));
    }

    @Override
    public List<AuthStoreRepository> all() {
        Agents agents = ctx.agents();
        Map<Path, AuthStoreRepository> byDir = new LinkedHashMap<>();
        AuthStoreRepository main = main();
        byDir.put(main.agentDir().toAbsolutePath().normalize(), main);
        for (Agents.Agent a : agents.list()) {
            byDir.putIfAbsent(a.agentDir().toAbsolutePath().normalize(), agents.store(a));
        }
        return new ArrayList<>(byDir.values());
    }
}
