package ai.openclaw.upstream;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection settings of {@link UpstreamClient}. The per-request timeout comes from the request (the endpoint's
 * {@code timeoutSeconds}); these are the rest.
 *
 * @param connectTimeout          TCP (and TLS) connect timeout
 * @param poolWaitTimeout         how long a call waits for a free pooled connection before failing with
 *                                {@code timeout}
 * @param maxConnectionsPerRoute  open connections per upstream host (each in-flight request holds one)
 * @param maxConnectionsTotal     open connections over all hosts
 * @param idleConnectionTimeout   pooled connections idle longer than this are not reused
 * @param validateAfterInactivity pooled connections idle longer than this are checked for staleness before reuse
 *                                (there are no automatic retries, so a dead keep-alive connection must not be used)
 * @param userAgent               {@code user-agent} sent when the request sets none
 */
public record UpstreamClientSettings(Duration connectTimeout, Duration poolWaitTimeout, int maxConnectionsPerRoute,
                                     int maxConnectionsTotal, Duration idleConnectionTimeout,
                                     Duration validateAfterInactivity, String userAgent) {
    /** 10 s connect, 30 s pool wait, 256 per route / 1024 total, 30 s idle, validate after 2 s. */
    public static final UpstreamClientSettings DEFAULTS = new UpstreamClientSettings(Duration.ofSeconds(10),
            Duration.ofSeconds(30), 256, 1024, Duration.ofSeconds(30), Duration.ofSeconds(2), "openclaw-java");

    public UpstreamClientSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(poolWaitTimeout, "poolWaitTimeout");
        Objects.requireNonNull(idleConnectionTimeout, "idleConnectionTimeout");
        Objects.requireNonNull(validateAfterInactivity, "validateAfterInactivity");
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxConnectionsPerRoute < 1 || maxConnectionsTotal < maxConnectionsPerRoute) {
            throw new IllegalArgumentException("need 1 <= maxConnectionsPerRoute <= maxConnectionsTotal");
        }
    }

    public UpstreamClientSettings withConnectTimeout(Duration timeout) {
        return new UpstreamClientSettings(timeout, poolWaitTimeout, maxConnectionsPerRoute, maxConnectionsTotal,
                idleConnectionTimeout, validateAfterInactivity, userAgent);
    }

    public UpstreamClientSettings withPool(int perRoute, int total, Duration waitTimeout) {
        return new UpstreamClientSettings(connectTimeout, waitTimeout, perRoute, total, idleConnectionTimeout,
                validateAfterInactivity, userAgent);
    }
}
