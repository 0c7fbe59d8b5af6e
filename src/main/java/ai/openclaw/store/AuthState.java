package ai.openclaw.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The mutable routing state of one agent ({@code auth-state.json}): per-provider order overrides, the last
 * profile that worked per provider, per-profile usage statistics, and the last failed OAuth refresh per profile.
 * Immutable; "with" methods copy and keep every other part.
 */
public record AuthState(Map<String, List<String>> order, Map<String, String> lastGood,
                        Map<String, UsageStats> usageStats, Map<String, RefreshError> refreshErrors) {
    public static final AuthState EMPTY = new AuthState(Map.of(), Map.of(), Map.of(), Map.of());

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
        LinkedHashMap<String, RefreshError> r = new LinkedHashMap<>();
        if (refreshErrors != null) {
            refreshErrors.forEach((k, v) -> {
                if (v != null) {
                    r.put(k, v);
                }
            });
        }
        refreshErrors = Collections.unmodifiableMap(r);
    }

    /**
     * A state without refresh errors. To change part of an existing state use the "with" methods, which keep the
     * other parts (building a new state from three of its parts would drop its refresh errors).
     */
    public AuthState(Map<String, List<String>> order, Map<String, String> lastGood,
                     Map<String, UsageStats> usageStats) {
        this(order, lastGood, usageStats, Map.of());
    }

    public boolean isEmpty() {
        return order.isEmpty() && lastGood.isEmpty() && usageStats.isEmpty() && refreshErrors.isEmpty();
    }

    /** The last failed refresh of {@code profileId} not yet cleared by a successful one, or null. */
    public RefreshError refreshError(String profileId) {
        return refreshErrors.get(profileId);
    }

    public AuthState withRefreshError(String profileId, RefreshError error) {
        LinkedHashMap<String, RefreshError> r = new LinkedHashMap<>(refreshErrors);
        if (error == null) {
            r.remove(profileId);
        } else {
            r.put(profileId, error);
        }
        return new AuthState(order, lastGood, usageStats, r);
    }

    public AuthState withoutRefreshError(String profileId) {
        return refreshErrors.containsKey(profileId) ? withRefreshError(profileId, null) : this;
    }

    /** The same state with {@code stats} as the whole usage map. */
    public AuthState withUsageStats(Map<String, UsageStats> stats) {
        return new AuthState(order, lastGood, stats, refreshErrors);
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
        return new AuthState(o, lastGood, usageStats, refreshErrors);
    }

    public AuthState withLastGood(String provider, String profileId) {
        LinkedHashMap<String, String> g = new LinkedHashMap<>(lastGood);
        g.put(provider, profileId);
        return new AuthState(order, g, usageStats, refreshErrors);
    }

    public AuthState withStats(String profileId, UnaryOperator<UsageStats> change) {
        LinkedHashMap<String, UsageStats> u = new LinkedHashMap<>(usageStats);
        u.put(profileId, change.apply(stats(profileId)));
        return new AuthState(order, lastGood, u, refreshErrors);
    }

    /** Overlays {@code other} on this state, per provider / per profile id, {@code other} winning (in every part). */
    public AuthState overlay(AuthState other) {
        LinkedHashMap<String, List<String>> o = new LinkedHashMap<>(order);
        o.putAll(other.order);
        LinkedHashMap<String, String> g = new LinkedHashMap<>(lastGood);
        g.putAll(other.lastGood);
        LinkedHashMap<String, UsageStats> u = new LinkedHashMap<>(usageStats);
        u.putAll(other.usageStats);
        LinkedHashMap<String, RefreshError> r = new LinkedHashMap<>(refreshErrors);
        r.putAll(other.refreshErrors);
        return new AuthState(o, g, u, r);
    }
}
