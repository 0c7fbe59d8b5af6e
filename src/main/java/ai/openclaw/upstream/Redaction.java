package ai.openclaw.upstream;

import ai.openclaw.core.Secret;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes credentials from text that came from outside (upstream error bodies, exception messages, URLs) before it
 * is shown to a caller or logged. Recognised: {@code sk-…} keys (OpenAI, Anthropic incl. {@code sk-ant-oat…},
 * OpenRouter), {@code Bearer …}, Google {@code AIza…} keys, other vendor prefixes ({@code gsk_}, {@code xai-},
 * {@code pplx-}, {@code ghp_}, {@code github_pat_}, {@code hf_}, ...), JSON or header style fields such as
 * {@code "api_key": "…"} or {@code x-api-key: …}, and {@code ?key=…} query parameters. A known secret passed in is
 * removed wherever it occurs, whatever its shape. The vendor prefix stays visible ({@code sk-ant-***}) so the kind of
 * key can still be told.
 */
public final class Redaction {
    /** The longest message {@link #forMessage} returns. */
    public static final int MAX_MESSAGE_CHARS = 500;

    private static final String MASK = "***";

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?i)(\\bBearer\\s+)[A-Za-z0-9._~+/=\\-]{4,}"), "$1" + MASK),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])(sk-(?:ant-(?:[a-z]{3}\\d{2}-)?|proj-|or-v1-|or-|svcacct-|admin-)?)"
                    + "[A-Za-z0-9_\\-]{6,}"), "$1" + MASK),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])(AIza)[0-9A-Za-z_\\-]{16,}"), "$1" + MASK),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])(gsk_|xai-|pplx-|ghp_|gho_|ghu_|ghs_|github_pat_|hf_|csk-|nvapi-"
                    + "|glpat-)[A-Za-z0-9_\\-]{8,}"), "$1" + MASK),
            new Rule(Pattern.compile("(?i)(\"?\\b(?:api[_-]?key|x-api-key|x-goog-api-key|access[_-]?token|refresh[_-]?token"
                    + "|id[_-]?token|client[_-]?secret|authorization|password|secret)\"?\\s*[:=]\\s*\"?)"
                    + "(?!\\*\\*\\*)(?!(?i:bearer|basic)\\s)[^\"\\s,&}]{4,}"), "$1" + MASK),
            new Rule(Pattern.compile("(?i)([?&](?:key|api_key|apikey|token|access_token|auth)=)[^&\\s\"']+"), "$1" + MASK));

    private record Rule(Pattern pattern, String replacement) {}

    private Redaction() {}

    /** {@code text} with recognised credentials masked; null stays null. */
    public static String redact(String text) {
        return redact(text, List.of());
    }

    /** As {@link #redact(String)}, also masking every occurrence of the given secrets (values of 4+ chars). */
    public static String redact(String text, Collection<Secret> knownSecrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Secret secret : knownSecrets) {
            if (secret != null && secret.reveal().length() >= 4) {
                out = out.replace(secret.reveal(), MASK);
            }
        }
        for (Rule rule : RULES) {
            out = rule.pattern().matcher(out).replaceAll(rule.replacement());
        }
        return out;
    }

    /**
     * A one-line, redacted message of at most {@link #MAX_MESSAGE_CHARS} characters: whitespace runs and control
     * characters become one space, then credentials are masked, then the text is cut (ending in {@code …}).
     */
    public static String forMessage(String text, Collection<Secret> knownSecrets) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        return truncate(redact(oneLine, knownSecrets), MAX_MESSAGE_CHARS);
    }

    public static String forMessage(String text) {
        return forMessage(text, List.of());
    }

    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }
}
