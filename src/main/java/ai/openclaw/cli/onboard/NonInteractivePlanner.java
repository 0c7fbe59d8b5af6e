package ai.openclaw.cli.onboard;

import ai.openclaw.app.CredentialService;
import ai.openclaw.config.AuthMode;
import ai.openclaw.core.Durations;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.CredentialType;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.store.AuthStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides a {@code --non-interactive} run from the flags alone, with OpenClaw's rules and messages (L§4.8). A secret
 * comes from its flag (the value, or {@code -} for standard input), else its environment variable, else (API keys)
 * an API-key profile already stored for the provider.
 */
public final class NonInteractivePlanner {
    private final Map<String, ResolvedSecret> flags;
    private final Function<String, Optional<String>> env;
    private final AuthStore store;
    private final long now;
    private final String currentModel;

    /**
     * @param flags        the secrets given with flags ({@link SecretFlags#resolve}), by flag name
     * @param env          the effective environment
     * @param store        the agent's credential store as it is now
     * @param now          the clock's epoch millis (token expiry is stored as an absolute time)
     * @param currentModel {@code agents.defaults.model.primary}, or null
     */
    public NonInteractivePlanner(Map<String, ResolvedSecret> flags, Function<String, Optional<String>> env,
                                 AuthStore store, long now, String currentModel) {
        this.flags = Map.copyOf(flags);
        this.env = Objects.requireNonNull(env, "env");
        this.store = Objects.requireNonNull(store, "store");
        this.now = now;
        this.currentModel = currentModel;
    }

    public OnboardPlan plan(OnboardRequest req) {
        AuthChoice choice = req.authChoice() != null ? AuthChoices.forNonInteractive(req.authChoice()) : infer(req);
        return switch (choice) {
            case ANTHROPIC_API_KEY, OPENAI_API_KEY, OPENROUTER_API_KEY, GEMINI_API_KEY ->
                    new OnboardPlan(choice, apiKey(choice), null, suggestedIfUnset(choice));
            case ANTHROPIC_SETUP_TOKEN -> new OnboardPlan(choice, token(req), null, suggestedIfUnset(choice));
            case CUSTOM_API_KEY -> custom(req);
            case SKIP -> new OnboardPlan(choice, new AuthStep.None(), null, null);
            // refused by AuthChoices.forNonInteractive; kept for a complete switch
            case CLAUDE_CLI, OPENAI_CODEX -> throw new OnboardException("OAuth requires interactive mode.");
        };
    }

    /** Without {@code --auth-choice}: the one provider whose secret flag was given, else skip. */
    static AuthChoice infer(OnboardRequest req) {
        List<AuthChoice> given = new ArrayList<>();
        for (AuthChoice c : AuthChoice.providerApiKeys()) {
            if (req.secret(c.secretFlag()).given()) {
                given.add(c);
            }
        }
        if (req.anyCustomFlag()) {
            given.add(AuthChoice.CUSTOM_API_KEY);
        }
        if (req.secret(AuthChoice.ANTHROPIC_SETUP_TOKEN.secretFlag()).given()) {
            given.add(AuthChoice.ANTHROPIC_SETUP_TOKEN);
        }
        if (given.size() > 1) {
            throw new OnboardException("Multiple API key flags were provided for non-interactive onboarding.",
                    "Use a single provider flag or pass --auth-choice explicitly.");
        }
        return given.isEmpty() ? AuthChoice.SKIP : given.getFirst();
    }

    private AuthStep apiKey(AuthChoice choice) {
        String provider = choice.provider();
        Optional<ResolvedSecret> secret = fromFlagOrEnv(choice);
        if (secret.isPresent()) {
            return store(provider + ":default", ApiKeyCredential.of(provider, secret.get().value()), AuthMode.API_KEY,
                    secret.get());
        }
        Optional<String> existing = existingApiKeyProfile(provider);
        if (existing.isPresent()) {
            return new AuthStep.KeepProfile(existing.get(), provider, AuthMode.API_KEY);
        }
        throw new OnboardException("Missing " + choice.secretFlag() + " (or " + choice.secretEnv()
                + " in env, or existing " + provider + " API-key profile).",
                "To keep the key out of the command line, pipe it in with `" + choice.secretFlag() + " -`.");
    }

