package ai.openclaw.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A scripted upstream: answers 200 unless the credential (by label, optionally for one model) is told to fail.
 * Remembers every call as {@code "<label> <provider/model>"}.
 */
final class Upstream implements Function<Attempt, AttemptResult<String>> {
    private final Map<String, UpstreamFailure> failures = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    /** Every call with this credential fails. */
    Upstream fail(String label, UpstreamFailure failure) {
        failures.put(label, failure);
        return this;
    }

    /** Calls with this credential for this model fail. */
    Upstream fail(String label, String modelKey, UpstreamFailure failure) {
        failures.put(label + " " + modelKey, failure);
        return this;
    }

    Upstream heal(String label) {
        failures.remove(label);
        return this;
    }

    @Override
    public AttemptResult<String> apply(Attempt a) {
        String label = a.credential().source().label();
        String call = label + " " + a.model().key();
        calls.add(call);
        attempts.add(a);
        UpstreamFailure f = failures.getOrDefault(call, failures.get(label));
        return f == null ? new AttemptResult.Served<>("served by " + label) : new AttemptResult.Failed<>(f);
    }

    List<String> labels() {
        List<String> out = new ArrayList<>();
        attempts.forEach(a -> out.add(a.credential().source().label()));
        return out;
    }

    static UpstreamFailure status(int status) {
        return new UpstreamFailure(status, null, "upstream said " + status, null, null);
    }

    static UpstreamFailure status(int status, String message) {
        return new UpstreamFailure(status, null, message, null, null);
    }

    static UpstreamFailure rateLimited(long retryAfterMs) {
        return new UpstreamFailure(429, "rate_limit_error", "Rate limit reached", retryAfterMs, null);
    }
}
