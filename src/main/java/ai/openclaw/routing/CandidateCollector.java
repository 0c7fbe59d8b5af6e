package ai.openclaw.routing;

import ai.openclaw.auth.AuthOrder;
import ai.openclaw.auth.Eligibility;
import ai.openclaw.auth.EligibilityRules;
import ai.openclaw.auth.RefCheck;
import ai.openclaw.auth.ResolvedOrder;
import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.config.ProviderConfig;
import ai.openclaw.config.SecretInput;
import ai.openclaw.core.Secret;
import ai.openclaw.providers.ProviderEnvVars;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.secrets.Resolution;
import ai.openclaw.secrets.SecretRef;
import ai.openclaw.secrets.SecretRefs;
import ai.openclaw.secrets.SecretResolver;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the candidate list of one model, in the order of the "Choosing a credential":
 * <ol>
 *   <li>a locked profile (user pin or request {@code @profile}) alone, nothing else;</li>
 *   <li>otherwise the profiles in {@link AuthOrder} order (an auto pin first), leaving out ineligible ones (their
 *       eligibility code), those in a cooldown or disabled window for this model and refs that do not resolve
 *       ({@code unresolved_ref}). OAuth profiles stay in whatever their token's expiry: the router makes the token
 *       usable right before their attempt ({@link OAuthTokens}), refreshing it if need be;</li>
 *   <li>then the environment keys of {@link EnvKeys};</li>
 *   <li>then {@code models.providers.<p>.apiKey};</li>
 *   <li>a local endpoint with none of these (and none waiting out a cooldown or disable window) gets one attempt
 *       without a key.</li>
 * </ol>
 * A secret already in the list is not added again.
 */
final class CandidateCollector {
    private final OpenClawConfig config;
    private final LayeredEnv env;
    private final SecretResolver secrets;
    private final RefCheck refCheck;
    private final Function<String, List<EnvKeys.EnvKey>> envKeys;
    private final KeyCooldowns keyCooldowns;
    private final Map<String, String> modelsJsonKeys;

    /**
     * @param envKeys        {@link EnvKeys#collect} for {@code env}; the router caches it per environment object
     * @param keyCooldowns   the router's memory of failed keys that have no profile
     * @param modelsJsonKeys the agent's {@code models.json} {@code apiKey} values by provider
     */
    CandidateCollector(OpenClawConfig config, LayeredEnv env, SecretResolver secrets,
                       Function<String, List<EnvKeys.EnvKey>> envKeys, KeyCooldowns keyCooldowns,
                       Map<String, String> modelsJsonKeys) {
        this.config = config;
        this.env = env;
        this.secrets = secrets;
        this.envKeys = envKeys;
        this.keyCooldowns = keyCooldowns;
        this.modelsJsonKeys = modelsJsonKeys;
        this.refCheck = ref -> secrets.resolve(ref) instanceof Resolution.Failed f
                ? Optional.of(f.message()) : Optional.empty();
    }