    private AuthStep token(OnboardRequest req) {
        String providerRaw = req.tokenProvider() == null ? "" : req.tokenProvider().strip();
        if (providerRaw.isEmpty()) {
            throw new OnboardException("Missing --token-provider for --auth-choice token.");
        }
        String provider = ProviderIds.normalize(providerRaw);
        if (!provider.equals("anthropic")) {
            throw new OnboardException("Only --token-provider anthropic is supported for --auth-choice token.");
        }
        ResolvedSecret token = fromFlagOrEnv(AuthChoice.ANTHROPIC_SETUP_TOKEN).orElseThrow(() -> new OnboardException(
                "Missing --token for --auth-choice token.",
                "Pipe the token in with `--token -`, or set ANTHROPIC_SETUP_TOKEN."));
        SetupTokens.problem(token.value().reveal()).ifPresent(p -> {
            throw new OnboardException(p);
        });
        Long expires = expiry(req.tokenExpiresIn(), now);
        String profileId = tokenProfileId(req.tokenProfileId());
        return store(profileId, TokenCredential.of(provider, token.value(), expires), AuthMode.TOKEN, token);
    }

    /** {@code now + duration}, or null for no expiry; {@code Invalid --token-expires-in: <why>} otherwise. */
    static Long expiry(String expiresIn, long now) {
        if (expiresIn == null || expiresIn.isBlank()) {
            return null;
        }
        try {
            return now + Durations.parseMillis(expiresIn.strip());
        } catch (IllegalArgumentException e) {
            throw new OnboardException("Invalid --token-expires-in: " + e.getMessage());
        }
    }

    /** {@code --token-profile-id}, default {@code anthropic:default}; a bare name gets the provider prefix. */
    static String tokenProfileId(String requested) {
        try {
            return CredentialService.profileId("anthropic", requested, "default");
        } catch (IllegalArgumentException e) {
            throw new OnboardException(e.getMessage());
        }
    }

    private OnboardPlan custom(OnboardRequest req) {
        CustomProvider p = CustomProvider.fromFlags(req.customBaseUrl(), req.customModelId(), req.customProviderId(),
                req.customCompatibility());
        AuthStep auth = fromFlagOrEnv(AuthChoice.CUSTOM_API_KEY)
                .<AuthStep>map(s -> store(p.id() + ":default", ApiKeyCredential.of(p.id(), s.value()), AuthMode.API_KEY, s))
                .orElse(new AuthStep.None());
        return new OnboardPlan(AuthChoice.CUSTOM_API_KEY, auth, p, p.modelRef());
    }

    private Optional<ResolvedSecret> fromFlagOrEnv(AuthChoice choice) {
        ResolvedSecret flag = flags.get(choice.secretFlag());
        if (flag != null) {
            return Optional.of(flag);
        }
        return env.apply(choice.secretEnv()).map(Secret::ofNullable)
                .map(s -> new ResolvedSecret(s, ResolvedSecret.Origin.ENV, choice.secretEnv()));
    }

    /** {@code <provider>:default} when it is an API-key profile, else the first such profile by id. */
    private Optional<String> existingApiKeyProfile(String provider) {
        return store.profileIdsFor(provider).stream()
                .filter(id -> store.profile(id).type() == CredentialType.API_KEY)
                .min(Comparator.comparing((String id) -> !id.equals(provider + ":default")).thenComparing(id -> id));
    }

    private String suggestedIfUnset(AuthChoice choice) {
        return currentModel == null ? choice.suggestedModel().orElse(null) : null;
    }

    private static AuthStep.Store store(String profileId, Credential credential, AuthMode mode,
                                        ResolvedSecret from) {
        return new AuthStep.Store(profileId, credential, mode, from.origin(), from.describe());
    }
}
