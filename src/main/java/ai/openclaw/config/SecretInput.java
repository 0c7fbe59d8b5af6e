package ai.openclaw.config;

import ai.openclaw.core.Mask;
import ai.openclaw.secrets.SecretRef;
import java.util.Objects;

/** A config value that is either written inline or points at a secret held elsewhere. */
public sealed interface SecretInput permits SecretInput.Plain, SecretInput.Ref {

    /** A literal value (may be a secret; {@link #toString()} masks it). */
    record Plain(String value) implements SecretInput {
        public Plain {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "Plain[" + Mask.opaque(value) + "]";
        }
    }

    /**
     * A SecretRef, from an object {@code {source, provider?, id}} or a shorthand ({@code ${VAR}}, {@code $VAR},
     * {@code secretref-env:VAR}). A null provider means the configured default alias for the source.
     */
    record Ref(SecretRef ref) implements SecretInput {
        public Ref {
            Objects.requireNonNull(ref, "ref");
        }
    }
}
