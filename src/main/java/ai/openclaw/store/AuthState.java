package ai.openclaw.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The mutable routing state of one agent ({@code auth-state.json}): per-provider order overrides, the last
 * profile that worked per provider, and per-profile usage statistics. Immutable; "with" methods copy.
 */
public record AuthState(Map<String, List<String>> order, Map<String, String> lastGood,
                        Map<String, UsageStats> usageStats) {
    public static final AuthState EMPTY = new AuthState(Map.of(), Map.of(), Map.of());

    public AuthState {
        LinkedHashMap<String, List<String>> o = new LinkedHashMap<>();
        if (order != null) {
            order.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    o.put(k, List.copyOf(v));
                }
            });
        }
        order = Collections.unmodifiableMap(o);
        lastGood = lastGood == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(lastGood));
        LinkedHashMap<String, UsageStats> u = new LinkedHashMap<>();
        if (usageStats != null) {
            usageStats.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    u.put(k, v);
                }
            });
        }
        usageStats = Collections.unmodifiableMap(u);
    }

    public boolean isEmpty() {
        return order.isEmpty() && lastGood.isEmpty() && usageStats.isEmpty();
    }

    public UsageStats stats(String profileId) {
        return usageStats.getOrDefault(profileId, UsageStats.EMPTY);
    }

    public AuthState withOrder(String provider, List<String> ids) {
        LinkedHashMap<String, List<String>> o = new LinkedHashMap<>(order);
        if (ids == null || ids.isEmpty()) {
            o.remove(provider);
        } else {
            o.put(provider, ids);
        }
        return new AuthState(o, lastGood, usageStats);
    }

    public AuthState withLastGood(String provider, String profileId) {
        LinkedHashMap<String, String> g = new LinkedHashMap<>(lastGood);
        g.put(provider, profileId);
        return new AuthState(order, g, usageStats);
    }

    public AuthState withStats(String profileId, UnaryOperator<UsageStats> change) {
        LinkedHashMap<String, UsageStats> u = new LinkedHashMap<>(usageStats);
        u.put(profileId, change.apply(stats(profileId)));
        return new AuthState(order, lastGood, u);
    }

    /** Overlays {@code other} on this state, per provider / per profile id, {@code other} winning. */
    public AuthState overlay(AuthState other) {
        LinkedHashMap<String, List<String>> o = new LinkedHashMap<>(order);
        o.putAll(other.order);
        LinkedHashMap<String, String> g = new LinkedHashMap<>(lastGood);
        g.putAll(other.lastGood);
        LinkedHashMap<String, UsageStats> u = new LinkedHashMap<>(usageStats);
        u.putAll(other.usageStats);
        return new AuthState(o, g, u);
    }
}
