package ai.openclaw.auth;

import java.util.List;

/** A provider's rolled-up health over the profiles its order considers. */
public record ProviderHealth(String provider, HealthStatus status, Long expiresAt, Long remainingMs,
                             List<ProfileHealth> profiles) {
    public ProviderHealth {
        profiles = List.copyOf(profiles);
    }
}
