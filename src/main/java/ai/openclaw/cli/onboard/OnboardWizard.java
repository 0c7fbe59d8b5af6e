package ai.openclaw.cli.onboard;

import ai.openclaw.cli.prompt.Choice;
import ai.openclaw.cli.prompt.Prompter;
import ai.openclaw.cli.prompt.Validator;
import ai.openclaw.config.AuthMode;
import ai.openclaw.core.Durations;
import ai.openclaw.core.Mask;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.models.ModelRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The interactive questions of {@code openclaw onboard}: provider and method, the secret (masked) or the endpoint,
 * then the default model. Only asks; the answers become an {@link OnboardPlan} that is applied afterwards, so
 * Ctrl-C at any question changes nothing. Flags given on the command line answer their question in advance.
 */
public final class OnboardWizard {
    static final String PROVIDER_QUESTION = "Model/auth provider";
    static final String MODEL_QUESTION = "Default model";

    private final Prompter prompter;
    private final Map<String, ResolvedSecret> flags;
    private final Function<String, Optional<String>> env;
    private final long now;
    private final String currentModel;

    /**
     * @param flags        the secrets given with flags, by flag name
     * @param env          the effective environment (keys already there are offered)
     * @param now          the clock's epoch millis
     * @param currentModel {@code agents.defaults.model.primary}, or null
     */
    public OnboardWizard(Prompter prompter, Map<String, ResolvedSecret> flags, Function<String, Optional<String>> env,
                         long now, String currentModel) {
        this.prompter = Objects.requireNonNull(prompter, "prompter");
        this.flags = Map.copyOf(flags);
        this.env = Objects.requireNonNull(env, "env");
        this.now = now;
        this.currentModel = currentModel;
    }

    public OnboardPlan run(OnboardRequest req) {
        Flow flow = req.flow() == null ? Flow.ADVANCED : req.flow();
        prompter.note("OpenClaw onboarding: connect a model provider. Nothing is saved until the last answer; "
                + "Ctrl-C leaves everything as it is.");
        AuthChoice choice = req.authChoice() != null ? AuthChoices.forInteractive(req.authChoice()) : chooseAuth();
        CustomProvider custom = null;
        AuthStep auth;
        switch (choice) {
            case ANTHROPIC_API_KEY, OPENAI_API_KEY, OPENROUTER_API_KEY, GEMINI_API_KEY -> auth = apiKey(choice);
            case ANTHROPIC_SETUP_TOKEN -> auth = setupToken(req, flow);
            case CLAUDE_CLI, OPENAI_CODEX -> {
                prompter.note("The " + choice.label() + " runs after the last question.");
                auth = new AuthStep.Login(choice);
            }
            case CUSTOM_API_KEY -> {
                custom = customProvider(req);
                auth = customKey(custom);
            }
            case SKIP -> auth = new AuthStep.None();
            default -> throw new IllegalStateException("unhandled choice " + choice);
        }
        String suggested = custom != null ? custom.modelRef() : choice.suggestedModel().orElse(null);
        return new OnboardPlan(choice, auth, custom, defaultModel(flow, suggested, custom != null));
    }

    private AuthChoice chooseAuth() {
        List<AuthGroup> groups = Arrays.asList(AuthGroup.values());
        AuthGroup group = groups.get(prompter.select(PROVIDER_QUESTION,
                groups.stream().map(g -> new Choice(g.label(), g.hint())).toList(), 0));
        if (group.choices().size() == 1) {
            return group.choices().getFirst();
        }
        return group.choices().get(prompter.select(group.label() + " auth method",
                group.choices().stream().map(c -> new Choice(c.label(), c.hint())).toList(), 0));
    }

    private AuthStep apiKey(AuthChoice choice) {
        String provider = choice.provider();
        ResolvedSecret key = given(choice)
                .orElseGet(() -> new ResolvedSecret(prompter.secret("Paste " + choice.label(), Validator.any()),
                        ResolvedSecret.Origin.PROMPT, null));
        return store(provider + ":default", ApiKeyCredential.of(provider, key.value()), AuthMode.API_KEY, key);
    }

    private AuthStep setupToken(OnboardRequest req, Flow flow) {
        if (req.tokenProvider() != null && !ProviderIds.normalize(req.tokenProvider()).equals("anthropic")) {
            throw new OnboardException("Only --token-provider anthropic is supported for --auth-choice token.");
        }
        Optional<ResolvedSecret> given = given(AuthChoice.ANTHROPIC_SETUP_TOKEN);
        given.ifPresent(t -> SetupTokens.problem(t.value().reveal()).ifPresent(p -> {
            throw new OnboardException(p);
        }));
        ResolvedSecret token = given.orElseGet(() -> {
            prompter.note("Run `claude setup-token` in another terminal, then paste the token it prints.");
            return new ResolvedSecret(prompter.secret("Paste Anthropic setup-token", SetupTokens::problem),
                    ResolvedSecret.Origin.PROMPT, null);
        });
        String profileId;
        if (req.tokenProfileId() != null) {
            profileId = NonInteractivePlanner.tokenProfileId(req.tokenProfileId());
        } else if (flow == Flow.ADVANCED) {
            profileId = "anthropic:" + SetupTokens.profileName(
                    prompter.text("Token name (blank = default)", null, Validator.any()));
        } else {
            profileId = "anthropic:default";
        }
        Long expires;
        if (req.tokenExpiresIn() != null) {
            expires = NonInteractivePlanner.expiry(req.tokenExpiresIn(), now);
        } else if (flow == Flow.ADVANCED) {
            String typed = prompter.text("Expires in (e.g. 365d, 12h; blank = no expiry)", null, OnboardWizard::durationProblem);
            expires = typed.isEmpty() ? null : now + Durations.parseMillis(typed);
        } else {
            expires = null;
        }
        return store(profileId, TokenCredential.of("anthropic", token.value(), expires), AuthMode.TOKEN, token);
    }

