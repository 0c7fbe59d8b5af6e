package ai.openclaw.credential;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What every stored credential carries besides its secret material: who it belongs to and the fields
 * this implementation does not know, kept so that a load/save round trip loses nothing.
 *
 * @param email       optional account e-mail (display only)
 * @param displayName optional label (display only)
 * @param copyToAgents optional portability flag used by agent copy flows
 * @param extras      unknown fields in file order; deep-copied, never exposed mutable
 */
public record ProfileMeta(String email, String displayName, Boolean copyToAgents, Map<String, JsonNode> extras) {
    public static final ProfileMeta EMPTY = new ProfileMeta(null, null, null, Map.of());

    public ProfileMeta {
        LinkedHashMap<String, JsonNode> copy = new LinkedHashMap<>();
        if (extras != null) {
            extras.forEach((k, v) -> copy.put(k, v.deepCopy()));
        }
        extras = Collections.unmodifiableMap(copy);
    }

    public ProfileMeta withEmail(String newEmail) {
        return new ProfileMeta(newEmail, displayName, copyToAgents, extras);
    }

    /** Deep copy of one unknown field, or null. */
    public JsonNode extra(String name) {
        JsonNode node = extras.get(name);
        return node == null ? null : node.deepCopy();
    }

    @Override
    public String toString() {
        // extras may hold anything, including secrets under names we do not know: print names only
        return "ProfileMeta[email=" + email + ", displayName=" + displayName + ", extras=" + extras.keySet() + "]";
    }
}
