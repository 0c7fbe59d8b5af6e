package ai.openclaw.anthropic;

import java.util.Optional;

/**
 * Checks a pasted Anthropic setup-token (the output of {@code claude setup-token}) before it is stored
 * (logins §3.2): trimmed, it must be present, start with {@value #PREFIX} and be at least {@value #MIN_LENGTH}
 * characters long. The messages never quote the value.
 */
public final class SetupTokenValidation {
    /** Every setup-token starts with this. */
    public static final String PREFIX = "sk-ant-oat01-";
    /** Shorter values are a partial paste. */
    public static final int MIN_LENGTH = 80;

    public static final String REQUIRED = "Required";
    public static final String WRONG_PREFIX = "Expected token starting with " + PREFIX;
    public static final String TOO_SHORT = "Token looks too short; paste the full setup-token";

    private SetupTokenValidation() {}

    /** The problem with {@code raw}, or empty when it looks like a complete setup-token. */
    public static Optional<String> problem(CharSequence raw) {
        String value = raw == null ? "" : raw.toString().strip();
        if (value.isEmpty()) {
            return Optional.of(REQUIRED);
        }
        if (!value.startsWith(PREFIX)) {
            return Optional.of(WRONG_PREFIX);
        }
        if (value.length() < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        return Optional.empty();
    }
}
