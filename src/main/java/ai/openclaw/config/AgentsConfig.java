package ai.openclaw.config;

import ai.openclaw.paths.AgentIds;
import ai.openclaw.paths.StatePaths;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code agents} block.
 *
 * @param primaryModel {@code agents.defaults.model.primary}, or {@code agents.defaults.model} when it is a
 *                     string; null when not configured
 * @param fallbacks    {@code agents.defaults.model.fallbacks} (never null)
 * @param modelAliases {@code agents.defaults.models}: model ref to its {@code alias}, in file order; the value
 *                     is null for an entry without alias (the key still lists the model)
 * @param list         {@code agents.list}, ids unique
 */
public record AgentsConfig(
        String primaryModel, List<String> fallbacks, Map<String, String> modelAliases, List<AgentEntry> list) {

    public static final AgentsConfig EMPTY = new AgentsConfig(null, List.of(), Map.of(), List.of());

    public AgentsConfig {
        fallbacks = List.copyOf(fallbacks);
        modelAliases = Collections.unmodifiableMap(new LinkedHashMap<>(modelAliases));
        list = List.copyOf(list);
    }

    /** The entry marked {@code default: true}, else the first entry, else {@value AgentIds#DEFAULT}. */
    public String defaultAgentId() {
        return list.stream().filter(AgentEntry::isDefault).findFirst()
                .or(() -> list.stream().findFirst())
                .map(AgentEntry::id)
                .orElse(AgentIds.DEFAULT);
    }

    /** The entry for {@code agentId} (normalised before lookup). */
    public Optional<AgentEntry> agent(String agentId) {
        String id = AgentIds.normalize(agentId);
        return list.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The entry's {@code agentDir} when set, else {@code <stateDir>/agents/<id>/agent}. */
    public Path agentDir(String agentId, StatePaths paths) {
        return agent(agentId).map(AgentEntry::agentDir).orElseGet(() -> paths.defaultAgentDir(agentId));
    }
}
