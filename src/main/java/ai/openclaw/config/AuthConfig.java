package ai.openclaw.config;

import ai.openclaw.core.ProviderIds;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code auth} block.
 *
 * @param profiles  {@code auth.profiles}, by profile id, in file order
 * @param order     {@code auth.order}: explicit rotation order per provider (keys normalised)
 * @param cooldowns {@code auth.cooldowns} with defaults applied
 */
public record AuthConfig(
        Map<String, AuthProfileConfig> profiles, Map<String, List<String>> order, CooldownConfig cooldowns) {

    public static final AuthConfig EMPTY = new AuthConfig(Map.of(), Map.of(), CooldownConfig.DEFAULTS);

    public AuthConfig {
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        Map<String, List<String>> orderCopy = new LinkedHashMap<>();
        order.forEach((provider, ids) -> orderCopy.put(provider, List.copyOf(ids)));
        order = Collections.unmodifiableMap(orderCopy);
        Objects.requireNonNull(cooldowns, "cooldowns");
    }

    /** The explicit order for {@code provider} (normalised before lookup), if the config has one. */
    public Optional<List<String>> orderFor(String provider) {
        return Optional.ofNullable(order.get(ProviderIds.normalize(provider)));
    }

    /** Configured profiles whose provider is {@code provider} (normalised), in file order. */
    public List<AuthProfileConfig> profilesFor(String provider) {
        String normalized = ProviderIds.normalize(provider);
        return profiles.values().stream().filter(p -> p.provider().equals(normalized)).toList();
    }
}
