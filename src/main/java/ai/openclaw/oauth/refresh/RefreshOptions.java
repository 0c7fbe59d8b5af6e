package ai.openclaw.oauth.refresh;

import ai.openclaw.fs.LockPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The knobs of {@link RefreshCoordinator}; {@link #DEFAULTS} are the reference implementation's values.
 *
 * @param marginMs           a token with this little time left is refreshed before use (5 min)
 * @param callTimeout        hard limit of one provider call (120 s); must stay below the lock's staleness, so that no
 *                           other process takes the refresh lock over while the call may still succeed
 * @param lockPolicy         waiting for the global per-profile refresh lock ({@link LockPolicy#OAUTH_REFRESH})
 * @param retryFailedAfter   after a failed refresh, callers in this process that still hold the same refresh token get
 *                           that failure again without calling the provider, for this long (30 s; zero disables); a
 *                           changed credential is tried at once
 * @param peerMirrorDisabled {@code OPENCLAW_DISABLE_AUTH_PEER_MIRROR=1}: do not copy a refresh into other stores
 */
public record RefreshOptions(long marginMs, Duration callTimeout, LockPolicy lockPolicy, Duration retryFailedAfter,
                             BooleanSupplier peerMirrorDisabled) {
    public static final RefreshOptions DEFAULTS = new RefreshOptions(Freshness.DEFAULT_MARGIN_MS,
            Duration.ofSeconds(120), LockPolicy.OAUTH_REFRESH, Duration.ofSeconds(30), () -> false);

    public RefreshOptions {
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(lockPolicy, "lockPolicy");
        Objects.requireNonNull(retryFailedAfter, "retryFailedAfter");
        Objects.requireNonNull(peerMirrorDisabled, "peerMirrorDisabled");
        if (marginMs < 0) {
            throw new IllegalArgumentException("marginMs must be >= 0");
        }
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive");
        }
        if (lockPolicy.staleMs() <= callTimeout.toMillis()) {
            throw new IllegalArgumentException("the refresh lock must stay fresh longer than one provider call");
        }
        if (retryFailedAfter.isNegative()) {
            throw new IllegalArgumentException("retryFailedAfter must be >= 0");
        }
    }

    public RefreshOptions withCallTimeout(Duration timeout) {
        return new RefreshOptions(marginMs, timeout, lockPolicy, retryFailedAfter, peerMirrorDisabled);
    }

    public RefreshOptions withLockPolicy(LockPolicy policy) {
        return new RefreshOptions(marginMs, callTimeout, policy, retryFailedAfter, peerMirrorDisabled);
    }

    public RefreshOptions withRetryFailedAfter(Duration after) {
        return new RefreshOptions(marginMs, callTimeout, lockPolicy, after, peerMirrorDisabled);
    }

    public RefreshOptions withPeerMirrorDisabled(BooleanSupplier disabled) {
        return new RefreshOptions(marginMs, callTimeout, lockPolicy, retryFailedAfter, disabled);
    }
}