    List<Candidate> collect(PlannedModel planned, AuthStore store, long now) {
        String provider = planned.model().provider();
        String modelId = planned.model().model();
        List<Candidate> out = new ArrayList<>();
        Set<Secret> seen = new HashSet<>();
        if (planned.locked() != null) {
            String id = planned.locked();
            Eligibility e = EligibilityRules.forProvider(id, provider, store, config.auth(), now, refCheck);
            out.add(e.ok() ? profile(id, provider, modelId, store, now, seen)
                    : new Candidate.Skipped(id, e.code().wireName(), 0, null));
            return out;
        }
        ResolvedOrder order = AuthOrder.resolve(provider, store, config.auth(), now, modelId, planned.preferred(),
                refCheck);
        for (String id : order.base()) {
            Eligibility e = order.excluded().get(id);
            if (e != null) {
                out.add(new Candidate.Skipped(id, e.code().wireName(), 0, null));
            }
        }
        for (String id : order.ordered()) {
            Candidate c = profile(id, provider, modelId, store, now, seen);
            if (c != null) {
                out.add(c);
            }
        }
        for (EnvKeys.EnvKey key : envKeys.apply(provider)) {
            if (seen.add(key.value())) {
                out.add(keyCandidate(provider, modelId, now,
                        usable(new CredentialSource.EnvKey(key.variable()), key.value(), null)));
            }
        }
        configKey(provider, store, seen, new CredentialSource.ConfigKey(provider),
                config.models().provider(provider).map(ProviderConfig::apiKey).orElse(null))
                .map(c -> keyCandidate(provider, modelId, now, c)).ifPresent(out::add);
        String fromModelsJson = modelsJsonKeys.get(provider);
        if (fromModelsJson != null) {
            configKey(provider, store, seen, new CredentialSource.ModelsJsonKey(provider),
                    new SecretInput.Plain(fromModelsJson))
                    .map(c -> keyCandidate(provider, modelId, now, c)).ifPresent(out::add);
        }
        // a keyless attempt is for a local server that has no credential at all; credentials waiting out a
        // cooldown or disable window mean the endpoint needs one (and the caller must get the cooldown verdict)
        if (planned.endpoint() != null && planned.endpoint().local()
                && out.stream().noneMatch(c -> c instanceof Candidate.Usable
                        || c instanceof Candidate.Skipped s && s.inWindow())) {
            out.add(usable(new CredentialSource.NoKey(), null, null));
        }
        return out;
    }

    /**
     * The single candidate of a probe of profile {@code id} ({@link ProbeRoute}, and the router's try of a cooling
     * profile, {@link CooldownProbes}): built as a locked profile is, except that cooldown and disabled windows do not
     * apply (a probe asks whether the credential works now).
     */
    Candidate probeProfile(String id, String provider, AuthStore store, long now) {
        Eligibility e = EligibilityRules.forProvider(id, provider, store, config.auth(), now, refCheck);
        return e.ok() ? credential(id, store, now, new HashSet<>())
                : new Candidate.Skipped(id, e.code().wireName(), 0, null);
    }

    /** The single candidate of a probe of the provider's environment keys: the first one a call would try. */
    Candidate probeEnvKey(String provider) {
        return envKeys.apply(provider).stream().findFirst()
                .<Candidate>map(k -> usable(new CredentialSource.EnvKey(k.variable()), k.value(), null))
                .orElseGet(() -> new Candidate.Skipped("env", "missing_credential", 0, null));
    }

    /** The single candidate of a probe of {@code models.providers.<p>.apiKey}. */
    Candidate probeConfigKey(String provider, AuthStore store) {
        return configKey(provider, store, new HashSet<>(), new CredentialSource.ConfigKey(provider),
                config.models().provider(provider).map(ProviderConfig::apiKey).orElse(null))
                .orElseGet(() -> new Candidate.Skipped(
                new CredentialSource.ConfigKey(provider).label(), "missing_credential", 0, null));
    }

    /** A profile that passed eligibility; null when its secret duplicates an earlier candidate. */
    private Candidate profile(String id, String provider, String modelId, AuthStore store, long now,
                              Set<Secret> seen) {
        Candidate.Skipped waiting = ai.openclaw.auth.Cooldowns.exempt(provider) ? null
                : inWindow(id, store.state().stats(id), now, modelId);
        return waiting != null ? waiting : credential(id, store, now, seen);
    }

    /**
     * The skip of a credential whose statistics hold a cooldown, block or disable window for this model at
     * {@code now}; null when it is usable.
     */
    private static Candidate.Skipped inWindow(String label, UsageStats stats, long now, String modelId) {
        long until = stats.unusableUntil(now, modelId);
        if (until <= now) {
            return null;
        }
        boolean disabled = stats.isDisabledAt(now);
        FailureReason cause = disabled ? stats.disabledReason()
                : stats.cooldownUntil() != null && stats.cooldownUntil() > now ? stats.cooldownReason()
                : FailureReason.RATE_LIMIT; // a provider-reported block is a rate limit (§6.4)
        return new Candidate.Skipped(label, disabled ? Candidate.Skipped.DISABLED : Candidate.Skipped.COOLDOWN,
                until - now, cause == null ? FailureReason.UNKNOWN : cause);
    }

