package ai.openclaw.status;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.app.ClaudeCliProfile;
import ai.openclaw.auth.AuthHealth;
import ai.openclaw.auth.AuthOrder;
import ai.openclaw.auth.Cooldowns;
import ai.openclaw.auth.Eligibility;
import ai.openclaw.auth.EligibilityRules;
import ai.openclaw.auth.HealthStatus;
import ai.openclaw.auth.OAuthRefPolicy;
import ai.openclaw.auth.ProfileHealth;
import ai.openclaw.auth.ProviderHealth;
import ai.openclaw.auth.RefCheck;
import ai.openclaw.auth.ResolvedOrder;
import ai.openclaw.auth.UnusableProfile;
import ai.openclaw.clibackend.CliBackendConfig;
import ai.openclaw.config.AuthConfig;
import ai.openclaw.config.AuthProfileConfig;
import ai.openclaw.config.ModelsJsonFile;
import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.config.ProviderConfig;
import ai.openclaw.config.SecretInput;
import ai.openclaw.core.Mask;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.models.ModelRef;
import ai.openclaw.models.ModelSelection;
import ai.openclaw.providers.ProviderEnvVars;
import ai.openclaw.routing.EnvKeys;
import ai.openclaw.secrets.Resolution;
import ai.openclaw.secrets.SecretRef;
import ai.openclaw.secrets.SecretRefs;
import ai.openclaw.secrets.SecretResolver;
import ai.openclaw.secrets.SecretsConfig;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.LoadWarning;
import ai.openclaw.store.LoadedStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link StatusReport} of one agent: the single implementation behind {@code models status},
 * {@code --check} and the health part of {@code doctor}.
 */
public final class ModelsStatusService {

    private final AppContext ctx;

    public ModelsStatusService(AppContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Loads the agent's store (importing legacy files as a normal load does), re-syncs {@code anthropic:claude-cli}
     * with the Claude CLI's login when the agent uses that profile (never asking the macOS Keychain, which may
     * prompt), and reports on it.
     */
    public StatusReport build(Agents.Agent agent) {
        return build(agent, ctx.agents().store(agent).load());
    }

    /** As {@link #build(Agents.Agent)} for a store the caller loaded (and may use further, e.g. for probes). */
    public StatusReport build(Agents.Agent agent, LoadedStore loaded) {
        Optional<ClaudeCliProfile.Resynced> synced = new ClaudeCliProfile(ctx).resync(agent, loaded, false);
        return report(agent, synced.map(ClaudeCliProfile.Resynced::loaded).orElse(loaded),
                synced.map(ClaudeCliProfile.Resynced::notes).orElse(List.of()));
    }

    public StatusReport report(Agents.Agent agent, LoadedStore loaded) {
        return report(agent, loaded, List.of());
    }

