package ai.openclaw.probe;

import java.util.Comparator;
import java.util.List;

/**
 * The outcome of a probe run.
 *
 * @param startedAt    epoch milliseconds (the injected clock)
 * @param finishedAt   {@code startedAt + durationMs}
 * @param durationMs   measured on the injected monotonic time source, so a clock step cannot distort it
 * @param totalTargets how many credentials were called (rows decided without a call are not targets)
 * @param results      every row, calls and decided ones, sorted by provider, then label, then profile id
 */
public record ProbeSummary(long startedAt, long finishedAt, long durationMs, int totalTargets, ProbeOptions options,
                           List<ProbeResult> results) {
    static final Comparator<ProbeResult> ORDER = Comparator.comparing(ProbeResult::provider)
            .thenComparing(ProbeResult::label)
            .thenComparing(r -> r.profileId() == null ? "" : r.profileId());

    public ProbeSummary {
        results = results.stream().sorted(ORDER).toList();
    }
}