    /** An eligible profile outside any cooldown: its secret, or why it cannot be sent; null for a duplicate. */
    private Candidate credential(String id, AuthStore store, long now, Set<Secret> seen) {
        Credential credential = store.profile(id);
        if (credential instanceof OAuthCredential o) {
            // an expired or missing access token is refreshed before the attempt, so it is not a duplicate of anything
            if (o.access() != null && !seen.add(o.access())) {
                return null;
            }
            return new Candidate.Usable(new CredentialCandidate(new CredentialSource.Profile(id), o.access()), id, o);
        }
        Optional<Secret> secret = secretOf(credential);
        if (secret.isEmpty()) {
            return new Candidate.Skipped(id, "unresolved_ref", 0, null);
        }
        return seen.add(secret.get()) ? usable(new CredentialSource.Profile(id), secret.get(), id) : null;
    }

    /** The secret to send: a ref wins over plaintext; plaintext that is a ref shorthand is resolved. */
    private Optional<Secret> secretOf(Credential credential) {
        return switch (credential) {
            case ApiKeyCredential k -> secretOrRef(k.key(), k.keyRef());
            case TokenCredential t -> secretOrRef(t.token(), t.tokenRef());
            case OAuthCredential o -> Optional.ofNullable(o.access());
            case null -> Optional.empty();
        };
    }

    private Optional<Secret> secretOrRef(Secret plain, SecretRef ref) {
        SecretRef effective = ref != null ? ref
                : plain == null ? null : SecretRefs.fromShorthand(plain.reveal()).orElse(null);
        if (effective != null) {
            return secrets.resolve(effective).secret();
        }
        return Optional.ofNullable(plain);
    }

    /**
     * {@code models.providers.<p>.apiKey}: a SecretRef, the name of an environment variable (a marker meaning "read
     * this variable"), the id of a stored profile (use that profile's secret), a {@code *-local} marker (no key) or
     * the key itself.
     */
    private Optional<Candidate> configKey(String provider, AuthStore store, Set<Secret> seen, CredentialSource source,
                                         SecretInput apiKey) {
        if (apiKey == null) {
            return Optional.empty();
        }
        Optional<Secret> secret;
        switch (apiKey) {
            case SecretInput.Ref r -> secret = secrets.resolve(r.ref()).secret();
            case SecretInput.Plain p -> {
                String v = p.value().strip();
                if (v.endsWith("-local")) {
                    return Optional.of(usable(new CredentialSource.NoKey(), null, null));
                }
                if (v.equals("secretref-managed")) {
                    secret = Optional.empty();
                } else if (ProviderEnvVars.isEnvVarMarker(v)) {
                    secret = env.get(v).map(Secret::ofNullable);
                } else if (store.profile(v) != null) {
                    secret = secretOf(store.profile(v));
                } else {
                    secret = Optional.ofNullable(Secret.ofNullable(v));
                }
            }
        }
        if (secret.isEmpty()) {
            return Optional.of(new Candidate.Skipped(source.label(), "unresolved_ref", 0, null));
        }
        return seen.add(secret.get()) ? Optional.of(usable(source, secret.get(), null)) : Optional.empty();
    }

    /** A key without a profile, left out while the router's memory has it in a cooldown window for this model. */
    private Candidate keyCandidate(String provider, String modelId, long now, Candidate c) {
        if (!(c instanceof Candidate.Usable u) || u.credential().secret() == null
                || ai.openclaw.auth.Cooldowns.exempt(provider)) {
            return c;
        }
        Candidate.Skipped waiting = inWindow(u.label(), keyCooldowns.stats(provider, u.credential()), now, modelId);
        return waiting != null ? waiting : c;
    }

    private static Candidate usable(CredentialSource source, Secret secret, String profileId) {
        return new Candidate.Usable(new CredentialCandidate(source, secret), profileId);
    }
}
