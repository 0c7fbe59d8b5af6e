package ai.openclaw.routing;

import ai.openclaw.anthropic.ClaudeCodeOnly;
import ai.openclaw.store.FailureReason;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies an upstream failure into a {@link FailureReason} (store-and-selection §6.1): the HTTP status decides
 * first; error codes and message text refine it where the status is ambiguous (400/422, 401/403, 402, 429, 499/503)
 * or absent (transport errors).
 */
public final class FailureClassifier {
    private static final Set<String> NETWORK_CODES = Set.of("ETIMEDOUT", "ESOCKETTIMEDOUT", "ECONNRESET",
            "ECONNREFUSED", "ECONNABORTED", "EAI_AGAIN", "ENOTFOUND", "ENETUNREACH", "EHOSTUNREACH", "EPIPE",
            "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_SOCKET");
    private static final String NO_DETAILS = "unknown error (no error details in response)";

    private static final Pattern CONTEXT_OVERFLOW = words("context_length_exceeded", "maximum context length",
            "context length", "context window", "prompt is too long", "input is too long", "too many tokens",
            "exceeds the context", "request_too_large", "reduce the length of the messages");
    private static final Pattern BILLING = words("payment required", "insufficient credit", "insufficient_credit",
            "insufficient balance", "insufficient_balance", "insufficient quota", "insufficient_quota",
            "credit balance", "spend limit", "spending limit", "billing", "out of credits", "no credits",
            "purchase credits", "exceeded your current quota");
    private static final Pattern PERIODIC_LIMIT = Pattern.compile(
            "try again|retry|resets? (?:at|in|on)|per (?:minute|hour|day)|hourly|daily|weekly|monthly");
    private static final Pattern RATE_LIMIT = Pattern.compile("rate[ _-]?limit|too many (?:concurrent )?requests"
            + "|throttl|quota exceeded|quota_exceeded|resource[ _]exhausted|usage limit|concurrency limit"
            + "|(?:tokens|requests) per (?:minute|day)|\\b429\\b|请求过于频繁|请求过多|速率限制|限流");
    private static final Pattern OVERLOADED = words("overloaded", "at capacity", "high demand",
            "server is busy", "temporarily unavailable due to load");
    private static final Pattern AUTH_PERMANENT = Pattern.compile(
            "(?:key|token)(?: has been| was| is)? (?:revoked|deactivated|disabled)|deactivated[ _]workspace"
                    + "|workspace (?:is |has been )?deactivated|account (?:has been |is |was )?"
                    + "(?:deactivated|disabled|suspended|banned)|not allowed for this organization"
                    + "|organization has been (?:disabled|deactivated)");
    private static final Pattern AUTH = Pattern.compile("invalid[ _-]?(?:x-)?api[ _-]?key|incorrect api key"
            + "|invalid (?:bearer )?token|authentication|unauthori[sz]ed|unauthenticated|forbidden|permission denied"
            + "|permission_error|access denied|token (?:has )?expired|\\b401\\b|\\b403\\b");
    private static final Pattern MODEL_NOT_FOUND = words("model not found", "model_not_found", "unknown model",
            "no such model", "model does not exist", "does not exist or you do not have access");
    private static final Pattern TIMEOUT = Pattern.compile("timeout|timed out|fetch failed|socket hang up"
            + "|econnreset|econnrefused|etimedout|connection (?:reset|refused|closed)|network error"
            + "|stop ?reason:? (?:error|abort)");
    private static final Pattern FORMAT = words("invalid request format", "tool_call_id", "tool_use_id",
            "tool call id", "prefill", "malformed", "invalid_request_error", "validation error");

    /** Billing before rate limits: "exceeded your current quota … billing" is a billing problem. */
    private static final List<Rule> TEXT_RULES = List.of(new Rule(BILLING, FailureReason.BILLING),
            new Rule(RATE_LIMIT, FailureReason.RATE_LIMIT), new Rule(OVERLOADED, FailureReason.OVERLOADED),
            new Rule(AUTH_PERMANENT, FailureReason.AUTH_PERMANENT), new Rule(AUTH, FailureReason.AUTH),
            new Rule(MODEL_NOT_FOUND, FailureReason.MODEL_NOT_FOUND), new Rule(TIMEOUT, FailureReason.TIMEOUT),
            new Rule(FORMAT, FailureReason.FORMAT), new Rule(CONTEXT_OVERFLOW, FailureReason.FORMAT));

    private FailureClassifier() {}

