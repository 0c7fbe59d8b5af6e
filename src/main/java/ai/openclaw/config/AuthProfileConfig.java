package ai.openclaw.config;

import java.util.Objects;

/**
 * {@code auth.profiles.<id>}: routing metadata for one profile. Never holds a secret.
 *
 * @param id          the profile id (the key in {@code auth.profiles}), as written
 * @param provider    normalised with {@link ai.openclaw.core.ProviderIds#normalize}
 * @param mode        the intended credential kind
 * @param email       shown instead of the stored email; null when not configured
 * @param displayName shown instead of the stored display name; null when not configured
 */
public record AuthProfileConfig(String id, String provider, AuthMode mode, String email, String displayName) {
    public AuthProfileConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(mode, "mode");
    }
}
