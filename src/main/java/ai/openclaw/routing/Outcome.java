package ai.openclaw.routing;

import ai.openclaw.store.FailureReason;

/**
 * What happened to one candidate of a request: the public {@link AttemptRecord} plus what the final verdict needs.
 *
 * @param reason     for a failure: its class; for a cooldown/disabled skip: the failure that opened the window
 * @param recoveryMs when the credential can be used again (remaining window, or the provider's Retry-After), else 0
 * @param upstream   the provider's message for a failure (already free of the attempt's secret), else null
 */
record Outcome(AttemptRecord record, Kind kind, FailureReason reason, long recoveryMs, String upstream) {
    enum Kind {
        SERVED, FAILED, COOLING, DISABLED, LEFT_OUT
    }
}