    public static FailureReason classify(UpstreamFailure f) {
        String text = text(f);
        String code = f.code() == null ? "" : f.code().strip().toUpperCase(Locale.ROOT);
        int status = f.status();
        if (status >= 400 && status < 500 && ClaudeCodeOnly.matches(text)) {
            // a subscription credential used outside Claude Code (whatever status Anthropic chose): this credential
            // cannot serve, another profile may
            return FailureReason.AUTH;
        }
        if (status <= 0) {
            return byCode(code).or(() -> f.transport() != null ? Optional.of(FailureReason.TIMEOUT) : Optional.empty())
                    .or(() -> byText(text)).orElseGet(() -> noMessage(text));
        }
        return switch (status) {
            case 402 -> PERIODIC_LIMIT.matcher(text).find() && text.contains("limit")
                    ? FailureReason.RATE_LIMIT : FailureReason.BILLING;
            case 429 -> BILLING.matcher(text).find() || code.equals("INSUFFICIENT_QUOTA")
                    ? FailureReason.BILLING : FailureReason.RATE_LIMIT;
            case 401, 403 -> AUTH_PERMANENT.matcher(text).find() || code.equals("DEACTIVATED_WORKSPACE")
                    ? FailureReason.AUTH_PERMANENT
                    : BILLING.matcher(text).find() ? FailureReason.BILLING : FailureReason.AUTH;
            case 408, 410, 500, 502, 504 -> FailureReason.TIMEOUT;
            case 404 -> FailureReason.MODEL_NOT_FOUND;
            case 499, 503 -> OVERLOADED.matcher(text).find() || code.startsWith("OVERLOADED")
                    ? FailureReason.OVERLOADED : FailureReason.TIMEOUT;
            case 529 -> FailureReason.OVERLOADED;
            case 400, 422 -> byCode(code).or(() -> byText(text)).orElse(FailureReason.FORMAT);
            default -> byCode(code).or(() -> byText(text)).orElseGet(() -> status >= 500 ? FailureReason.TIMEOUT
                    : status < 300 ? noMessage(text) : FailureReason.UNKNOWN);
        };
    }

    /**
     * False for errors another credential or model cannot fix: the request is larger than the model's context window
     * (the caller must shorten it). Everything else may be served by the next candidate or fallback model.
     */
    public static boolean isFailoverWorthy(UpstreamFailure f) {
        return !CONTEXT_OVERFLOW.matcher(text(f)).find();
    }

    private static Optional<FailureReason> byCode(String code) {
        if (code.isEmpty()) {
            return Optional.empty();
        }
        if (code.equals("RESOURCE_EXHAUSTED") || code.startsWith("RATE_LIMIT") || code.equals("TOO_MANY_REQUESTS")
                || code.startsWith("THROTTL")) {
            return Optional.of(FailureReason.RATE_LIMIT);
        }
        if (code.startsWith("OVERLOADED")) {
            return Optional.of(FailureReason.OVERLOADED);
        }
        if (code.equals("DEACTIVATED_WORKSPACE")) {
            return Optional.of(FailureReason.AUTH_PERMANENT);
        }
        if (code.equals("INSUFFICIENT_QUOTA")) {
            return Optional.of(FailureReason.BILLING);
        }
        if (code.equals("AUTHENTICATION_ERROR") || code.equals("INVALID_API_KEY") || code.equals("PERMISSION_ERROR")
                || code.equals("UNAUTHENTICATED") || code.equals("PERMISSION_DENIED")) {
            return Optional.of(FailureReason.AUTH);
        }
        if (code.equals("MODEL_NOT_FOUND") || code.equals("NOT_FOUND_ERROR")) {
            return Optional.of(FailureReason.MODEL_NOT_FOUND);
        }
        if (NETWORK_CODES.contains(code) || code.equals("DEADLINE_EXCEEDED")) {
            return Optional.of(FailureReason.TIMEOUT);
        }
        return Optional.empty();
    }

    private static Optional<FailureReason> byText(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.equals(NO_DETAILS)) {
            return Optional.of(FailureReason.NO_ERROR_DETAILS);
        }
        for (Rule r : TEXT_RULES) {
            if (r.pattern().matcher(text).find()) {
                return Optional.of(r.reason());
            }
        }
        return Optional.empty();
    }

    private static FailureReason noMessage(String text) {
        return text.isEmpty() ? FailureReason.EMPTY_RESPONSE : FailureReason.UNKNOWN;
    }

    private static String text(UpstreamFailure f) {
        return f.message() == null ? "" : f.message().strip().toLowerCase(Locale.ROOT);
    }

    private static Pattern words(String... phrases) {
        return Pattern.compile(String.join("|", java.util.Arrays.stream(phrases).map(Pattern::quote).toList()));
    }

    private record Rule(Pattern pattern, FailureReason reason) {}
}
