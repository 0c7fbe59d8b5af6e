package ai.openclaw.probe;

import ai.openclaw.routing.Attempt;
import ai.openclaw.routing.AttemptResult;
import ai.openclaw.routing.ProbeRoute;
import ai.openclaw.routing.UpstreamFailure;
import ai.openclaw.upstream.Redaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Runs the targets of a {@link ProbePlan}: each on its own virtual thread, at most
 * {@link ProbeOptions#concurrency()} at a time (a {@link Semaphore}), each through {@link ProbeRoute} with its
 * credential pinned (no rotation, no fallback, nothing recorded). Latency is measured on the injected monotonic time
 * source around the route call.
 */
public final class Prober {
    /**
     * Told after the start (0 of total) and after each finished target, in increasing order; called from several
     * threads, one call at a time.
     */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(int done, int total);
    }

    private final ProbeRoute route;
    private final Function<Attempt, AttemptResult<Void>> call;
    private final Function<String, Optional<String>> providerProblem;
    private final String agentId;
    private final Clock clock;
    private final LongSupplier nanoTime;

    /**
     * @param call            performs one upstream call ({@link ProbeCall} in production)
     * @param providerProblem why a provider has no endpoint, for {@code unknown_provider} rows
     * @param nanoTime        a monotonic time source in nanoseconds ({@code System::nanoTime})
     */
    public Prober(ProbeRoute route, Function<Attempt, AttemptResult<Void>> call,
                  Function<String, Optional<String>> providerProblem, String agentId, Clock clock,
                  LongSupplier nanoTime) {
        this.route = Objects.requireNonNull(route, "route");
        this.call = Objects.requireNonNull(call, "call");
        this.providerProblem = Objects.requireNonNull(providerProblem, "providerProblem");
        this.agentId = agentId;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    public ProbeSummary run(ProbePlan plan, ProbeOptions options, Progress progress) {
        long startedAt = clock.millis();
        long start = nanoTime.getAsLong();
        int total = plan.targets().size();
        progress.update(0, total);
        Semaphore permits = new Semaphore(options.concurrency());
        AtomicInteger done = new AtomicInteger();
        Object reporting = new Object();
        List<ProbeResult> results = new ArrayList<>(plan.decided());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ProbeResult>> futures = new ArrayList<>();
            for (ProbeTarget t : plan.targets()) {
                futures.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        return probe(t);
                    } finally {
                        permits.release();
                        // one at a time, so that the counts reported only ever go up
                        synchronized (reporting) {
                            progress.update(done.incrementAndGet(), total);
                        }
                    }
                }));
            }
            for (Future<ProbeResult> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        long durationMs = (nanoTime.getAsLong() - start) / 1_000_000;
        return new ProbeSummary(startedAt, startedAt + durationMs, durationMs, total, options, results);
    }

    private ProbeResult probe(ProbeTarget t) {
        long start = nanoTime.getAsLong();
        ProbeRoute.Outcome<Void> outcome;
        try {
            outcome = route.run(agentId, t.model(), t.pin(), call);
        } catch (RuntimeException e) {
            // one broken target (a secret provider that crashed, ...) must not cost the other rows
            return t.result(ProbeStatus.UNKNOWN, null, Redaction.forMessage("Probe failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())), null);
        }
        long latencyMs = (nanoTime.getAsLong() - start) / 1_000_000;
        return switch (outcome) {
            case ProbeRoute.Outcome.Served<Void> s -> t.result(ProbeStatus.OK, null, null, latencyMs);
            case ProbeRoute.Outcome.Failed<Void> f -> t.result(ProbeStatus.of(f.reason()), null, error(f.failure()),
                    latencyMs);
            case ProbeRoute.Outcome.NotAttempted<Void> n -> notAttempted(t, n.reason());
        };
    }

    private ProbeResult notAttempted(ProbeTarget t, String code) {
        if (code.equals(ProbeRoute.UNKNOWN_PROVIDER)) {
            return t.result(ProbeStatus.UNKNOWN, code, providerProblem.apply(t.provider())
                    .orElse("Provider \"" + t.provider() + "\" has no endpoint."), null);
        }
        String first = t.source() == ProbeSource.PROFILE ? ProbeReasons.INELIGIBLE_TEXT
                : ProbeReasons.KEY_UNUSABLE_TEXT;
        return t.result(ProbeStatus.UNKNOWN, ProbeReasons.reasonCode(code), ProbeReasons.twoLines(first, code, null),
                null);
    }

    /** One redacted line: {@code HTTP <status>: <message>}, or the transport's message. */
    static String error(UpstreamFailure f) {
        String message = f.message() == null || f.message().isBlank() ? "no error details" : f.message();
        return Redaction.forMessage(f.status() > 0 ? "HTTP " + f.status() + ": " + message : message);
    }
}
