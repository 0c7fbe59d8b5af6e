package ai.openclaw.routing;

import ai.openclaw.config.CooldownConfig;
import ai.openclaw.core.Secret;
import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cooldowns of credentials that have no profile (environment keys, {@code models.providers.<p>.apiKey}, models.json
 * keys), kept in this process's memory with the same ladder, model scope and {@code Retry-After} rules as profiles
 * (§6.2). OpenClaw keeps none, so its next request starts again with a key that was just rate limited; here the next
 * request starts with the next key instead. Within a request the §7 rule still holds: keys rotate on rate limits only.
 *
 * <p>Keyed by provider, source and secret, so a variable whose value changes starts clean. Thread-safe.
 */
final class KeyCooldowns {
    /** More distinct keys than this means something is generating them; the oldest state is then dropped. */
    static final int MAX_KEYS = 1024;

    private record Key(String provider, String label, Secret secret) {}

    private final ConcurrentHashMap<Key, UsageStats> stats = new ConcurrentHashMap<>();

    /** What this process remembers of the key; {@link UsageStats#EMPTY} when nothing. */
    UsageStats stats(String provider, CredentialCandidate c) {
        return stats.getOrDefault(key(provider, c), UsageStats.EMPTY);
    }

    /** Records a failure; returns the key's statistics afterwards. */
    UsageStats failure(String provider, CredentialCandidate c, String model, FailureReason reason, long now,
                       Long retryAfterMs, CooldownConfig cooldowns) {
        if (stats.size() >= MAX_KEYS) {
            stats.entrySet().removeIf(e -> e.getValue().unusableUntil(now, null) <= now);
        }
        return stats.compute(key(provider, c), (k, old) -> UsageUpdates.failure(old == null ? UsageStats.EMPTY : old,
                provider, reason, model, now, retryAfterMs, cooldowns));
    }

    /** A success clears the key's state. */
    void success(String provider, CredentialCandidate c) {
        stats.remove(key(provider, c));
    }

    private static Key key(String provider, CredentialCandidate c) {
        return new Key(provider, c.source().label(), c.secret());
    }
}
