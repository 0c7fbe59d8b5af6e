package ai.openclaw.paths;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Agent ids name a directory ({@code <stateDir>/agents/<id>/agent}), so they are validated rather than
 * sanitised: an id that could escape the agents folder ({@code ..}, {@code a/b}) is refused outright.
 */
public final class AgentIds {
    /** The agent used when the config lists none. */
    public static final String DEFAULT = "main";

    private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");

    private AgentIds() {}

    /**
     * Trims and lower-cases {@code raw}, then checks it against {@code ^[a-z0-9][a-z0-9_-]{0,63}$}.
     *
     * @throws IllegalArgumentException when the id is null, empty, or breaks the rule; the message states the rule
     */
    public static String normalize(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("agent id is missing; it must match " + VALID.pattern());
        }
        String id = raw.strip().toLowerCase(Locale.ROOT);
        if (!VALID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid agent id: it must match " + VALID.pattern()
                    + " (1-64 characters: lower-case letters, digits, '_' or '-', starting with a letter or digit)");
        }
        return id;
    }

    /** Whether {@link #normalize} would accept {@code raw}. */
    public static boolean isValid(String raw) {
        return raw != null && VALID.matcher(raw.strip().toLowerCase(Locale.ROOT)).matches();
    }
}
