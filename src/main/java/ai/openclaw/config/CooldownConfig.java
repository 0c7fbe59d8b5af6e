package ai.openclaw.config;

import ai.openclaw.core.ProviderIds;
import java.util.Map;

/**
 * {@code auth.cooldowns}: back-off tuning. Every field falls back to its default when missing,
 * non-positive or non-finite.
 *
 * @param billingBackoffHours           base back-off after a billing failure (default 5)
 * @param billingBackoffHoursByProvider per-provider base, keys normalised (entries that fall back are dropped)
 * @param billingMaxHours               cap of the billing back-off (default 24)
 * @param authPermanentBackoffMinutes   base back-off after a permanent auth failure (default 10)
 * @param authPermanentMaxMinutes       cap of that back-off (default 60)
 * @param failureWindowHours            how long failures count towards escalation (default 24)
 * @param overloadedProfileRotations    profile rotations on "overloaded" before model fallback (default 1)
 * @param overloadedBackoffMs           pause before retrying after "overloaded" (default 0)
 * @param rateLimitedProfileRotations   profile rotations on rate limits before model fallback (default 1)
 */
public record CooldownConfig(
        double billingBackoffHours,
        Map<String, Double> billingBackoffHoursByProvider,
        double billingMaxHours,
        double authPermanentBackoffMinutes,
        double authPermanentMaxMinutes,
        double failureWindowHours,
        int overloadedProfileRotations,
        long overloadedBackoffMs,
        int rateLimitedProfileRotations) {

    public static final CooldownConfig DEFAULTS = new CooldownConfig(5, Map.of(), 24, 10, 60, 24, 1, 0, 1);

    public CooldownConfig {
        billingBackoffHoursByProvider = Map.copyOf(billingBackoffHoursByProvider);
    }

    /** The billing back-off base for {@code provider}: its own entry, else {@link #billingBackoffHours()}. */
    public double billingBackoffHoursFor(String provider) {
        return billingBackoffHoursByProvider.getOrDefault(ProviderIds.normalize(provider), billingBackoffHours);
    }
}