    /** @param notes extra lines for the report's warnings (e.g. from the Claude CLI re-sync) */
    public StatusReport report(Agents.Agent agent, LoadedStore loaded, List<String> notes) {
        long now = ctx.now();
        OpenClawConfig config = ctx.config();
        LayeredEnv env = ctx.loaded().env();
        AuthConfig auth = config.auth();
        AuthStore store = loaded.store();
        ModelSelection models = ModelSelection.resolve(config.agents().primaryModel(), config.agents().fallbacks(),
                config.agents().modelAliases());
        List<String> warnings = new ArrayList<>();
        loaded.warnings().stream().map(LoadWarning::toString).forEach(warnings::add);
        warnings.addAll(config.migrations().stream().map(m -> "config migration pending (doctor --fix): " + m).toList());
        warnings.addAll(env.warnings());
        warnings.addAll(models.problems());
        if (!loaded.imported().isEmpty()) {
            warnings.add("imported legacy credentials: " + String.join(", ", loaded.imported()));
        }
        warnings.addAll(notes);

        SecretsConfig secrets;
        try {
            secrets = SecretsConfig.fromJson(config.secretsNode(), ctx.paths().home());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(config.path() + ": " + e.getMessage(), e);
        }
        SecretResolver resolver = new SecretResolver(secrets, env.asMap(), ctx.paths().home());
        Map<String, ProviderConfig> providerConfigs = config.models().providers();
        Map<SecretRef, Resolution> resolved = resolver.resolveAll(collectRefs(store, providerConfigs));
        RefCheck refs = ref -> Optional.ofNullable(resolved.get(ref))
                .or(() -> Optional.of(resolver.resolve(ref)))
                .flatMap(r -> r instanceof Resolution.Failed f ? Optional.of(f.message()) : Optional.empty());

        Map<String, String> modelsJsonKeys = ModelsJsonFile.read(agent.agentDir()).apiKeys();
        Set<String> inUse = new LinkedHashSet<>();
        // a CLI backend (claude-cli) runs with the CLI's own login: there is no credential of ours to list or to miss
        models.inUse().stream().map(m -> m.provider()).filter(p -> !CliBackendConfig.CLAUDE_CLI.equals(p))
                .forEach(inUse::add);
        List<UnusableProfile> unusable = Cooldowns.active(store, now);

        List<ProviderStatus> providers = new ArrayList<>();
        for (String p : providerSet(store, auth, providerConfigs, modelsJsonKeys, models, env, inUse)) {
            ResolvedOrder order = AuthOrder.resolve(p, store, auth, now, null, null, refs);
            List<ProfileRow> rows = new ArrayList<>();
            List<ProfileHealth> considered = new ArrayList<>();
            Set<String> inBase = new HashSet<>(order.base());
            // resolved order first, so the listing reads in the order calls would try profiles
            LinkedHashSet<String> listing = new LinkedHashSet<>(order.ordered());
            listing.addAll(store.profileIdsFor(p));
            for (String id : listing) {
                if (store.profile(id) == null) {
                    continue;
                }
                Credential c = store.profile(id);
                Eligibility e = EligibilityRules.forProvider(id, p, store, auth, now, refs);
                ProfileHealth h = AuthHealth.profile(id, c, e, now);
                boolean inOrder = !order.source().explicit() || inBase.contains(id);
                if (inOrder) {
                    considered.add(h);
                }
                UnusableProfile u = unusable.stream().filter(x -> x.profileId().equals(id)).findFirst().orElse(null);
                rows.add(new ProfileRow(id, c.type(), label(id, c, auth), display(id, c, u), h, inOrder, u,
                        c instanceof OAuthCredential ? store.state().refreshError(id) : null));
            }
            ProviderHealth health = AuthHealth.provider(p, considered, now);
            CredentialSource envKey = envCredential(p, env);
            CredentialSource jsonKey = modelsJsonCredential(p, modelsJsonKeys.get(p), env, agent);
            CredentialSource configKey = configCredential(providerConfigs.get(p), refs, resolved, env);
            String kind;
            String detail;
            if (order.next() != null || !order.ordered().isEmpty()) {
                kind = "profiles";
                detail = order.next() != null ? order.next() : order.ordered().getFirst();
            } else if (envKey != null && envKey.usable()) {
                kind = "env";
                detail = envKey.source();
            } else if (jsonKey != null && jsonKey.usable()) {
                kind = "models.json";
                detail = jsonKey.source();
            } else if (configKey != null && configKey.usable()) {
                kind = "config";
                detail = configKey.source();
            } else {
                kind = "missing";
                detail = "no usable credential";
            }
            providers.add(new ProviderStatus(p, inUse.contains(p), order, health, rows, envKey, jsonKey, configKey,
                    kind, detail));
        }

        List<String> missingInUse = providers.stream()
                .filter(ps -> ps.inUse() && ps.effectiveKind().equals("missing"))
                .map(ProviderStatus::provider).toList();
        List<String> reasons = new ArrayList<>();
        int exit = checkExitCode(providers, reasons);
        List<OAuthRefPolicy.Violation> violations = OAuthRefPolicy.violations(store, auth);
        String format = loaded.format() == null ? "missing" : loaded.format().name().toLowerCase(java.util.Locale.ROOT);
        return new StatusReport(config.path(), config.exists(), agent.id(), agent.agentDir(), models,
                loaded.path(), format, env.shellEnvEnabled(), env.shellImportedKeys(), providers, missingInUse,
                unusable, violations, warnings, now, exit, reasons);
    }

