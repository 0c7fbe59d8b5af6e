package ai.openclaw.store;

import java.nio.file.Path;

/**
 * Something a load skipped or could not use. {@code reason} is a stable code ({@code non_object},
 * {@code invalid_type}, {@code missing_provider}, {@code legacy_flat_store}, ...); {@code message} is for people
 * and never contains secret material.
 */
public record LoadWarning(Path file, String profileId, String reason, String message) {
    @Override
    public String toString() {
        return file + (profileId == null ? "" : " [" + profileId + "]") + ": " + message;
    }
}
