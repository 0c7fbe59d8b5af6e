package ai.openclaw.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Counters and timers of the gateway, served at {@code GET /metrics} in Prometheus text format.
 *
 * <p>Meters are looked up once per tag combination and kept: {@code Counter.builder(...).register(...)} builds and
 * sorts a meter id and searches the registry on every call, which is measurable on the request path. The tag values
 * come from a small set (endpoints, status codes, configured providers, outcome and reason codes), so the maps stay
 * small.
 */
public final class GatewayMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentHashMap<RequestKey, Counter> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PairKey, Counter> attempts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PairKey, Counter> rotations = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Timer> latencies = new ConcurrentHashMap<>();

    private record RequestKey(String endpoint, int status) {}

    private record PairKey(String first, String second) {}

    public GatewayMetrics(Supplier<Number> activeCooldowns) {
        // a strong reference: registry.gauge(...) keeps only a weak one, and the supplier (often a lambda held
        // nowhere else) would be collected, leaving the gauge at NaN
        Gauge.builder("openclaw_active_cooldowns", activeCooldowns, s -> s.get().doubleValue())
                .strongReference(true).register(registry);
    }

    public void request(String endpoint, int status) {
        requests.computeIfAbsent(new RequestKey(endpoint, status), k -> Counter.builder("openclaw_requests")
                .tag("endpoint", k.endpoint()).tag("status", String.valueOf(k.status())).register(registry))
                .increment();
    }

    public void attempt(String provider, String outcome) {
        attempts.computeIfAbsent(new PairKey(provider, outcome), k -> Counter.builder("openclaw_attempts")
                .tag("provider", k.first()).tag("outcome", k.second()).register(registry)).increment();
    }

    public void rotation(String provider, String reason) {
        rotations.computeIfAbsent(new PairKey(provider, reason), k -> Counter.builder("openclaw_rotations")
                .tag("provider", k.first()).tag("reason", k.second()).register(registry)).increment();
    }

    public void upstreamLatency(String provider, Duration d) {
        latencies.computeIfAbsent(provider, p -> Timer.builder("openclaw_upstream_latency").tag("provider", p)
                .register(registry)).record(d);
    }

    public String scrape() {
        return registry.scrape();
    }
}
