package ai.openclaw.sessions;

import ai.openclaw.core.ProviderIds;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds directives in the text of the last user message.
 *
 * <ul>
 *   <li>A whole message {@code /new}, {@code /reset}, {@code /models …}, {@code /model list …} or {@code /<alias>}
 *       (an alias of {@code agents.defaults.models}, case-insensitive, optionally with {@code @<profile>}) is a
 *       directive.</li>
 *   <li>{@code /model} counts at the start of the text or after whitespace, when followed by the end, a space or
 *       {@code :}; an optional {@code :} and an argument on the same line may follow. The argument is made of
 *       {@code [A-Za-z0-9_.:@-]} segments joined by {@code /} ({@code openrouter/moonshotai/kimi-k2@work}).</li>
 *   <li>When nothing else is in the message it is a directive: no argument shows the model, {@code status} and
 *       {@code list} (any case) show status and the listing, anything else selects a model.</li>
 *   <li>Inside other text, {@code /model <ref>} is a one-off hint: the text without it goes upstream. Without a
 *       usable argument (none, {@code list}, {@code status}, a number, {@code @profile} alone) the message is plain
 *       text and is left untouched.</li>
 * </ul>
 */
public final class DirectiveParser {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private static final String ATOM = "[A-Za-z0-9_.:@-]+";
    private static final String ARG = ATOM + "(?:/" + ATOM + ")*";
    private static final int CI = Pattern.CASE_INSENSITIVE;
    private static final Pattern MODEL =
            Pattern.compile("(?:^|(?<=\\s))/model(?=$|\\s|:)[ \\t]*:?[ \\t]*(" + ARG + ")?", CI);
    private static final Pattern MODELS_COMMAND = Pattern.compile("^/models(?:\\s+(.*))?$", CI | Pattern.DOTALL);
    private static final Pattern MODEL_LIST =
            Pattern.compile("^/model[ \\t]*:?[ \\t]*list(?:\\s+(.*))?$", CI | Pattern.DOTALL);
    private static final Pattern SLASH_WORD = Pattern.compile("^/(" + ARG + ")$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

    private DirectiveParser() {}

    /**
     * @param text    the last user message
     * @param aliases the configured model aliases (for {@code /<alias>})
     */
    public static ParsedMessage parse(String text, Collection<String> aliases) {
        if (text == null) {
            return new ParsedMessage.Plain("");
        }
        String whole = text.strip();
        String lower = whole.toLowerCase(Locale.ROOT);
        if (lower.equals("/new") || lower.equals("/reset")) {
            return new Directive.ResetSession(lower.equals("/new"));
        }
        Matcher list = MODELS_COMMAND.matcher(whole);
        if (!list.matches()) {
            list = MODEL_LIST.matcher(whole);
        }
        if (list.matches()) {
            return listArguments(list.group(1));
        }
        Matcher slash = SLASH_WORD.matcher(whole);
        if (slash.matches() && isAlias(slash.group(1), aliases)) {
            return new Directive.SetModel(slash.group(1));
        }

        Matcher m = MODEL.matcher(text);
        if (!m.find()) {
            return new ParsedMessage.Plain(text);
        }
        String arg = m.group(1);
        String rest = withoutRange(text, m.start(), m.end());
        if (rest.isBlank()) {
            if (arg == null) {
                return new Directive.ShowModel();
            }
            if (arg.equalsIgnoreCase("status")) {
                return new Directive.ShowStatus();
            }
            return new Directive.SetModel(arg);
        }
        if (arg == null || arg.equalsIgnoreCase("status") || arg.equalsIgnoreCase("list")
                || DIGITS.matcher(arg).matches() || arg.startsWith("@")) {
            return new ParsedMessage.Plain(text);
        }
        return new ParsedMessage.Inline(rest, arg);
    }

    /** {@code [provider] [page|page=N|all|--all] [limit=N|size=N]}, lenient like the reference: unknown extras are ignored. */
    static Directive.ListModels listArguments(String args) {
        String provider = null;
        int page = 1;
        boolean all = false;
        int limit = DEFAULT_PAGE_SIZE;
        if (args != null && !args.isBlank()) {
            for (String token : args.strip().split("\\s+")) {
                String t = token.toLowerCase(Locale.ROOT);
                if (t.equals("all") || t.equals("--all")) {
                    all = true;
                } else if (t.startsWith("page=") || DIGITS.matcher(t).matches()) {
                    int n = positive(t.startsWith("page=") ? t.substring(5) : t);
                    page = n > 0 ? n : page;
                } else if (t.startsWith("limit=") || t.startsWith("size=")) {
                    int n = positive(t.substring(t.indexOf('=') + 1));
                    limit = n > 0 ? Math.min(MAX_PAGE_SIZE, n) : limit;
                } else if (provider == null) {
                    provider = ProviderIds.normalize(token);
                }
            }
        }
        return new Directive.ListModels(provider, page, all, limit);
    }

    private static boolean isAlias(String token, Collection<String> aliases) {
        int at = token.indexOf('@');
        String name = at > 0 ? token.substring(0, at) : token;
        return aliases.stream().anyMatch(a -> a != null && a.strip().equalsIgnoreCase(name));
    }

    /**
     * {@code text} without {@code [start, end)}: spaces after the cut are dropped when the text before it ends with
     * whitespace (or is empty), so {@code "a /model x b"} becomes {@code "a b"}; line breaks elsewhere are kept.
     */
    private static String withoutRange(String text, int start, int end) {
        String before = text.substring(0, start);
        String after = text.substring(end);
        if (before.isEmpty() || Character.isWhitespace(before.charAt(before.length() - 1))) {
            after = after.replaceFirst("^[ \\t]+", "");
        }
        return (before + after).strip();
    }

    /** A positive int, or -1 when the text is not one (including overflow). */
    private static int positive(String digits) {
        if (!DIGITS.matcher(digits).matches() || digits.length() > 9) {
            return -1;
        }
        int n = Integer.parseInt(digits);
        return n > 0 ? n : -1;
    }
}
