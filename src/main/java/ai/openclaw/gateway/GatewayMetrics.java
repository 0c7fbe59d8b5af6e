package ai.openclaw.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/** Counters and timers of the gateway, served at {@code GET /metrics} in Prometheus text format. */
public final class GatewayMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public GatewayMetrics(Supplier<Number> activeCooldowns) {
        // a strong reference: registry.gauge(...) keeps only a weak one, and the supplier (often a lambda held
        // nowhere else) would be collected, leaving the gauge at NaN
        Gauge.builder("openclaw_active_cooldowns", activeCooldowns, s -> s.get().doubleValue())
                .strongReference(true).register(registry);
    }

    public void request(String endpoint, int status) {
        Counter.builder("openclaw_requests").tag("endpoint", endpoint).tag("status", String.valueOf(status))
                .register(registry).increment();
    }

    public void attempt(String provider, String outcome) {
        Counter.builder("openclaw_attempts").tag("provider", provider).tag("outcome", outcome)
                .register(registry).increment();
    }

    public void rotation(String provider, String reason) {
        Counter.builder("openclaw_rotations").tag("provider", provider).tag("reason", reason)
                .register(registry).increment();
    }

    public void upstreamLatency(String provider, Duration d) {
        Timer.builder("openclaw_upstream_latency").tag("provider", provider).register(registry).record(d);
    }

    public String scrape() {
        return registry.scrape();
    }
}
