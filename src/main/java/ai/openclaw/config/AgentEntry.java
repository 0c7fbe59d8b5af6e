package ai.openclaw.config;

import java.nio.file.Path;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One entry of {@code agents.list}. Optional fields are null when the file does not set them.
 *
 * @param id        validated and normalised with {@link ai.openclaw.paths.AgentIds#normalize}
 * @param name      display name
 * @param workspace workspace folder as written (not expanded)
 * @param agentDir  {@code agentDir}, tilde-expanded and absolute
 * @param isDefault {@code default: true}
 * @param raw       the whole entry after substitution (a copy on every access)
 */
public record AgentEntry(String id, String name, String workspace, Path agentDir, boolean isDefault, JsonNode raw) {
    public AgentEntry {
        Objects.requireNonNull(id, "id");
        raw = raw.deepCopy();
    }

    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }

    @Override
    public String toString() {
        return "AgentEntry[id=" + id + ", agentDir=" + agentDir + ", default=" + isDefault + "]";
    }
}
