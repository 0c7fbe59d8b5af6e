package ai.openclaw.store;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.credential.Credential;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One agent's credentials and routing state, as read from {@code auth-profiles.json} and
 * {@code auth-state.json}. Profiles keep file (insertion) order.
 */
public record AuthStore(Map<String, Credential> profiles, AuthState state) {
    public static final AuthStore EMPTY = new AuthStore(Map.of(), AuthState.EMPTY);

    public AuthStore {
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        state = state == null ? AuthState.EMPTY : state;
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
        return new AuthStore(copy, state);
    }

    public AuthStore withState(AuthState newState) {
        return new AuthStore(profiles, newState);
    }

    public AuthStore withStateChange(UnaryOperator<AuthState> change) {
        return new AuthStore(profiles, change.apply(state));
    }

    @Override
    public String toString() {
        return "AuthStore[profiles=" + profiles.keySet() + "]";
    }
}
