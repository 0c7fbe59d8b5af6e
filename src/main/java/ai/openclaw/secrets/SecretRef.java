package ai.openclaw.secrets;

import java.util.Locale;
import java.util.Objects;

/**
 * A pointer to a secret held elsewhere: {@code {source, provider, id}}. Its text form
 * {@code source:provider:id} names the secret without revealing it and is what every error message uses.
 */
public record SecretRef(Source source, String provider, String id) {
    public enum Source {
        ENV, FILE, EXEC;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Source parse(String value) {
            if (value == null) {
                return null;
            }
            return switch (value.strip()) {
                case "env" -> ENV;
                case "file" -> FILE;
                case "exec" -> EXEC;
                default -> null;
            };
        }
    }

    public SecretRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
    }

    /** {@code source:provider:id}, e.g. {@code env:default:OPENAI_API_KEY}. */
    public String key() {
        return source.wireName() + ":" + provider + ":" + id;
    }

    @Override
    public String toString() {
        return key();
    }
}
