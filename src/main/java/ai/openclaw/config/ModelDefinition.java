package ai.openclaw.config;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One entry of {@code models.providers.<id>.models}.
 *
 * @param id   the model id
 * @param name the display name; null when not configured
 * @param raw  the whole entry (a copy on every access)
 */
public record ModelDefinition(String id, String name, JsonNode raw) {
    public ModelDefinition {
        Objects.requireNonNull(id, "id");
        raw = raw.deepCopy();
    }

    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }

    @Override
    public String toString() {
        return "ModelDefinition[id=" + id + "]";
    }
}
