package ai.openclaw.routing;

import ai.openclaw.models.ModelRef;

/**
 * One candidate of a request as the caller's error body and the access log show it: tried (with its outcome) or
 * skipped (with the reason).
 *
 * @param credential   the credential's label ({@code anthropic:work}, {@code env: OPENAI_API_KEY}, ...), never a value
 * @param outcome      {@code ok}, {@code failed} or {@code skipped}
 * @param reason       failure reason ({@code rate_limit}, ...) or skip reason code ({@code cooldown}, {@code expired},
 *                     {@code unresolved_ref}, ...); null when ok
 * @param status       upstream HTTP status when tried (0 when no response), else 0
 * @param remainingMs  remaining cooldown when skipped or cooled down by this failure, else 0
 * @param detail       for a skip: why, and what to do, when the reason alone does not say it (a failed OAuth
 *                     refresh's message); else null. Never holds a secret.
 */
public record AttemptRecord(ModelRef model, String credential, String outcome, String reason, int status,
                            long remainingMs, String detail) {
    public AttemptRecord(ModelRef model, String credential, String outcome, String reason, int status,
                         long remainingMs) {
        this(model, credential, outcome, reason, status, remainingMs, null);
    }
}
