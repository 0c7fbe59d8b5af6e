package ai.openclaw.auth;

import ai.openclaw.config.AuthConfig;
import ai.openclaw.config.AuthProfileConfig;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.CredentialType;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.UsageStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Resolves the order in which a provider's profiles are tried (OpenClaw's {@code resolveAuthProfileOrder}).
 *
 * <ol>
 *   <li>Base list: the agent's override, else {@code auth.order}, else configured profile ids, else all stored
 *       profiles of the provider.</li>
 *   <li>Keep eligible ids; if none remain because every id of a stored/configured list is missing from the store,
 *       fall back to all eligible stored profiles ("repair").</li>
 *   <li>Explicit order: keep its sequence for available profiles. Otherwise sort available ones by type
 *       (oauth, token, api_key) then least recently used.</li>
 *   <li>Profiles cooling down for the model go last, soonest recovery first; a preferred profile goes first.</li>
 * </ol>
 */
public final class AuthOrder {
    private AuthOrder() {}

    public static ResolvedOrder resolve(String provider, AuthStore store, AuthConfig config, long now, String model,
                                        String preferred, RefCheck refs) {
        String p = ProviderIds.normalize(provider);
        OrderSource source;
        List<String> base;
        List<String> override = store.state().order().get(p);
        List<String> configured = config.order().get(p);
        if (override != null) {
            source = OrderSource.AGENT_OVERRIDE;
            base = override;
        } else if (configured != null) {
            source = OrderSource.CONFIG_ORDER;
            base = configured;
        } else {
            List<String> fromConfig = new ArrayList<>();
            for (Map.Entry<String, AuthProfileConfig> e : config.profiles().entrySet()) {
                if (ProviderIds.normalize(e.getValue().provider()).equals(p)) {
                    fromConfig.add(e.getKey());
                }
            }
            if (!fromConfig.isEmpty()) {
                source = OrderSource.CONFIGURED_PROFILES;
                base = fromConfig;
            } else {
                source = OrderSource.STORED_PROFILES;
                base = store.profileIdsFor(p);
            }
        }
        base = List.copyOf(new LinkedHashSet<>(base));

        Map<String, Eligibility> excluded = new LinkedHashMap<>();
        List<String> eligible = filterEligible(base, p, store, config, now, refs, excluded);
        boolean repaired = false;
        if (eligible.isEmpty() && !base.isEmpty() && source != OrderSource.STORED_PROFILES
                && base.stream().allMatch(id -> store.profile(id) == null)) {
            repaired = true;
            eligible = filterEligible(store.profileIdsFor(p), p, store, config, now, refs, new LinkedHashMap<>());
        }

        boolean cooldownsApply = !Cooldowns.exempt(p);
        List<String> available = new ArrayList<>();
        List<String> cooling = new ArrayList<>();
        for (String id : eligible) {
            long until = cooldownsApply ? store.state().stats(id).unusableUntil(now, model) : 0;
            (until > now ? cooling : available).add(id);
        }
        if (!source.explicit() || repaired) {
            available.sort(Comparator.comparingInt((String id) -> typeRank(store.profile(id)))
                    .thenComparingLong(id -> lastUsed(store.state().stats(id))));
        }
        cooling.sort(Comparator.comparingLong(id -> store.state().stats(id).unusableUntil(now, model)));
        List<String> ordered = new ArrayList<>(available);
        ordered.addAll(cooling);
        if (preferred != null && ordered.remove(preferred)) {
            ordered.addFirst(preferred);
        }
        return new ResolvedOrder(p, source, ordered, cooling, base, excluded, repaired);
    }

    private static List<String> filterEligible(List<String> ids, String provider, AuthStore store, AuthConfig config,
                                               long now, RefCheck refs, Map<String, Eligibility> excluded) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            Eligibility e = EligibilityRules.forProvider(id, provider, store, config, now, refs);
            if (e.ok()) {
                out.add(id);
            } else {
                excluded.put(id, e);
            }
        }
        return out;
    }

    private static int typeRank(Credential c) {
        if (c == null) {
            return 3;
        }
        return c.type() == CredentialType.OAUTH ? 0 : c.type() == CredentialType.TOKEN ? 1 : 2;
    }

    private static long lastUsed(UsageStats s) {
        return s.lastUsed() == null ? 0 : s.lastUsed();
    }
}
