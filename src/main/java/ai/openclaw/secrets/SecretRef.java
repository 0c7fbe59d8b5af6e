package ai.openclaw.secrets;

import java.util.Locale;
import java.util.Objects;

/**
 * A pointer to a secret held elsewhere: {@code {source, provider, id}}. Its text form
 * {@code source:provider:id} names the secret without revealing it and is what every error message uses.
 *
 * <p>{@code provider} may be {@code null}: the legacy two-key form and the string shorthands
 * ({@code ${VAR}}, {@code secretref-env:VAR}) name no provider and mean "the configured default alias for
 * this source" ({@code secrets.defaults.<source>}, else {@code default}). {@link SecretsConfig#normalize}
 * fills it in; {@link SecretResolver} does so before resolving and reports failures against the
 * normalised ref.
 */
public record SecretRef(Source source, String provider, String id) {
    /** The alias OpenClaw uses when neither the ref nor {@code secrets.defaults} names one. */
    public static final String DEFAULT_PROVIDER_ALIAS = "default";

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
        Objects.requireNonNull(id, "id");
    }

    /** An env ref on the default env provider, as the {@code ${VAR}} shorthand produces. */
    public static SecretRef env(String variable) {
        return new SecretRef(Source.ENV, null, variable);
    }

    /** Whether the ref names its provider alias explicitly (three-key form). */
    public boolean hasExplicitProvider() {
        return provider != null;
    }

    /** The same ref bound to {@code alias}. */
    public SecretRef withProvider(String alias) {
        return new SecretRef(source, Objects.requireNonNull(alias, "alias"), id);
    }

    /**
     * {@code source:provider:id}, e.g. {@code env:default:OPENAI_API_KEY}. A ref without a provider
     * prints {@value #DEFAULT_PROVIDER_ALIAS} there, which is what it means unless
     * {@code secrets.defaults} says otherwise; normalise it first for an exact key.
     */
    public String key() {
        return source.wireName() + ":" + (provider == null ? DEFAULT_PROVIDER_ALIAS : provider) + ":" + id;
    }

    @Override
    public String toString() {
        return key();
    }
}
