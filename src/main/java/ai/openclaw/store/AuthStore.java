package ai.openclaw.store;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.credential.Credential;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * One agent's credentials and routing state, as read from {@code auth-profiles.json} and
 * {@code auth-state.json}. Profiles keep file (insertion) order.
 *
 * @param undecodable entries of the file that cannot be used (unknown type, no provider, not an object): they are
 *                    not credentials to this code, but they are the user's data, so every save writes them back
 *                    unchanged until a profile with the same id replaces them
 */
public record AuthStore(Map<String, Credential> profiles, AuthState state, Map<String, JsonNode> undecodable) {
    public static final AuthStore EMPTY = new AuthStore(Map.of(), AuthState.EMPTY);

    public AuthStore {
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        state = state == null ? AuthState.EMPTY : state;
        LinkedHashMap<String, JsonNode> kept = new LinkedHashMap<>();
        if (undecodable != null) {
            undecodable.forEach((k, v) -> kept.put(k, v.deepCopy()));
        }
        undecodable = Collections.unmodifiableMap(kept);
    }

    public AuthStore(Map<String, Credential> profiles, AuthState state) {
        this(profiles, state, Map.of());
    }

    @Override
    public Map<String, JsonNode> undecodable() {
        LinkedHashMap<String, JsonNode> copy = new LinkedHashMap<>();
        undecodable.forEach((k, v) -> copy.put(k, v.deepCopy()));
        return Collections.unmodifiableMap(copy);
    }

    public Credential profile(String id) {
        return profiles.get(id);
    }

    /** Ids of the profiles stored for a provider, in store order. */
    public List<String> profileIdsFor(String provider) {
        String p = ProviderIds.normalize(provider);
        return profiles.entrySet().stream()
                .filter(e -> ProviderIds.normalize(e.getValue().provider()).equals(p))
                .map(Map.Entry::getKey)
                .toList();
    }

    public AuthStore withProfile(String id, Credential credential) {
        LinkedHashMap<String, Credential> copy = new LinkedHashMap<>(profiles);
        copy.put(id, credential);
        LinkedHashMap<String, JsonNode> kept = new LinkedHashMap<>(undecodable);
        kept.remove(id);
        return new AuthStore(copy, state, kept);
    }

    public AuthStore withState(AuthState newState) {
        return new AuthStore(profiles, newState, undecodable);
    }

    public AuthStore withStateChange(UnaryOperator<AuthState> change) {
        return new AuthStore(profiles, change.apply(state), undecodable);
    }

    @Override
    public String toString() {
        return "AuthStore[profiles=" + profiles.keySet() + "]";
    }
}