    private static Optional<String> durationProblem(String typed) {
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        try {
            Durations.parseMillis(typed);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("Invalid duration (e.g. 365d, 12h, 30m)");
        }
    }

    private CustomProvider customProvider(OnboardRequest req) {
        String url = req.customBaseUrl() != null ? req.customBaseUrl().strip()
                : prompter.text("API base URL", null,
                        v -> v.isEmpty() ? Optional.of("Required") : CustomProvider.baseUrlProblem(v));
        CustomProvider.baseUrlProblem(url).ifPresent(p -> {
            throw new OnboardException("Invalid --custom-base-url: " + p);
        });
        CustomProvider.Compatibility compat = req.customCompatibility() != null
                ? CustomProvider.Compatibility.parse(req.customCompatibility())
                : CustomProvider.Compatibility.values()[prompter.select("API compatibility",
                        Arrays.stream(CustomProvider.Compatibility.values())
                                .map(c -> new Choice(c.label(), c.hint())).toList(), 0)];
        String model = req.customModelId() != null ? req.customModelId().strip()
                : prompter.text("Model id", null, CustomProvider::modelIdProblem);
        CustomProvider.modelIdProblem(model).ifPresent(p -> {
            throw new OnboardException("Invalid --custom-model-id: " + p);
        });
        String id;
        if (req.customProviderId() != null) {
            id = CustomProvider.normalizeId(req.customProviderId());
            if (id.isEmpty()) {
                throw new OnboardException(CustomProvider.ID_PROBLEM);
            }
        } else {
            id = CustomProvider.normalizeId(prompter.text("Provider id", CustomProvider.defaultId(url),
                    v -> CustomProvider.normalizeId(v).isEmpty() ? Optional.of(CustomProvider.ID_PROBLEM)
                            : Optional.empty()));
        }
        return new CustomProvider(id, CustomProvider.normalizeBaseUrl(url), compat, model);
    }

    private AuthStep customKey(CustomProvider p) {
        Optional<ResolvedSecret> key = given(AuthChoice.CUSTOM_API_KEY);
        if (key.isEmpty() && prompter.confirm("Does this endpoint need an API key?", true)) {
            key = Optional.of(new ResolvedSecret(prompter.secret("Paste API key for " + p.id(), Validator.any()),
                    ResolvedSecret.Origin.PROMPT, null));
        }
        return key.<AuthStep>map(k -> store(p.id() + ":default", ApiKeyCredential.of(p.id(), k.value()),
                AuthMode.API_KEY, k)).orElse(new AuthStep.None());
    }

    /** The secret of a flag, else its environment variable if the person agrees to use it. */
    private Optional<ResolvedSecret> given(AuthChoice choice) {
        ResolvedSecret flag = flags.get(choice.secretFlag());
        if (flag != null) {
            return Optional.of(flag);
        }
        Optional<Secret> fromEnv = env.apply(choice.secretEnv()).map(Secret::ofNullable);
        if (fromEnv.isPresent() && prompter.confirm("Use " + choice.secretEnv() + " from the environment ("
                + Mask.apiKey(fromEnv.get().reveal()) + ")?", true)) {
            return Optional.of(new ResolvedSecret(fromEnv.get(), ResolvedSecret.Origin.ENV, choice.secretEnv()));
        }
        return Optional.empty();
    }

    /**
     * The new default model, or null to keep the current one. Quickstart keeps a configured default (a custom
     * provider's model always becomes the default); advanced asks.
     */
    private String defaultModel(Flow flow, String suggested, boolean custom) {
        if (flow == Flow.QUICKSTART) {
            return custom || currentModel == null ? suggested : null;
        }
        List<Choice> options = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (currentModel != null) {
            options.add(new Choice("Keep " + currentModel, "current default"));
            values.add(null);
        }
        if (suggested != null && !suggested.equals(currentModel)) {
            options.add(new Choice(suggested, custom ? "the model just added" : "suggested for this provider"));
            values.add(suggested);
        }
        if (currentModel == null) {
            options.add(new Choice("Leave unset", "uses the built-in default"));
            values.add(null);
        }
        options.add(new Choice("Enter a model", "provider/model"));
        int picked = prompter.select(MODEL_QUESTION, options, 0);
        if (picked < values.size()) {
            return values.get(picked);
        }
        return ModelRef.parse(prompter.text("Model (provider/model)", null, v -> ModelRef.parse(v).isPresent()
                ? Optional.empty() : Optional.of("Expected provider/model, e.g. anthropic/claude-opus-4-6")))
                .orElseThrow().key();
    }

    private static AuthStep.Store store(String profileId, Credential credential, AuthMode mode,
                                        ResolvedSecret from) {
        return new AuthStep.Store(profileId, credential, mode, from.origin(), from.describe());
    }
}
