package ai.openclaw.auth;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.credential.Credential;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.UsageStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lists profiles that are currently cooling down or disabled. */
public final class Cooldowns {
    /** Providers whose upstream balances keys itself; OpenClaw never cools their profiles down nor records failures. */
    private static final Set<String> EXEMPT = Set.of("openrouter", "kilocode");

    private Cooldowns() {}

    /** True for providers whose profiles never cool down (and whose failures are not recorded). */
    public static boolean exempt(String provider) {
        return EXEMPT.contains(ProviderIds.normalize(provider));
    }

    /** Active windows at {@code now}, soonest recovery first; disabled wins over cooldown for the same profile. */
    public static List<UnusableProfile> active(AuthStore store, long now) {
        List<UnusableProfile> out = new ArrayList<>();
        for (Map.Entry<String, UsageStats> e : store.state().usageStats().entrySet()) {
            Credential c = store.profile(e.getKey());
            String provider = c != null ? ProviderIds.normalize(c.provider()) : ProviderIds.ofProfileId(e.getKey());
            if (exempt(provider)) {
                continue;
            }
            UsageStats s = e.getValue();
            long until = s.unusableUntil(now, null);
            if (until <= now) {
                continue;
            }
            if (s.isDisabledAt(now)) {
                out.add(new UnusableProfile(e.getKey(), provider, UnusableProfile.Kind.DISABLED, s.disabledReason(),
                        null, until, until - now));
            } else {
                boolean cooling = s.cooldownUntil() != null && s.cooldownUntil() > now;
                out.add(new UnusableProfile(e.getKey(), provider, UnusableProfile.Kind.COOLDOWN,
                        cooling ? s.cooldownReason() : null, cooling ? s.cooldownModel() : s.blockedModel(),
                        until, until - now));
            }
        }
        out.sort(Comparator.comparingLong(UnusableProfile::remainingMs));
        return out;
    }
}
