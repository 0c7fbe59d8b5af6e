package ai.openclaw.auth;

import ai.openclaw.secrets.SecretRef;
import java.util.Optional;

/**
 * Answers whether a SecretRef resolves, and if not why. Implementations resolve each ref at most once per pass.
 */
@FunctionalInterface
public interface RefCheck {
    /** Empty when the ref resolves to a non-empty value; otherwise the failure message (never a value). */
    Optional<String> failure(SecretRef ref);

    /** For callers that do not resolve refs (every ref counts as resolvable). */
    RefCheck ASSUME_RESOLVABLE = ref -> Optional.empty();
}
