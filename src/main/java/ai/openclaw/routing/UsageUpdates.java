package ai.openclaw.routing;

import ai.openclaw.config.CooldownConfig;
import ai.openclaw.store.AuthState;
import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arithmetic of recording (store-and-selection §6.2, §6.3), as pure functions of the previous statistics. The
 * same functions update the in-process view and, later, the freshly read file, so both agree.
 */
public final class UsageUpdates {
    static final long SECOND = 1_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    /** Cooldown ladder by error count: 30 s, 60 s, then 5 min. */
    static final long[] LADDER = {30 * SECOND, 60 * SECOND, 5 * MINUTE};

    private UsageUpdates() {}

    /**
     * One failure at {@code now}.
     *
     * @param model        the model id the attempt used (scopes rate-limit and timeout cooldowns), or null
     * @param retryAfterMs the provider's {@code Retry-After}; extends a cooldown that would end sooner, or null
     */
    public static UsageStats failure(UsageStats s, String provider, FailureReason reason, String model, long now,
                                     Long retryAfterMs, CooldownConfig cfg) {
        long windowMs = (long) (cfg.failureWindowHours() * HOUR);
        boolean windowExpired = s.lastFailureAt() != null && s.lastFailureAt() > 0
                && now - s.lastFailureAt() > windowMs;
        long unusableUntil = s.unusableUntil(Long.MIN_VALUE, null);
        // a window that already ended starts a fresh ladder, even if the file still carries its counters
        boolean previousWindowEnded = hasWindow(s) && now >= unusableUntil;
        boolean reset = windowExpired || previousWindowEnded;
        int errorCount = (reset || s.errorCount() == null ? 0 : s.errorCount()) + 1;
        Map<FailureReason, Integer> counts = new EnumMap<>(FailureReason.class);
        if (!reset) {
            counts.putAll(s.failureCounts());
        }
        counts.merge(reason, 1, Integer::sum);

        Long cooldownUntil = s.cooldownUntil();
        FailureReason cooldownReason = s.cooldownReason();
        String cooldownModel = s.cooldownModel();
        Long disabledUntil = s.disabledUntil();
        FailureReason disabledReason = s.disabledReason();
        if (reason == FailureReason.BILLING || reason == FailureReason.AUTH_PERMANENT) {
            long backoff = disableBackoffMs(reason, counts.get(reason), provider, cfg);
            disabledUntil = active(disabledUntil, now) ? disabledUntil : now + backoff;
            disabledReason = reason;
        } else {
            boolean wasActive = active(cooldownUntil, now);
            long until = wasActive ? cooldownUntil : now + LADDER[Math.min(errorCount, LADDER.length) - 1];
            if (retryAfterMs != null && retryAfterMs > 0) {
                until = Math.max(until, now + retryAfterMs);
            }
            boolean scoped = reason == FailureReason.RATE_LIMIT || reason == FailureReason.TIMEOUT;
            String previousScope = wasActive ? cooldownModel : model;
            // a window shared by two models (or by a failure of no particular model) covers the whole profile
            cooldownModel = scoped && model != null && model.equals(previousScope) ? model : null;
            cooldownUntil = until;
            cooldownReason = reason;
        }
        return new UsageStats(s.lastUsed(), cooldownUntil, cooldownReason, cooldownModel, disabledUntil,
                disabledReason, s.blockedUntil(), s.blockedReason(), s.blockedSource(), s.blockedModel(), errorCount,
                counts, now);
    }

    /** The profile served a call: every window and counter is cleared, {@code lastUsed} is now. */
    public static UsageStats success(UsageStats s, long now) {
        return new UsageStats(now, null, null, null, null, null, null, null, null, null, 0, Map.of(),
                s.lastFailureAt());
    }

    /**
     * Clears windows that ended by {@code now}, with their reason and scope; a profile left with no window starts its
     * counters afresh (§6.3). Profiles without an ended window are returned unchanged.
     */
    public static AuthState sweepExpired(AuthState state, long now) {
        Map<String, UsageStats> swept = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, UsageStats> e : state.usageStats().entrySet()) {
            UsageStats next = sweep(e.getValue(), now);
            changed |= !next.equals(e.getValue());
            swept.put(e.getKey(), next);
        }
        return changed ? state.withUsageStats(swept) : state;
    }

    static UsageStats sweep(UsageStats s, long now) {
        boolean cooldownEnded = s.cooldownUntil() != null && s.cooldownUntil() <= now;
        boolean disabledEnded = s.disabledUntil() != null && s.disabledUntil() <= now;
        boolean blockedEnded = s.blockedUntil() != null && s.blockedUntil() <= now;
        if (!cooldownEnded && !disabledEnded && !blockedEnded) {
            return s;
        }
        Long cooldownUntil = cooldownEnded ? null : s.cooldownUntil();
        Long disabledUntil = disabledEnded ? null : s.disabledUntil();
        Long blockedUntil = blockedEnded ? null : s.blockedUntil();
        boolean anyLeft = cooldownUntil != null || disabledUntil != null || blockedUntil != null;
        return new UsageStats(s.lastUsed(),
                cooldownUntil, cooldownEnded ? null : s.cooldownReason(), cooldownEnded ? null : s.cooldownModel(),
                disabledUntil, disabledEnded ? null : s.disabledReason(),
                blockedUntil, blockedEnded ? null : s.blockedReason(), blockedEnded ? null : s.blockedSource(),
                blockedEnded ? null : s.blockedModel(),
                anyLeft ? s.errorCount() : Integer.valueOf(0), anyLeft ? s.failureCounts() : Map.of(),
                s.lastFailureAt());
    }

    /** Disabled-lane backoff: min(max, max(60 s, base) × 2^min(n−1, 10)). */
    static long disableBackoffMs(FailureReason reason, int n, String provider, CooldownConfig cfg) {
        double baseMs;
        double maxMs;
        if (reason == FailureReason.BILLING) {
            baseMs = cfg.billingBackoffHoursFor(provider) * HOUR;
            maxMs = cfg.billingMaxHours() * HOUR;
        } else {
            baseMs = cfg.authPermanentBackoffMinutes() * MINUTE;
            maxMs = cfg.authPermanentMaxMinutes() * MINUTE;
        }
        double base = Math.max(MINUTE, baseMs);
        double cap = Math.max(base, maxMs);
        double raw = base * Math.pow(2, Math.min(Math.max(1, n) - 1, 10));
        return (long) Math.min(cap, raw);
    }

    private static boolean hasWindow(UsageStats s) {
        return s.cooldownUntil() != null || s.disabledUntil() != null || s.blockedUntil() != null;
    }

    private static boolean active(Long until, long now) {
        return until != null && until > now;
    }
}
