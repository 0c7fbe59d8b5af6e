package ai.openclaw.cli.onboard;

import ai.openclaw.core.Secret;
import java.util.Locale;
import java.util.Objects;

/**
 * A secret and where it came from, for the report (which names the origin, never the value).
 *
 * @param value  the secret (masked {@code toString})
 * @param origin where it was read
 * @param name   the flag or environment variable, or null for a prompt
 */
public record ResolvedSecret(Secret value, Origin origin, String name) {
    /** Where a secret was read. */
    public enum Origin {
        /** The value of a flag on the command line (visible to other local users). */
        ARGV,
        /** Standard input, asked for with {@code <flag> -}. */
        STDIN,
        /** An environment variable (process, {@code .env}, or the config's {@code env} block). */
        ENV,
        /** Typed or pasted at the wizard's prompt. */
        PROMPT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ResolvedSecret {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }

    /** E.g. {@code env ANTHROPIC_API_KEY}, {@code standard input (--token -)}. */
    public String describe() {
        return switch (origin) {
            case ARGV -> name + " (command line)";
            case STDIN -> "standard input (" + name + " -)";
            case ENV -> "env " + name;
            case PROMPT -> "prompt";
        };
    }
}
