package ai.openclaw.routing;

import ai.openclaw.store.FailureReason;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When every credential of a model is cooling down, whether to try one of them anyway (store-and-selection §6.4): a
 * provider that recovered before the ladder says so then serves at once instead of answering 429 until the window
 * ends. Only for transient causes (a profile cooling after an auth failure stays cooling), only within
 * {@link #PROBE_MARGIN_MS} of the soonest recovery, and at most once per {@link #THROTTLE_MS} per agent and model,
 * so a provider that is still limiting sees one extra request every 30 s, not one per client request.
 *
 * <p>The throttle is process memory, bounded to {@link #MAX_KEYS} entries. Thread-safe.
 */
final class CooldownProbes {
    static final long PROBE_MARGIN_MS = 2 * 60_000L;
    static final long THROTTLE_MS = 30_000L;
    static final int MAX_KEYS = 256;

    /** Causes after which another try may well succeed (§6.4 "transient"). */
    private static final Set<FailureReason> TRANSIENT = EnumSet.of(FailureReason.RATE_LIMIT, FailureReason.OVERLOADED,
            FailureReason.BILLING, FailureReason.UNKNOWN, FailureReason.EMPTY_RESPONSE,
            FailureReason.NO_ERROR_DETAILS, FailureReason.UNCLASSIFIED, FailureReason.TIMEOUT);

    /** Which cause dominates when several credentials cool down for different reasons, strongest first. */
    private static final List<FailureReason> PRIORITY = List.of(FailureReason.AUTH_PERMANENT, FailureReason.AUTH,
            FailureReason.BILLING, FailureReason.FORMAT, FailureReason.MODEL_NOT_FOUND, FailureReason.OVERLOADED,
            FailureReason.TIMEOUT, FailureReason.RATE_LIMIT, FailureReason.EMPTY_RESPONSE,
            FailureReason.NO_ERROR_DETAILS, FailureReason.UNCLASSIFIED, FailureReason.UNKNOWN);

    private final ConcurrentHashMap<String, Long> lastProbe = new ConcurrentHashMap<>();

    /**
     * The profile to probe among {@code candidates} of one model, or empty. Requires that none is usable, that the
     * dominant cause of the cooling ones is transient, and that the soonest recovery is near; claims the throttle.
     */
    Optional<Candidate.Skipped> choose(String throttleKey, List<Candidate> candidates, Set<String> profileLabels,
                                       long now) {
        Candidate.Skipped soonest = null;
        FailureReason dominant = null;
        for (Candidate c : candidates) {
            if (c instanceof Candidate.Usable) {
                return Optional.empty();
            }
            Candidate.Skipped s = (Candidate.Skipped) c;
            if (!s.coolingDown() || !profileLabels.contains(s.label())) {
                continue;
            }
            FailureReason cause = s.cause() == null ? FailureReason.UNKNOWN : s.cause();
            if (dominant == null || rank(cause) < rank(dominant)) {
                dominant = cause;
            }
            if (soonest == null || s.remainingMs() < soonest.remainingMs()) {
                soonest = s;
            }
        }
        if (soonest == null || !TRANSIENT.contains(dominant) || soonest.remainingMs() > PROBE_MARGIN_MS
                || !claim(throttleKey, now)) {
            return Optional.empty();
        }
        return Optional.of(soonest);
    }

    private boolean claim(String key, long now) {
        if (lastProbe.size() >= MAX_KEYS) {
            lastProbe.entrySet().removeIf(e -> now - e.getValue() >= THROTTLE_MS);
            if (lastProbe.size() >= MAX_KEYS) {
                return false;
            }
        }
        boolean[] claimed = {false};
        lastProbe.compute(key, (k, last) -> {
            if (last == null || now - last >= THROTTLE_MS) {
                claimed[0] = true;
                return now;
            }
            return last;
        });
        return claimed[0];
    }

    private static int rank(FailureReason r) {
        int i = PRIORITY.indexOf(r);
        return i < 0 ? PRIORITY.size() : i;
    }
}
