package ai.openclaw.routing;

import ai.openclaw.anthropic.ClaudeCodeOnly;
import ai.openclaw.core.Durations;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.store.FailureReason;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the outcomes of a request that nothing served into the caller's answer.
 *
 * <ul>
 *   <li>No credential tried and none waiting out a window: 401 {@code no_credentials}, naming how to add one.</li>
 *   <li>Every credential cooling down or rate-limited: 429 {@code rate_limit}, {@code retryAfterMs} = the soonest
 *       recovery.</li>
 *   <li>Otherwise the dominant reason: the most frequent failure (windows count with the failure that opened them),
 *       ties broken by severity as OpenClaw does ({@code auth_permanent > auth > billing > format > model_not_found >
 *       overloaded > timeout > rate_limit > …}); its HTTP status.</li>
 * </ul>
 * When any candidate was refused as "only authorized for use with Claude Code", the message ends with
 * {@link ClaudeCodeOnly#EXPLANATION} (the two ways out).
 */
final class NoRouteVerdict {
    private static final List<FailureReason> SEVERITY = List.of(FailureReason.AUTH_PERMANENT, FailureReason.AUTH,
            FailureReason.SESSION_EXPIRED, FailureReason.BILLING, FailureReason.FORMAT, FailureReason.MODEL_NOT_FOUND,
            FailureReason.OVERLOADED, FailureReason.TIMEOUT, FailureReason.RATE_LIMIT, FailureReason.EMPTY_RESPONSE,
            FailureReason.NO_ERROR_DETAILS, FailureReason.UNCLASSIFIED, FailureReason.UNKNOWN);

    private NoRouteVerdict() {}

    /** Nothing served; {@code models} are the model keys of the plan, {@code providers} their providers. */
    static NoRouteException of(List<Outcome> outcomes, List<String> models, List<String> providers) {
        List<Outcome> relevant = outcomes.stream().filter(o -> o.kind() == Outcome.Kind.FAILED
                || o.kind() == Outcome.Kind.COOLING || o.kind() == Outcome.Kind.DISABLED).toList();
        String subject = String.join(", ", models);
        List<AttemptRecord> records = outcomes.stream().map(Outcome::record).toList();
        if (relevant.isEmpty()) {
            return new NoRouteException(401, "no_credentials", noCredentials(outcomes, providers), null, records);
        }
        boolean allCooling = relevant.stream().allMatch(o -> o.kind() == Outcome.Kind.COOLING
                || (o.kind() == Outcome.Kind.FAILED && o.reason() == FailureReason.RATE_LIMIT));
        FailureReason dominant = allCooling ? FailureReason.RATE_LIMIT : dominant(relevant);
        Long retryAfter = dominant == FailureReason.RATE_LIMIT ? soonestRecovery(relevant) : null;
        StringBuilder msg = new StringBuilder();
        msg.append(allCooling ? "Every credential for " + subject + " is cooling down or rate-limited"
                : "No credential could serve " + subject + " (" + dominant.wireName() + ")");
        if (retryAfter != null) {
            msg.append("; retry in ").append(duration(retryAfter));
        }
        msg.append(". Tried: ").append(summary(outcomes)).append('.');
        relevant.stream().filter(o -> o.upstream() != null && !o.upstream().isBlank())
                .reduce((a, b) -> b)
                .ifPresent(o -> msg.append(" Last upstream error (").append(o.record().credential()).append("): ")
                        .append(o.upstream()));
        if (relevant.stream().anyMatch(o -> ClaudeCodeOnly.matches(o.upstream()))) {
            msg.append(' ').append(ClaudeCodeOnly.EXPLANATION);
        }
        return new NoRouteException(status(dominant), dominant.wireName(), msg.toString(), retryAfter, records);
    }

    /** The caller's request does not fit the model's context window: another credential or model will not help. */
    static NoRouteException contextOverflow(List<Outcome> outcomes, Outcome failed) {
        return new NoRouteException(400, "context_overflow", "The request does not fit the context window of "
                + failed.record().model().key() + ": " + failed.upstream(), null,
                outcomes.stream().map(Outcome::record).toList());
    }

    static int status(FailureReason reason) {
        return switch (reason) {
            case AUTH, AUTH_PERMANENT, SESSION_EXPIRED -> 401;
            case BILLING -> 402;
            case RATE_LIMIT -> 429;
            case MODEL_NOT_FOUND -> 404;
            case FORMAT -> 400;
            case TIMEOUT -> 504;
            case OVERLOADED -> 503;
            case EMPTY_RESPONSE, NO_ERROR_DETAILS, UNCLASSIFIED, UNKNOWN -> 502;
        };
    }

    private static FailureReason dominant(List<Outcome> relevant) {
        Map<FailureReason, Integer> counts = new EnumMap<>(FailureReason.class);
        relevant.forEach(o -> counts.merge(o.reason() == null ? FailureReason.UNKNOWN : o.reason(), 1, Integer::sum));
        FailureReason best = null;
        for (FailureReason r : SEVERITY) {
            Integer n = counts.get(r);
            if (n != null && (best == null || n > counts.get(best))) {
                best = r;
            }
        }
        return best == null ? FailureReason.UNKNOWN : best;
    }

    private static Long soonestRecovery(List<Outcome> relevant) {
        return relevant.stream().mapToLong(Outcome::recoveryMs).filter(ms -> ms > 0).min().stream().boxed()
                .findFirst().orElse(null);
    }

    private static String noCredentials(List<Outcome> outcomes, List<String> providers) {
        Set<String> distinct = new LinkedHashSet<>(providers);
        StringBuilder msg = new StringBuilder("No usable credential for ")
                .append(distinct.size() == 1 ? "provider " : "providers ")
                .append(distinct.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", ")));
        if (!outcomes.isEmpty()) {
            msg.append(" (").append(summary(outcomes)).append(')');
        }
        msg.append(". Add one:");
        for (String p : distinct) {
            msg.append(" `openclaw models auth paste-api-key --provider ").append(p).append("`, or set ")
                    .append(ProviderIds.envBase(p)).append("_API_KEY;");
        }
        return msg.append(" or run `openclaw onboard`.").toString();
    }

    private static String summary(List<Outcome> outcomes) {
        return outcomes.stream().map(NoRouteVerdict::describe).collect(Collectors.joining("; "));
    }

    private static String describe(Outcome o) {
        AttemptRecord r = o.record();
        StringBuilder s = new StringBuilder(r.credential()).append(" for ").append(r.model().key()).append(": ")
                .append(r.outcome()).append(' ').append(r.reason());
        if (r.status() > 0) {
            s.append(" (HTTP ").append(r.status()).append(')');
        }
        if (r.remainingMs() > 0) {
            s.append(", ").append(duration(r.remainingMs())).append(" left");
        }
        if (r.detail() != null) {
            s.append(" (").append(r.detail()).append(')');
        }
        return s.toString();
    }

    /** Seconds below two minutes (cooldowns start at 30 s), else OpenClaw's compact form. */
    static String duration(long ms) {
        return ms < 120_000 ? Math.max(1, (ms + 999) / 1000) + "s" : Durations.remaining(ms);
    }
}
