package ai.openclaw.auth;

import java.util.List;
import java.util.Map;

/**
 * The profiles that can serve a provider, best first, and what was left out.
 *
 * @param ordered   usable ids: available ones first, then those cooling down (soonest recovery first)
 * @param coolingDown ids of {@code ordered} that are in a cooldown / disabled window for the model asked about
 * @param base      the candidate list before eligibility filtering (explicit order, configured or stored ids)
 * @param excluded  base ids dropped by eligibility, with the reason
 * @param repaired  true when every id of an explicit list was missing and all stored profiles were used instead
 */
public record ResolvedOrder(String provider, OrderSource source, List<String> ordered, List<String> coolingDown,
                           List<String> base, Map<String, Eligibility> excluded, boolean repaired) {
    public ResolvedOrder {
        ordered = List.copyOf(ordered);
        coolingDown = List.copyOf(coolingDown);
        base = List.copyOf(base);
        excluded = Map.copyOf(excluded);
    }

    /** The first available (not cooling down) profile, if any. */
    public String next() {
        return ordered.stream().filter(id -> !coolingDown.contains(id)).findFirst().orElse(null);
    }
}
