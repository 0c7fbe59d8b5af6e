package ai.openclaw.sessions;

import ai.openclaw.models.ModelRef;
import java.util.Objects;

/** The answer of a {@link ModelSelector}. */
public sealed interface ModelChoice {
    /** @param profileId the {@code @<profileId>} part, or null when none was given */
    record Selected(ModelRef model, String profileId) implements ModelChoice {
        public Selected {
            Objects.requireNonNull(model, "model");
            profileId = profileId == null || profileId.isBlank() ? null : profileId.strip();
        }
    }

    /**
     * The ref names no usable model (unknown, not allowed, malformed).
     *
     * @param message for the user; it never contains a secret
     */
    record Rejected(String message) implements ModelChoice {
        public Rejected {
            Objects.requireNonNull(message, "message");
        }
    }
}
