package ai.openclaw.probe;

import ai.openclaw.config.ModelsConfig;
import ai.openclaw.core.Secret;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.models.ModelRef;
import ai.openclaw.models.ModelSelection;
import ai.openclaw.providers.ProviderEnvVars;
import ai.openclaw.routing.CredentialCandidate;
import ai.openclaw.routing.CredentialSource;
import ai.openclaw.routing.EnvKeys;
import ai.openclaw.routing.ProbeRoute;
import ai.openclaw.status.ProfileRow;
import ai.openclaw.status.ProviderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what {@code models status} found into probe rows (store-and-selection §4.4; logins-and-cli §4.1).
 *
 * <p>For each provider the status examined (only {@link ProbeOptions#provider()} when set), with its probe model
 * ({@link ProbeModels}):
 * <ul>
 *   <li>each stored profile (only those of {@link ProbeOptions#profileIds()} when set) is one row, decided without a
 *       call when an explicit order leaves it out ({@code excluded_by_auth_order}), when it is ineligible (its
 *       eligibility code, the last three mapped to {@code ineligible_profile}: {@code missing_credential},
 *       {@code expired}, {@code invalid_expires}, {@code unresolved_ref}, {@code profile_missing},
 *       {@code provider_mismatch}, {@code mode_mismatch}) or when there is no model ({@code no_model}). OpenClaw
 *       decides ineligibility only for profiles of an explicit order and lets the others fail at call time; here
 *       every ineligible profile is decided, which gives the same row without a pointless call;</li>
 *   <li>a provider without stored profiles (and no profile filter) gets one row for the key a call would use
 *       without profiles: {@code env} (the first environment key routing would try; mode {@code oauth} when the
 *       variable name contains {@code OAUTH_TOKEN}), else {@code models.json} ({@code models.providers.<p>.apiKey}
 *       of the config, which is what calls use, else the agent's {@code models.json} key). A key that cannot be
 *       resolved is decided as {@code unresolved_ref}. Providers with none of these get no row.</li>
 * </ul>
 * Pure: reads nothing but its arguments.
 */
public final class ProbeTargets {
    private ProbeTargets() {}

    /**
     * @param providers      the providers {@code models status} examined, as it reports them
     * @param modelsJsonKeys the agent's {@code models.json} {@code apiKey} per provider (a key or a variable name)
     */
    public static ProbePlan plan(List<ProviderStatus> providers, ModelSelection selection, ModelsConfig models,
                                 LayeredEnv env, Map<String, String> modelsJsonKeys, ProbeOptions options) {
        List<ProbeTarget> targets = new ArrayList<>();
        List<ProbeResult> decided = new ArrayList<>();
        Set<String> wanted = Set.copyOf(options.profileIds());
        for (ProviderStatus ps : providers) {
            String provider = ps.provider();
            if (options.provider() != null && !options.provider().equals(provider)) {
                continue;
            }
            ModelRef model = ProbeModels.choose(provider, selection, models).orElse(null);
            if (!ps.profiles().isEmpty()) {
                for (ProfileRow row : ps.profiles()) {
                    if (wanted.isEmpty() || wanted.contains(row.id())) {
                        profileRow(provider, model, row, targets, decided);
                    }
                }
            } else if (wanted.isEmpty()) {
                keyRow(ps, model, env, modelsJsonKeys.get(provider), targets, decided);
            }
        }
        return new ProbePlan(targets, decided);
    }

    private static void profileRow(String provider, ModelRef model, ProfileRow row, List<ProbeTarget> targets,
                                   List<ProbeResult> decided) {
        ProbeTarget t = new ProbeTarget(provider, model, row.id(), row.label(), ProbeSource.PROFILE,
                row.type().wireName(), new ProbeRoute.Pin.Profile(row.id()));
        if (!row.inOrder()) {
            decided.add(t.result(ProbeStatus.UNKNOWN, ProbeReasons.EXCLUDED_BY_AUTH_ORDER, ProbeReasons.EXCLUDED_TEXT,
                    null));
        } else if (!row.health().reasonCode().ok()) {
            String code = row.health().reasonCode().wireName();
            decided.add(t.result(ProbeStatus.UNKNOWN, ProbeReasons.reasonCode(code),
                    ProbeReasons.twoLines(ProbeReasons.INELIGIBLE_TEXT, code, row.health().detail()), null));
        } else {
            targetOrNoModel(t, targets, decided);
        }
    }

    private static void keyRow(ProviderStatus ps, ModelRef model, LayeredEnv env, String modelsJsonKey,
                               List<ProbeTarget> targets, List<ProbeResult> decided) {
        String provider = ps.provider();
        List<EnvKeys.EnvKey> envKeys = EnvKeys.collect(provider, env);
        if (!envKeys.isEmpty()) {
            String mode = ProviderEnvVars.isOAuthVar(envKeys.getFirst().variable()) ? "oauth" : "api_key";
            targetOrNoModel(new ProbeTarget(provider, model, null, "env", ProbeSource.ENV, mode,
                    new ProbeRoute.Pin.EnvKey()), targets, decided);
            return;
        }
        ai.openclaw.status.CredentialSource key;
        ProbeRoute.Pin pin;
        if (ps.configKey() != null) {
            key = ps.configKey();
            pin = new ProbeRoute.Pin.ConfigKey();
        } else if (ps.modelsJson() != null && modelsJsonKey != null) {
            key = ps.modelsJson();
            Optional<String> value = ProviderEnvVars.isEnvVarName(modelsJsonKey) ? env.get(modelsJsonKey)
                    : Optional.of(modelsJsonKey);
            // an unusable key is decided below and never probed; the pin then only has to be some pin
            pin = value.map(Secret::ofNullable).filter(v -> key.usable()).<ProbeRoute.Pin>map(v ->
                    new ProbeRoute.Pin.Given(new CredentialCandidate(new CredentialSource.ConfigKey(provider), v)))
                    .orElse(new ProbeRoute.Pin.ConfigKey());
        } else {
            return;
        }
        ProbeTarget t = new ProbeTarget(provider, model, null, "models.json", ProbeSource.MODELS_JSON, "api_key", pin);
        if (!key.usable()) {
            decided.add(t.result(ProbeStatus.UNKNOWN, "unresolved_ref",
                    ProbeReasons.twoLines(ProbeReasons.KEY_UNUSABLE_TEXT, "unresolved_ref", key.problem()), null));
        } else {
            targetOrNoModel(t, targets, decided);
        }
    }

    private static void targetOrNoModel(ProbeTarget t, List<ProbeTarget> targets, List<ProbeResult> decided) {
        if (t.model() == null) {
            decided.add(t.result(ProbeStatus.NO_MODEL, ProbeReasons.NO_MODEL, ProbeReasons.NO_MODEL_TEXT, null));
        } else {
            targets.add(t);
        }
    }
}
