package ai.openclaw.probe;

import java.util.List;

/**
 * What a probe run does: the targets to call, and the rows decided without a call.
 *
 * @param targets credentials to probe, each with a model
 * @param decided rows that need no call: excluded by the order, ineligible, unusable key, no model
 */
public record ProbePlan(List<ProbeTarget> targets, List<ProbeResult> decided) {
    public ProbePlan {
        targets = List.copyOf(targets);
        decided = List.copyOf(decided);
    }
}
