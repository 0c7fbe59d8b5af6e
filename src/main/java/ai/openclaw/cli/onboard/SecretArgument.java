package ai.openclaw.cli.onboard;

import java.util.Objects;

/**
 * A secret-carrying flag as it was given: absent ({@code value} null), {@code -} (read the secret from standard
 * input) or the secret itself on the command line. {@link #toString()} never shows the value.
 *
 * @param flag  the flag's name, e.g. {@code --anthropic-api-key}
 * @param value what followed it, or null
 */
public record SecretArgument(String flag, String value) {
    /** The value that means "read it from standard input". */
    public static final String STDIN = "-";

    public SecretArgument {
        Objects.requireNonNull(flag, "flag");
    }

    /** True when the flag was given with something other than blanks. */
    public boolean given() {
        return value != null && !value.isBlank();
    }

    public boolean fromStdin() {
        return given() && value.strip().equals(STDIN);
    }

    @Override
    public String toString() {
        return "SecretArgument[" + flag + (!given() ? "" : fromStdin() ? " -" : " <on the command line>") + "]";
    }
}
