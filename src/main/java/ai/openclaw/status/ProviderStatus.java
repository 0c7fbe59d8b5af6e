package ai.openclaw.status;

import ai.openclaw.auth.ProviderHealth;
import ai.openclaw.auth.ResolvedOrder;
import java.util.List;

/**
 * Everything {@code models status} knows about one provider.
 *
 * @param inUse         the default or a fallback model uses this provider
 * @param effectiveKind what a call would use: {@code profiles}, {@code env}, {@code models.json}, {@code config} or
 *                      {@code missing}
 * @param effectiveDetail the profile id or source label behind {@code effectiveKind}
 */
public record ProviderStatus(String provider, boolean inUse, ResolvedOrder order, ProviderHealth health,
                             List<ProfileRow> profiles, CredentialSource env, CredentialSource modelsJson,
                             CredentialSource configKey, String effectiveKind, String effectiveDetail) {
    public ProviderStatus {
        profiles = List.copyOf(profiles);
    }

    /** Auth that does not come from the profile store and can be used. */
    public boolean hasUsableNonProfileAuth() {
        return (env != null && env.usable()) || (modelsJson != null && modelsJson.usable())
                || (configKey != null && configKey.usable());
    }

    public long countOf(ai.openclaw.credential.CredentialType type) {
        return profiles.stream().filter(p -> p.type() == type).count();
    }
}
