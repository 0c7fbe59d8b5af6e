package ai.openclaw.env;

import java.util.regex.Pattern;

/**
 * Which variables the login-shell import may bring in.
 *
 * <p>The reference implementation imports a fixed list of "expected" provider keys. This port matches by
 * shape instead, so new providers need no code change: a name is imported when it matches
 * {@code ^[A-Z][A-Z0-9_]*_(API_KEY|API_KEYS|TOKEN|OAUTH_TOKEN)(_[A-Z0-9_]+)?$} (for example
 * {@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEYS}, {@code GITHUB_TOKEN}, {@code OPENAI_API_KEY_2}) or
 * starts with {@code OPENCLAW_LIVE_}. Everything else in the login environment ({@code PATH}, {@code HOME},
 * prompt settings...) stays out, so the import cannot change how the CLI itself behaves.
 */
public final class ShellImportFilter {
    private static final Pattern CREDENTIAL =
            Pattern.compile("^[A-Z][A-Z0-9_]*_(API_KEY|API_KEYS|TOKEN|OAUTH_TOKEN)(_[A-Z0-9_]+)?$");
    private static final String LIVE_PREFIX = "OPENCLAW_LIVE_";

    private ShellImportFilter() {}

    public static boolean accepts(String name) {
        return name != null && (name.startsWith(LIVE_PREFIX) || CREDENTIAL.matcher(name).matches());
    }
}
