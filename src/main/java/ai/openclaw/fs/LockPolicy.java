package ai.openclaw.fs;

/**
 * How long {@link FileLockManager#withLock} waits for a busy lock and when a lock left behind is stale.
 *
 * <p>Waiting follows the exponential back-off of the reference implementation: after failed attempt
 * {@code n} (0-based) it sleeps {@link #backoffMs(int, double)}; after {@code retries + 1} failed
 * attempts it gives up.
 *
 * @param retries how many times to retry after the first failed attempt
 * @param factor growth of the delay per attempt
 * @param minTimeoutMs delay after the first failed attempt (before randomization)
 * @param maxTimeoutMs upper bound of any single delay
 * @param randomize multiply each delay by a random value in [1, 2) to spread competing waiters
 * @param staleMs a lock older than this (by its {@code createdAt}, else its mtime) is considered abandoned
 */
public record LockPolicy(int retries, double factor, long minTimeoutMs, long maxTimeoutMs, boolean randomize, long staleMs) {
    /** The auth store lock: 10 retries, 100 ms to 10 s, stale after 30 s. */
    public static final LockPolicy STORE = new LockPolicy(10, 2, 100, 10_000, true, 30_000);
    /** The per-profile OAuth refresh lock: 20 retries, 100 ms to 10 s, stale after 180 s. */
    public static final LockPolicy OAUTH_REFRESH = new LockPolicy(20, 2, 100, 10_000, true, 180_000);

    public LockPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0");
        }
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("factor must be >= 1");
        }
        if (minTimeoutMs < 0 || maxTimeoutMs < minTimeoutMs) {
            throw new IllegalArgumentException("need 0 <= minTimeoutMs <= maxTimeoutMs");
        }
        if (staleMs <= 0) {
            throw new IllegalArgumentException("staleMs must be > 0");
        }
    }

    /** The same policy with a different retry count ({@code 0} = a single attempt). */
    public LockPolicy withRetries(int newRetries) {
        return new LockPolicy(newRetries, factor, minTimeoutMs, maxTimeoutMs, randomize, staleMs);
    }

    /**
     * Delay after failed attempt {@code attempt}: {@code min(max, max(min, min * factor^attempt))},
     * times {@code 1 + random01} when randomized, capped at {@code maxTimeoutMs}.
     *
     * @param random01 a value in [0, 1); ignored when {@link #randomize()} is false
     */
    public long backoffMs(int attempt, double random01) {
        double base = Math.min(maxTimeoutMs, Math.max(minTimeoutMs, minTimeoutMs * Math.pow(factor, attempt)));
        double scaled = randomize ? base * (1 + random01) : base;
        return Math.min(maxTimeoutMs, Math.round(scaled));
    }

    /**
     * The total of all un-randomized delays: how long a thread waits for another thread of the same
     * process that holds the lock before it gives up, mirroring the cross-process patience.
     */
    public long totalBackoffMs() {
        long total = 0;
        for (int attempt = 0; attempt < retries; attempt++) {
            total += randomize ? withoutRandomization().backoffMs(attempt, 0) : backoffMs(attempt, 0);
        }
        return total;
    }

    private LockPolicy withoutRandomization() {
        return new LockPolicy(retries, factor, minTimeoutMs, maxTimeoutMs, false, staleMs);
    }
}
