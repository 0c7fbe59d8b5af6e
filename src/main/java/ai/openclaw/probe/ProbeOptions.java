package ai.openclaw.probe;

import ai.openclaw.core.ProviderIds;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What {@code models status --probe} probes and how.
 *
 * @param provider    only this provider (normalised), or null for every provider {@code models status} examines
 * @param profileIds  only these stored profiles (and then no environment / models.json rows); empty for all
 * @param timeoutMs   the longest a single probe may take, connecting and reading included
 * @param concurrency how many probes run at once
 * @param maxTokens   the output cap sent with each probe
 */
public record ProbeOptions(String provider, List<String> profileIds, long timeoutMs, int concurrency, int maxTokens) {
    public static final long DEFAULT_TIMEOUT_MS = 8_000;
    public static final int DEFAULT_CONCURRENCY = 2;
    public static final int DEFAULT_MAX_TOKENS = 8;

    public ProbeOptions {
        provider = provider == null || provider.isBlank() ? null : ProviderIds.normalize(provider);
        profileIds = List.copyOf(new LinkedHashSet<>(profileIds));
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("probe timeout must be positive, got " + timeoutMs);
        }
        if (concurrency <= 0) {
            throw new IllegalArgumentException("probe concurrency must be positive, got " + concurrency);
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("probe max tokens must be positive, got " + maxTokens);
        }
    }

    public static ProbeOptions defaults() {
        return new ProbeOptions(null, List.of(), DEFAULT_TIMEOUT_MS, DEFAULT_CONCURRENCY, DEFAULT_MAX_TOKENS);
    }
}