    /**
     * 1 when a provider in use is expired or missing and nothing outside the store can serve it; else 2 when one is
     * expiring within the warning window; else 0.
     */
    static int checkExitCode(List<ProviderStatus> providers, List<String> reasons) {
        boolean bad = false;
        boolean expiring = false;
        for (ProviderStatus ps : providers) {
            if (!ps.inUse()) {
                continue;
            }
            HealthStatus s = ps.health().status();
            boolean noProfiles = ps.health().profiles().isEmpty();
            if ((noProfiles || s == HealthStatus.EXPIRED || s == HealthStatus.MISSING) && !ps.hasUsableNonProfileAuth()) {
                bad = true;
                reasons.add(ps.provider() + ": " + (noProfiles ? "no credentials" : s.wireName()));
            } else if (!noProfiles && s == HealthStatus.EXPIRING) {
                expiring = true;
                reasons.add(ps.provider() + ": expiring within 24h");
            }
        }
        return bad ? 1 : expiring ? 2 : 0;
    }

    private static Set<SecretRef> collectRefs(AuthStore store, Map<String, ProviderConfig> providers) {
        Set<SecretRef> refs = new LinkedHashSet<>();
        for (Credential c : store.profiles().values()) {
            switch (c) {
                case ApiKeyCredential k -> addRef(refs, k.keyRef(), k.key());
                case TokenCredential t -> addRef(refs, t.tokenRef(), t.token());
                case OAuthCredential o -> { }
            }
        }
        for (ProviderConfig pc : providers.values()) {
            if (pc.apiKey() instanceof SecretInput.Ref r) {
                refs.add(r.ref());
            }
        }
        return refs;
    }

    private static void addRef(Set<SecretRef> refs, SecretRef ref, Secret plain) {
        if (ref != null) {
            refs.add(ref);
        } else if (plain != null) {
            SecretRefs.fromShorthand(plain.reveal()).ifPresent(refs::add);
        }
    }

