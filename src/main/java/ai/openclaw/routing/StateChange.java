package ai.openclaw.routing;

import ai.openclaw.config.CooldownConfig;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.store.AuthState;
import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;

/**
 * One recorded outcome of one profile, kept as data so that it can be applied twice: at once to the in-process view,
 * and later to the state freshly read from disk under the store lock. Its instant is fixed when it happens, not when
 * it is written.
 */
sealed interface StateChange {
    String profileId();

    /** When it happened (epoch ms). */
    long at();

    UsageStats applyTo(UsageStats stats);

    /** The change to the whole agent state (success also records {@code lastGood}). */
    default AuthState applyTo(AuthState state) {
        return state.withStats(profileId(), this::applyTo);
    }

    record Failure(String profileId, String provider, FailureReason reason, String model, long at, Long retryAfterMs,
                   CooldownConfig cooldowns) implements StateChange {
        @Override
        public UsageStats applyTo(UsageStats stats) {
            return UsageUpdates.failure(stats, provider, reason, model, at, retryAfterMs, cooldowns);
        }
    }

    record Success(String profileId, String provider, long at) implements StateChange {
        @Override
        public UsageStats applyTo(UsageStats stats) {
            return UsageUpdates.success(stats, at);
        }

        @Override
        public AuthState applyTo(AuthState state) {
            return state.withStats(profileId, this::applyTo).withLastGood(ProviderIds.normalize(provider), profileId);
        }
    }
}
