package ai.openclaw.cli.onboard;

import java.util.Locale;
import java.util.Optional;

/** Anthropic setup-tokens (from {@code claude setup-token}): the check before storing, and token profile names. */
public final class SetupTokens {
    public static final String PREFIX = "sk-ant-oat01-";
    public static final int MIN_LENGTH = 80;

    private SetupTokens() {}

    /**
     * What is wrong with a pasted token, in OpenClaw's words, or empty when it looks right. Never quotes the token.
     */
    public static Optional<String> problem(String raw) {
        String token = raw == null ? "" : raw.strip();
        if (token.isEmpty()) {
            return Optional.of("Required");
        }
        if (!token.startsWith(PREFIX)) {
            return Optional.of("Expected token starting with " + PREFIX);
        }
        if (token.length() < MIN_LENGTH) {
            return Optional.of("Token looks too short; paste the full setup-token");
        }
        return Optional.empty();
    }

    /**
     * The profile name for a typed "token name": lower-cased, each run of characters outside {@code [a-z0-9._-]}
     * turned into one {@code -}, trimmed of {@code -}; {@code default} when nothing is left.
     */
    public static String profileName(String typed) {
        String slug = (typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT))
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "default" : slug;
    }
}
