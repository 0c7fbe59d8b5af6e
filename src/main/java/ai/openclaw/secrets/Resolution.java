package ai.openclaw.secrets;

import ai.openclaw.core.Secret;
import java.util.Objects;
import java.util.Optional;

/** The outcome of resolving one {@link SecretRef}: a value, or a reason it could not be had. */
public sealed interface Resolution {
    /** The value when resolved, else empty. */
    Optional<Secret> secret();

    /** The ref resolved to a non-empty string. {@code toString} masks it (see {@link Secret}). */
    record Resolved(Secret value) implements Resolution {
        public Resolved {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<Secret> secret() {
            return Optional.of(value);
        }
    }

    /**
     * The ref could not be resolved.
     *
     * @param ref the ref with its provider alias filled in from {@code secrets.defaults}
     * @param message what went wrong, naming the ref as {@code source:provider:id}; safe to show and log
     *     because it never contains a resolved value, file content or provider output other than a
     *     provider's own (truncated) per-id error text
     */
    record Failed(SecretRef ref, String message) implements Resolution {
        public Failed {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Optional<Secret> secret() {
            return Optional.empty();
        }
    }
}
