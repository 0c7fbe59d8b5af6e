package ai.openclaw.routing;

import ai.openclaw.config.CooldownConfig;
import ai.openclaw.store.FailureReason;

/**
 * After a failed attempt: try the model's next candidate, or leave the model (store-and-selection §6.4, §7).
 * One instance per model of a request: it counts the rotations for the caps.
 *
 * <ul>
 *   <li>Profiles rotate on every reason except {@code timeout} and {@code format}, which another credential would
 *       not fix; those leave the model (the next fallback model may still serve).</li>
 *   <li>Rate-limit and overloaded rotations are capped ({@code auth.cooldowns.rateLimitedProfileRotations},
 *       {@code overloadedProfileRotations}, default 1): past the cap the model is left.</li>
 *   <li>Environment and config keys rotate on rate limits only; any other error leaves the model and is the error
 *       the caller gets unless a fallback model serves.</li>
 * </ul>
 */
final class RotationPolicy {
    /** Candidates after a cap was reached are listed as skipped with this reason. */
    static final String ROTATION_CAP = "rotation_cap";
    /** Candidates after an error that does not rotate are listed as skipped with this reason. */
    static final String NOT_ROTATED = "not_rotated";

    private final CooldownConfig cooldowns;
    private int rateLimitRotations;
    private int overloadedRotations;

    RotationPolicy(CooldownConfig cooldowns) {
        this.cooldowns = cooldowns;
    }

    /** Null to go on with the next candidate; else the reason the model's remaining candidates are not tried. */
    String leaveReason(boolean profile, FailureReason reason) {
        if (!profile) {
            return reason == FailureReason.RATE_LIMIT ? null : NOT_ROTATED;
        }
        return switch (reason) {
            case TIMEOUT, FORMAT -> NOT_ROTATED;
            case RATE_LIMIT -> ++rateLimitRotations > cooldowns.rateLimitedProfileRotations() ? ROTATION_CAP : null;
            case OVERLOADED -> ++overloadedRotations > cooldowns.overloadedProfileRotations() ? ROTATION_CAP : null;
            default -> null;
        };
    }
}
