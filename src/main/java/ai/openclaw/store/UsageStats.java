package ai.openclaw.store;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-profile runtime state from {@code auth-state.json} {@code usageStats}. All instants are epoch
 * milliseconds; null means absent.
 */
public record UsageStats(
        Long lastUsed,
        Long cooldownUntil, FailureReason cooldownReason, String cooldownModel,
        Long disabledUntil, FailureReason disabledReason,
        Long blockedUntil, String blockedReason, String blockedSource, String blockedModel,
        Integer errorCount, Map<FailureReason, Integer> failureCounts, Long lastFailureAt) {

    public static final UsageStats EMPTY =
            new UsageStats(null, null, null, null, null, null, null, null, null, null, null, Map.of(), null);

    public UsageStats {
        EnumMap<FailureReason, Integer> counts = new EnumMap<>(FailureReason.class);
        if (failureCounts != null) {
            failureCounts.forEach((k, v) -> {
                if (k != null && v != null && v > 0) {
                    counts.put(k, v);
                }
            });
        }
        failureCounts = Collections.unmodifiableMap(counts);
    }

    public boolean isEmpty() {
        return lastUsed == null && cooldownUntil == null && cooldownReason == null && cooldownModel == null
                && disabledUntil == null && disabledReason == null && blockedUntil == null && blockedReason == null
                && blockedSource == null && blockedModel == null && errorCount == null && failureCounts.isEmpty()
                && lastFailureAt == null;
    }

    /**
     * The end of the longest active unusable window (cooldown, block or disable) at {@code now}, or 0 when the
     * profile is usable. A cooldown scoped to another model does not count when {@code model} is given.
     */
    public long unusableUntil(long now, String model) {
        long until = 0;
        if (cooldownUntil != null && cooldownUntil > now && appliesTo(cooldownModel, model)) {
            until = Math.max(until, cooldownUntil);
        }
        if (blockedUntil != null && blockedUntil > now && appliesTo(blockedModel, model)) {
            until = Math.max(until, blockedUntil);
        }
        if (disabledUntil != null && disabledUntil > now) {
            until = Math.max(until, disabledUntil);
        }
        return until;
    }

    private static boolean appliesTo(String scope, String model) {
        return scope == null || model == null || scope.equals(model);
    }

    public boolean isDisabledAt(long now) {
        return disabledUntil != null && disabledUntil > now;
    }

    /** Sorted copy for writing in a stable order. */
    Map<String, Integer> failureCountsByWireName() {
        Map<String, Integer> out = new LinkedHashMap<>();
        failureCounts.forEach((k, v) -> out.put(k.wireName(), v));
        return out;
    }
}
