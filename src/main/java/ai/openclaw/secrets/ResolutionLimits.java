package ai.openclaw.secrets;

/**
 * {@code secrets.resolution}: bounds on one resolution pass.
 *
 * @param maxProviderConcurrency providers resolved at the same time (default 4, at most 16)
 * @param maxRefsPerProvider distinct refs one provider may be asked for in a pass (default 512, at most 4096)
 * @param maxBatchBytes size of one exec request written to stdin (default 256 KiB, at most 5 MiB)
 */
public record ResolutionLimits(int maxProviderConcurrency, int maxRefsPerProvider, int maxBatchBytes) {
    public static final int DEFAULT_MAX_PROVIDER_CONCURRENCY = 4;
    public static final int CAP_MAX_PROVIDER_CONCURRENCY = 16;
    public static final int DEFAULT_MAX_REFS_PER_PROVIDER = 512;
    public static final int CAP_MAX_REFS_PER_PROVIDER = 4096;
    public static final int DEFAULT_MAX_BATCH_BYTES = 256 * 1024;
    public static final int CAP_MAX_BATCH_BYTES = 5 * 1024 * 1024;

    public static final ResolutionLimits DEFAULTS = new ResolutionLimits(
            DEFAULT_MAX_PROVIDER_CONCURRENCY, DEFAULT_MAX_REFS_PER_PROVIDER, DEFAULT_MAX_BATCH_BYTES);

    public ResolutionLimits {
        requireInRange("maxProviderConcurrency", maxProviderConcurrency, CAP_MAX_PROVIDER_CONCURRENCY);
        requireInRange("maxRefsPerProvider", maxRefsPerProvider, CAP_MAX_REFS_PER_PROVIDER);
        requireInRange("maxBatchBytes", maxBatchBytes, CAP_MAX_BATCH_BYTES);
    }

    private static void requireInRange(String name, int value, int cap) {
        if (value < 1 || value > cap) {
            throw new IllegalArgumentException(name + ": must be between 1 and " + cap);
        }
    }
}