    private static Set<String> providerSet(AuthStore store, AuthConfig auth, Map<String, ProviderConfig> configured,
                                           Map<String, String> modelsJson, ModelSelection models, LayeredEnv env,
                                           Set<String> inUse) {
        Set<String> out = new LinkedHashSet<>(inUse);
        store.profiles().values().forEach(c -> out.add(ProviderIds.normalize(c.provider())));
        auth.profiles().values().forEach(p -> out.add(ProviderIds.normalize(p.provider())));
        configured.keySet().forEach(p -> out.add(ProviderIds.normalize(p)));
        modelsJson.keySet().forEach(p -> out.add(ProviderIds.normalize(p)));
        models.allowed().forEach(k -> ModelRef.parse(k).ifPresent(r -> out.add(r.provider())));
        for (String p : ProviderEnvVars.SCANNED) {
            if (!EnvKeys.collect(p, env).isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    static String label(String id, Credential c, AuthConfig auth) {
        AuthProfileConfig pc = auth.profiles().get(id);
        String display = pc != null && pc.displayName() != null ? pc.displayName() : c.displayName();
        String email = pc != null && pc.email() != null ? pc.email() : c.email();
        if (display != null) {
            return id + " (" + display + ")";
        }
        return email != null ? id + " (" + email + ")" : id;
    }

    static String display(String id, Credential c, UnusableProfile u) {
        String value = switch (c) {
            case ApiKeyCredential k -> secretDisplay("", k.key(), k.keyRef());
            case TokenCredential t -> secretDisplay("token:", t.token(), t.tokenRef());
            case OAuthCredential o -> "OAuth" + (o.email() != null ? " (" + o.email() + ")"
                    : o.displayName() != null ? " (" + o.displayName() + ")" : "");
        };
        String suffix = "";
        if (u != null) {
            suffix = u.kind() == UnusableProfile.Kind.DISABLED
                    ? " [disabled:" + (u.reason() == null ? "unknown" : u.reason().wireName()) + " "
                            + ai.openclaw.core.Durations.remaining(u.remainingMs()) + "]"
                    : " [cooldown " + ai.openclaw.core.Durations.remaining(u.remainingMs()) + "]";
        }
        return id + "=" + value + suffix;
    }

    private static String secretDisplay(String prefix, Secret plain, SecretRef ref) {
        SecretRef effective = ref != null ? ref
                : plain == null ? null : SecretRefs.fromShorthand(plain.reveal()).orElse(null);
        if (effective != null) {
            return prefix + "ref(" + effective.source().wireName() + ":" + effective.id() + ")";
        }
        return prefix + (plain == null ? "missing" : plain.masked());
    }

    /** The environment key a model call would try first (the gateway's order, {@link EnvKeys}), or null. */
    private static CredentialSource envCredential(String provider, LayeredEnv env) {
        List<EnvKeys.EnvKey> keys = EnvKeys.collect(provider, env);
        if (keys.isEmpty()) {
            return null;
        }
        EnvKeys.EnvKey first = keys.getFirst();
        String name = first.variable().replaceFirst("\\[\\d+]$", "");
        String shown = ProviderEnvVars.isOAuthVar(name) ? "OAuth (env)" : first.value().masked();
        return new CredentialSource(shown, env.label(name), true, null);
    }

    private static CredentialSource modelsJsonCredential(String provider, String raw, LayeredEnv env,
                                                         Agents.Agent agent) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String source = "models.json: " + agent.agentDir().resolve("models.json");
        if (ProviderEnvVars.isEnvVarName(raw)) {
            Optional<String> v = env.get(raw);
            return v.map(s -> new CredentialSource(Mask.apiKey(s), source + " (" + env.label(raw) + ")", true, null))
                    .orElseGet(() -> new CredentialSource("env:" + raw, source, false,
                            "environment variable " + raw + " is not set"));
        }
        if (raw.startsWith("secretref-")) {
            return new CredentialSource("marker(" + raw + ")", source, false,
                    "managed by a SecretRef in openclaw.json; the generated catalog holds only a marker");
        }
        return new CredentialSource(Mask.apiKey(raw), source, true, null);
    }

    private static CredentialSource configCredential(ProviderConfig pc, RefCheck refs, Map<SecretRef, Resolution> res,
                                                     LayeredEnv env) {
        if (pc == null || pc.apiKey() == null) {
            return null;
        }
        String source = "config: models.providers." + pc.id() + ".apiKey";
        return switch (pc.apiKey()) {
            case SecretInput.Ref r -> {
                Optional<String> failure = refs.failure(r.ref());
                yield new CredentialSource("ref(" + r.ref().source().wireName() + ":" + r.ref().id() + ")", source,
                        failure.isEmpty(), failure.orElse(null));
            }
            case SecretInput.Plain p -> {
                String v = p.value();
                if (ProviderEnvVars.isEnvVarMarker(v)) {
                    Optional<String> fromEnv = env.get(v);
                    yield fromEnv.map(s -> new CredentialSource(Mask.apiKey(s), source + " (" + env.label(v) + ")",
                                    true, null))
                            .orElseGet(() -> new CredentialSource("env:" + v, source, false,
                                    "environment variable " + v + " is not set"));
                }
                yield new CredentialSource(Mask.apiKey(v), source, true, null);
            }
        };
    }
}
